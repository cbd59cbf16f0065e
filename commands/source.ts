import { source } from '../src/answer/source.js';
import { defineCommand } from '../src/commands/contract.js';
import type { Engine } from '../src/engine.js';

/** File names that start with what was typed, then those that contain it or whose title does. */
function fileChoices(engine: Engine, typed: string) {
  const wanted = typed.trim().toLowerCase();
  const articles = engine.corpus.articles;
  const starting = articles.filter((a) => a.name.toLowerCase().startsWith(wanted));
  const containing = articles.filter(
    (a) =>
      !starting.includes(a) &&
      (a.name.toLowerCase().includes(wanted) || (a.meta.title ?? '').toLowerCase().includes(wanted)),
  );
  return [...starting, ...containing].slice(0, 25).map((a) => ({
    name: a.meta.title ? `${a.name} · ${a.meta.title}` : a.name,
    // A value is at most 100 characters; /source takes a file name's unique start.
    value: a.name.slice(0, 100),
  }));
}

export default defineCommand({
  name: 'source',
  description: 'Show a cited line of an article with the paragraph around it',
  options: [
    {
      name: 'file',
      description: 'Article file name, e.g. 000_5c82c171a96e32aa.txt',
      type: 'string',
      required: true,
      maxLength: 300,
      autocomplete: fileChoices,
    },
    {
      name: 'line',
      description: 'Line number in the file',
      type: 'integer',
      required: true,
      min: 1,
      max: 10_000_000,
    },
  ],
  run: ({ engine }, { file, line }) => source(engine, file, line),
});
