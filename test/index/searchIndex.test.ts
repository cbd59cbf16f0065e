import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import {
  buildIndex,
  buildIndexAsync,
  exportIndex,
  INDEX_OPTIONS,
  type IndexDoc,
  importIndex,
  type KeySet,
  keyJaccard,
  type SearchIndex,
} from '../../src/index/searchIndex.js';
import { contentKeys } from '../../src/text/normalize.js';
import { seedEngine } from '../support/seedEngine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

/** The radix tree's shape, child order included (fuzzy and prefix lookups list keys in that order). */
function treeShape(index: MiniSearch<IndexDoc>): string {
  const walk = (node: Map<string, unknown>): unknown =>
    [...node].map(([edge, child]) => [edge, edge === '' ? 'leaf' : walk(child as Map<string, unknown>)]);
  return JSON.stringify(walk((index as unknown as { _index: { _tree: Map<string, unknown> } })._index._tree));
}

function plainAddAll(docs: readonly IndexDoc[]): MiniSearch<IndexDoc> {
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

const docsArbitrary = fc
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
function someKeys(index: SearchIndex, picks: readonly number[]): { keys: string[]; boosts: number[] } {
  const vocabulary = [...contentKeys(WORDS.join(' ')), ...index.docs.flatMap((d) => contentKeys(d.text))];
  const keys = picks.map((p) => vocabulary[p % vocabulary.length] ?? 'zzz').concat('nosuchkey');
  return { keys, boosts: keys.map((_, i) => 0.3 + ((i * 7) % 8) / 10) };
}

describe('buildIndex', () => {
  it('returns the same index as MiniSearch addAll when built over the seeds', () => {
    const docs = engine.index.docs;
    const plain = plainAddAll(docs);
    expect(JSON.stringify(buildIndex(docs).mini)).toBe(JSON.stringify(plain));
    expect(treeShape(buildIndex(docs).mini)).toBe(treeShape(plain));
  });

  it('returns the same index as MiniSearch addAll for any documents', () => {
    fc.assert(
      fc.property(docsArbitrary, (docs) => {
        const built = buildIndex(docs).mini;
        const plain = plainAddAll(docs);
        expect(JSON.stringify(built)).toBe(JSON.stringify(plain));
        expect(treeShape(built)).toBe(treeShape(plain));
      }),
      { numRuns: 100 },
    );
  });

  it('throws MiniSearch’s message when a document id repeats', () => {
    const doc: IndexDoc = { id: 0, type: 'sentence', text: 'trade', keywords: '' };
    expect(() => buildIndex([doc, doc])).toThrow('MiniSearch: duplicate ID 0');
  });
});

describe('buildIndexAsync', () => {
  it('returns the same index as buildIndex', async () => {
    const docs = engine.index.docs;
    const built = await buildIndexAsync(docs, { sliceMs: 1 });
    expect(JSON.stringify(built.mini)).toBe(JSON.stringify(buildIndex(docs).mini));
    expect(treeShape(built.mini)).toBe(treeShape(buildIndex(docs).mini));
  });
});

describe('match', () => {
  it('returns the scores, to the last bit, and the keys of search when given any keys', () => {
    fc.assert(
      fc.property(
        docsArbitrary,
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(undefined, 'sentence' as const, 'fact' as const),
        (docs, picks, type) => {
          const index = buildIndex(docs);
          const { keys, boosts } = someKeys(index, picks);
          const boostOf = new Map<string, number>();
          keys.forEach((k, i) => {
            if (!boostOf.has(k)) boostOf.set(k, boosts[i]!);
          });
          const expected = index
            .search(keys, (k) => boostOf.get(k) ?? 1, type)
            .map((r) => ({ id: r.id as number, score: r.score, keys: [...r.terms].sort() }))
            .sort((a, b) => a.id - b.id);
          const matches = index.match(keys, boosts, type);
          const actual = Array.from({ length: matches.count }, (_, i) => ({
            id: matches.ids[i]!,
            score: matches.scores[i]!,
            keys: keys
              .filter((k, bit) => keys.indexOf(k) === bit)
              .filter((k) => {
                const bit = keys.indexOf(k);
                return (matches.masks[i * matches.words + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
              })
              .sort(),
          })).sort((a, b) => a.id - b.id);
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('returns what search returns when a document was discarded since the build', () => {
    const index = buildIndex(engine.index.docs);
    index.mini.discard(3);
    const keys = contentKeys('trade agreement Tajikistan target');
    const boosts = keys.map(() => 1);
    // MiniSearch drops a discarded document's postings lazily, during the
    // first search that meets them, so only the searches after it agree.
    index.search(keys, () => 1);
    const results = index.search(keys, () => 1);
    const matches = index.match(keys, boosts);
    expect([...matches.ids]).toEqual(results.map((r) => r.id));
    expect([...matches.scores]).toEqual(results.map((r) => r.score));
  });

  it('returns no matches when given no keys', () => {
    expect(engine.index.match([], []).count).toBe(0);
  });
});

describe('keySet', () => {
  const idsOf = (set: KeySet) => [...set.ids.subarray(set.start, set.end)];

  it('returns as many ids as the text has distinct content keys', () => {
    for (const doc of engine.index.docs.filter((d) => d.type === 'sentence')) {
      const set = engine.index.keySet(doc.id);
      expect(set.end - set.start).toBe(new Set(contentKeys(doc.text)).size);
    }
  });

  it('returns the ids keySetOfText gives the same text, sorted', () => {
    for (const doc of engine.index.docs.slice(0, 40)) {
      if (doc.type !== 'sentence') continue;
      const ids = idsOf(engine.index.keySet(doc.id));
      expect(ids).toEqual(idsOf(engine.index.keySetOfText(doc.text)));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });
});

describe('keyJaccard', () => {
  it('returns the Jaccard similarity of the texts’ content keys', () => {
    const { index } = engine;
    const a = index.keySetOfText('trade target agreement Tajikistan');
    const b = index.keySetOfText('the trade agreement with Kazakhstan');
    expect(keyJaccard(a, b)).toBeCloseTo(2 / 5, 12);
    expect(keyJaccard(a, a)).toBe(1);
    expect(keyJaccard(index.keySetOfText('the'), index.keySetOfText('of'))).toBe(0);
  });
});

describe('importIndex', () => {
  it('returns an index identical to the exported one, trees included', () => {
    const data = JSON.parse(JSON.stringify(exportIndex(engine.index)));
    const imported = importIndex(data, engine.index.docs);
    expect(JSON.stringify(imported.mini)).toBe(JSON.stringify(engine.index.mini));
    expect(treeShape(imported.mini)).toBe(treeShape(engine.index.mini));
    expect(imported.spellingKeys('negotiatons', 2)).toEqual(engine.index.spellingKeys('negotiatons', 2));
  });

  it('throws a message naming the module when the data does not fit', () => {
    const data = exportIndex(engine.index);
    expect(() => importIndex({ ...data, layout: 2 as 1 }, engine.index.docs)).toThrow(/^searchIndex: /);
    expect(() => importIndex({ ...data, vocabulary: [1, 2] }, engine.index.docs)).toThrow(/^searchIndex: /);
    expect(() => importIndex({ ...data, fieldIds: { text: 0 } }, engine.index.docs)).toThrow(
      /^searchIndex: /,
    );
  });
});
