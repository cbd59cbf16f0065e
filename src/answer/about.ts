import type { Command } from '../commands/contract.js';
import type { Engine } from '../engine.js';
import type { Answer } from './types.js';

function info(command: string, answer: string): Answer {
  return {
    command,
    query: '',
    found: true,
    answer,
    citations: [],
    facts: [],
    matched: 0,
    unmatched: [],
    tookMs: 0,
  };
}

/** Lists the commands and their options. */
export function helpAnswer(commands: ReadonlyMap<string, Command>): Answer {
  const lines = [...commands.values()]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((c) => {
      const options = c.options.map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`)).join(' ');
      return `/${c.name}${options ? ` ${options}` : ''}: ${c.description}`;
    });
  return info(
    'help',
    `citebot answers from its articles by quoting them; every quote names its file and line.\n${lines.join('\n')}`,
  );
}

/** Describes the corpus: files, sentences, dates covered, skipped files, index build time. */
export function aboutAnswer(engine: Engine): Answer {
  const { stats, corpus } = engine;
  const dates = stats.dateRange ? `${stats.dateRange[0]} to ${stats.dateRange[1]}` : 'no dated articles';
  const lines = [
    `${stats.files} article${stats.files === 1 ? '' : 's'}, ${stats.sentences} sentences, dates: ${dates}.`,
    `Index built in ${stats.buildMs.toFixed(1)} ms.`,
  ];
  if (corpus.warnings.length > 0) {
    lines.push(
      `Skipped ${corpus.warnings.length}: ${corpus.warnings.map((w) => `${w.file} (${w.reason})`).join('; ')}.`,
    );
  }
  if (engine.topics.names.length > 0) lines.push(`About: ${engine.topics.names.join(', ')}.`);
  return info('about', lines.join('\n'));
}
