import type { Command } from '../commands/contract.js';
import type { Engine } from '../engine.js';
import { countsOf } from '../facts/kinds/index.js';
import { type Answer, messageAnswer } from './types.js';

/** Lists the commands and their options. */
export function helpAnswer(commands: ReadonlyMap<string, Command>): Answer {
  const lines = [...commands.values()]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((c) => {
      const options = c.options.map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`)).join(' ');
      return `/${c.name}${options ? ` ${options}` : ''}: ${c.description}`;
    });
  return messageAnswer(
    'help',
    `citebot answers from its articles by quoting them; every quote names its file and line.\n${lines.join('\n')}`,
  );
}

/** Describes the corpus: files, sentences, dates covered, skipped files, index build time. */
export function aboutAnswer(engine: Engine): Answer {
  const { stats, corpus } = engine;
  const dates = stats.dateRange ? `${stats.dateRange[0]} to ${stats.dateRange[1]}` : 'no dated articles';
  const { facts } = engine;
  const lines = [
    `${stats.files} article${stats.files === 1 ? '' : 's'}, ${stats.sentences} sentences, dates: ${dates}.`,
    `Facts: ${countsOf(facts, engine.trade).join(', ')}.`,
    stats.indexFrom === 'snapshot'
      ? `Index and facts loaded from a snapshot in ${stats.buildMs.toFixed(1)} ms.`
      : `Index built in ${stats.buildMs.toFixed(1)} ms (facts extracted in ${stats.factMs.toFixed(1)} ms).`,
  ];
  if (stats.files === 0) lines[0] = 'The corpus is empty: add .txt or .md articles to the corpus folder.';
  for (const inferred of facts.inferredDates) {
    lines.push(
      `${inferred.file} is undated; it reports an event ${inferred.from} dates ${inferred.date}, so that date is used.`,
    );
  }
  const files = corpus.articles.map((a) => `${a.name}${a.meta.date ? ` (${a.meta.date})` : ''}`);
  if (files.length > 0)
    lines.push(`Files: ${files.length > 12 ? `${files.slice(0, 12).join(', ')}, …` : files.join(', ')}.`);
  if (corpus.warnings.length > 0) {
    lines.push(
      `Skipped ${corpus.warnings.length}: ${corpus.warnings.map((w) => `${w.file} (${w.reason})`).join('; ')}.`,
    );
  }
  if (engine.topics.names.length > 0) lines.push(`About: ${engine.topics.names.join(', ')}.`);
  return messageAnswer('about', lines.join('\n'));
}
