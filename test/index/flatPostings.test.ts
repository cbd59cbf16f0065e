import fc from 'fast-check';
import type MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { flatPostingsSteps, scorer } from '../../src/index/flatPostings.js';
import { internalsOf } from '../../src/index/internals.js';
import { buildIndex, type IndexDoc } from '../../src/index/searchIndex.js';
import { drive } from '../../src/index/steps.js';
import { contentKeys } from '../../src/text/normalize.js';
import { seedEngine } from '../support/seedEngine.js';
import { docsArbitrary, someKeys } from './support.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

/** The fast path alone, over a built index's MiniSearch. */
function scorerOf(mini: MiniSearch<IndexDoc>, docs: readonly IndexDoc[]) {
  return scorer(mini, drive(flatPostingsSteps(internalsOf(mini), docs)));
}

describe('scorer', () => {
  it('returns the scores, to the last bit, and the keys of MiniSearch search when given any keys', () => {
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
          const expected = index.mini
            .search(
              { queries: [...keys], combineWith: 'OR' },
              {
                boostTerm: (k) => boostOf.get(k) ?? 1,
                ...(type ? { filter: (r) => docs[r.id as number]?.type === type } : {}),
              },
            )
            .map((r) => ({ id: r.id as number, score: r.score, keys: [...r.terms].sort() }))
            .sort((a, b) => a.id - b.id);
          const matches = scorerOf(index.mini, docs)(keys, boosts, type);
          if (!matches) throw new Error('scorer declined an unchanged index');
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

  it('returns null when a document was discarded since its tables were made', () => {
    const index = buildIndex(engine.index.docs);
    const score = scorerOf(index.mini, index.docs);
    index.mini.discard(3);
    expect(score(contentKeys('trade agreement'), [1, 1])).toBeNull();
  });
});

describe('match', () => {
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
