import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, type IndexDoc, type SearchIndex } from '../../src/index/searchIndex.js';
import { contentKeys } from '../../src/text/normalize.js';

/** The radix tree's shape, child order included (fuzzy and prefix lookups list keys in that order). */
export function treeShape(index: MiniSearch<IndexDoc>): string {
  const walk = (node: Map<string, unknown>): unknown =>
    [...node].map(([edge, child]) => [edge, edge === '' ? 'leaf' : walk(child as Map<string, unknown>)]);
  return JSON.stringify(walk((index as unknown as { _index: { _tree: Map<string, unknown> } })._index._tree));
}

export function plainAddAll(docs: readonly IndexDoc[]): MiniSearch<IndexDoc> {
  const mini = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  mini.addAll(docs);
  return mini;
}

const WORDS = [
  'trade',
  'Trade',
  'treaty',
  'the',
  'of',
  'Tajikistan’s',
  'Émomali',
  'Rakhmon',
  'Rahmon',
  'negotiations',
  '2024',
  'a',
  'goal',
  'target',
  'Dushanbe',
  'agreement',
  'agreements',
  "country's",
  'x',
];

export const docsArbitrary = fc
  .array(
    fc.record({
      words: fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }),
      fact: fc.boolean(),
      keywords: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((specs) =>
    specs.map(
      (s, id): IndexDoc => ({
        id,
        type: s.fact ? 'fact' : 'sentence',
        text: s.words.join(' '),
        keywords: s.fact ? s.keywords.join(' ') : '',
      }),
    ),
  );

/** A few keys of the index (and one it lacks), with boosts in (0, 1]. */
export function someKeys(index: SearchIndex, picks: readonly number[]): { keys: string[]; boosts: number[] } {
  const vocabulary = [...contentKeys(WORDS.join(' ')), ...index.docs.flatMap((d) => contentKeys(d.text))];
  const keys = picks.map((p) => vocabulary[p % vocabulary.length] ?? 'zzz').concat('nosuchkey');
  return { keys, boosts: keys.map((_, i) => 0.3 + ((i * 7) % 8) / 10) };
}
