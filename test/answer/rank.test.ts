import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../../bench/sotu.js';
import { coverage } from '../../src/answer/coverage.js';
import { planQuery } from '../../src/answer/query.js';
import { type Ranked, RELEVANCE, rank, relevanceOf, selectCitations } from '../../src/answer/rank.js';
import type { Engine } from '../../src/engine.js';
import { buildIndex, type IndexDoc } from '../../src/index/searchIndex.js';
import { seedEngine } from '../support/seedEngine.js';

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

describe('selectCitations', () => {
  let seeds: Engine;
  beforeAll(async () => {
    seeds = await seedEngine();
  });

  /** Four seed sentences that share few words (no two are near-duplicates). */
  const ids = [0, 10, 20, 30];
  const ranked = (rows: Array<[number, number]>): Ranked[] =>
    rows.map(([score, coverage], i) => ({ id: ids[i]!, score, coverage, missing: 0, relevant: true }));

  it('leaves out a quote that covers less than CITE_COVERAGE_RATIO of what the best one covers', () => {
    const best = 1;
    const rows = ranked([
      [10, best],
      [9, best * RELEVANCE.CITE_COVERAGE_RATIO - 0.01],
      [8, best * RELEVANCE.CITE_COVERAGE_RATIO],
    ]);
    expect(selectCitations(seeds, rows, 5).map((c) => c.text)).toEqual([
      seeds.corpus.sentences[ids[0]!]!.text,
      seeds.corpus.sentences[ids[2]!]!.text,
    ]);
  });

  it('stops at the first quote that scores below CITE_SCORE_RATIO of the best score', () => {
    const best = 10;
    const rows = ranked([
      [best, 1],
      [best * RELEVANCE.CITE_SCORE_RATIO, 1],
      [best * RELEVANCE.CITE_SCORE_RATIO - 0.01, 1],
      // Ranked lists are sorted by score; one out of order after the cut is still not read.
      [best, 1],
    ]);
    expect(selectCitations(seeds, rows, 5).map((c) => c.text)).toEqual([
      seeds.corpus.sentences[ids[0]!]!.text,
      seeds.corpus.sentences[ids[1]!]!.text,
    ]);
  });
});

describe('relevanceOf', () => {
  const judged = (question: string, share: number) => {
    const plan = planQuery(engine.index, question);
    const c = {
      share,
      missing: 1,
      missingRequired: 0,
      missingPeopleShare: 0,
      plainMatched: 1,
      countedMatched: 0,
      missingNames: 0,
      missedNameBits: 0,
      missedTopic: false,
      total: 1,
    };
    return relevanceOf(engine, plan)(0, c, () => true) >= 0;
  };

  it('asks less of the rest of a question when the document names every place it names', () => {
    const between = (RELEVANCE.FOUND_COVERAGE + RELEVANCE.FOUND_COVERAGE_NAMED) / 2;
    expect(judged('What did Tajikistan and Kazakhstan agree on trade?', between)).toBe(true);
    expect(judged('What did the neighbours agree on trade?', between)).toBe(false);
    expect(
      judged('What did Tajikistan and Kazakhstan agree on trade?', RELEVANCE.FOUND_COVERAGE_NAMED - 0.01),
    ).toBe(false);
  });
});
