import type { Engine } from '../engine.js';

function quoteList(words: readonly string[]): string {
  const quoted = words.map((w) => `"${w}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** The "not found" message: what was missing, and what the corpus does cover. */
export function notFoundMessage(engine: Engine, unmatched: readonly string[]): string {
  const { stats, topics } = engine;
  if (stats.files === 0) return 'The corpus is empty: add .txt or .md articles to the corpus folder.';
  const missing = unmatched.length > 0 ? ` No article mentions ${quoteList(unmatched.slice(0, 5))}.` : '';
  const span = stats.dateRange
    ? stats.dateRange[0] === stats.dateRange[1]
      ? ` (dated ${stats.dateRange[0]})`
      : ` (dated ${stats.dateRange[0]} to ${stats.dateRange[1]})`
    : '';
  const names = topics.names.length > 0 ? ` They are about ${topics.names.join(', ')}` : '';
  const subjects =
    topics.subjects.length > 0 ? `${names ? ';' : ' They cover'} ${topics.subjects.join(', ')}` : '';
  const about = names || subjects ? `${names}${subjects}.` : '';
  const files = stats.files === 1 ? '1 article' : `${stats.files} articles`;
  return `Nothing in the corpus answers that.${missing} The ${files}${span} were searched.${about}`;
}
