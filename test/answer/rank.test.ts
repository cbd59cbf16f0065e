import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/sotu.js';
import { coverage, planQuery } from '../../src/answer/query.js';
import { type Ranked, rank, relevanceOf } from '../../src/answer/rank.js';
import type { Engine } from '../../src/engine.js';
import { buildIndex, type IndexDoc } from '../../src/index/searchIndex.js';

const VOCABULARY =
  'trade target goal agreement treaty signed president Tajikistan Kazakhstan billion growth percent meeting visit Dushanbe Astana border water energy the of and in'.split(
    ' ',
  );

/** Enough short documents over a small vocabulary for thousands of matches and many tied scores. */
function corpusDocs(count: number, seed: number): IndexDoc[] {
  const random = prng(seed);
  return Array.from({ length: count }, (_, id) => {
    const length = 1 + Math.floor(random() * 8);
    const words = Array.from({ length }, () => VOCABULARY[Math.floor(random() * VOCABULARY.length)]!);
    const fact = id % 50 === 49;
    return {
      id,
      type: fact ? 'fact' : 'sentence',
      text: words.join(' '),
      keywords: fact ? 'trade volume turnover' : '',
    };
  });
}

const docs = corpusDocs(12_000, 11);
const engine = { index: buildIndex(docs) } as unknown as Engine;

/** rank as first written: MiniSearch's search, coverage of its matched terms, a comparator sort. */
function rankByComparator(question: string, type?: IndexDoc['type']): Ranked[] {
  const plan = planQuery(engine.index, question);
  const results = engine.index.search([...plan.keys.keys()], (key) => plan.keys.get(key) ?? 1, type);
  const judge = relevanceOf(engine, plan);
  return results
    .map((r) => {
      const c = coverage(plan, r.terms);
      const judged = judge(r.id as number, c, (k) => r.terms.includes(k));
      const share = judged >= 0 ? judged : c.share;
      return {
        id: r.id as number,
        score: r.score * share * share,
        coverage: share,
        missing: c.missing,
        relevant: judged >= 0,
      };
    })
    .sort((a, b) => Number(b.relevant) - Number(a.relevant) || b.score - a.score || a.id - b.id);
}

describe('rank', () => {
  it('returns the ranking of a comparator sort over MiniSearch results when thousands match', () => {
    for (const question of [
      'trade',
      'the trade target',
      'Tajikistan water energy border',
      'treaty signed in',
    ]) {
      const ranked = rank(engine, planQuery(engine.index, question));
      expect(ranked.length).toBeGreaterThan(1024);
      expect(ranked).toEqual(rankByComparator(question));
    }
  });

  it('returns the ranking of a comparator sort for any question over the vocabulary', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...VOCABULARY, 'tarde', 'agrement', 'Dushambe'), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom(undefined, 'sentence' as const, 'fact' as const),
        (words, type) => {
          const question = words.join(' ');
          expect(rank(engine, planQuery(engine.index, question), type)).toEqual(
            rankByComparator(question, type),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
