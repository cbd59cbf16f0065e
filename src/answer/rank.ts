import type { Engine } from '../engine.js';
import type { IndexDoc } from '../index/searchIndex.js';
import { contentKeys } from '../text/normalize.js';
import { sourceOf } from './links.js';
import { coverage, type QueryPlan } from './query.js';
import type { Citation } from './types.js';

/**
 * The relevance rule. An answer is found when its best sentence covers at
 * least FOUND_COVERAGE of the question's information (idf-weighted content
 * words; a word no article uses weighs the most) and misses fewer than half
 * of its content words (so a two-word question needs both: "president of
 * Russia" is not answered by a sentence that only names Russia). Further
 * quotes must come close to the best one in coverage and in score.
 * Tuned on bench/questions.json (npm run eval).
 */
export const RELEVANCE = {
  FOUND_COVERAGE: 0.55,
  /** A further quote covers at least this share of what the best one covers… */
  CITE_COVERAGE_RATIO: 0.75,
  /** …and scores at least this share of the best score. */
  CITE_SCORE_RATIO: 0.3,
  /** Sentences this similar (Jaccard of content words) are one quote with several sources. */
  NEAR_DUPLICATE: 0.5,
} as const;

export interface Ranked {
  id: number;
  score: number;
  coverage: number;
  missing: number;
  /** Passes the relevance rule on its own. */
  relevant: boolean;
}

/** Content words a relevant sentence may leave unmatched: fewer than half. */
export function allowedMissing(terms: number): number {
  return Math.floor((terms - 1) / 2);
}

/**
 * Ranks index documents for a plan: relevant ones first, then by BM25 score
 * weighted by the square of coverage.
 */
export function rank(engine: Engine, plan: QueryPlan, type?: IndexDoc['type']): Ranked[] {
  const results = engine.index.search([...plan.keys.keys()], (key) => plan.keys.get(key) ?? 1, type);
  const missingAllowed = allowedMissing(plan.terms.length);
  const ranked: Ranked[] = results.map((r) => {
    const c = coverage(plan, r.terms);
    return {
      id: r.id as number,
      score: r.score * c.share * c.share,
      coverage: c.share,
      missing: c.missing,
      relevant: c.share >= RELEVANCE.FOUND_COVERAGE && c.missing <= missingAllowed,
    };
  });
  return ranked.sort((a, b) => Number(b.relevant) - Number(a.relevant) || b.score - a.score || a.id - b.id);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Picks the quotes: close enough to the best, near-duplicates folded into one. */
export function selectCitations(engine: Engine, ranked: readonly Ranked[], limit: number): Citation[] {
  const best = ranked[0];
  if (!best) return [];
  const { corpus, sourceBaseUrl } = engine;
  const citations: Citation[] = [];
  const keySets: Set<string>[] = [];
  for (const r of ranked) {
    if (!r.relevant || r.coverage < best.coverage * RELEVANCE.CITE_COVERAGE_RATIO) continue;
    if (r.score < best.score * RELEVANCE.CITE_SCORE_RATIO) break;
    const sentence = corpus.sentences[r.id];
    if (!sentence) continue;
    const keys = new Set(contentKeys(sentence.text));
    const twin = keySets.findIndex((k) => jaccard(k, keys) >= RELEVANCE.NEAR_DUPLICATE);
    if (twin >= 0) {
      citations[twin]!.also.push(sourceOf(corpus, sentence, sourceBaseUrl));
      continue;
    }
    if (citations.length >= limit) continue;
    keySets.push(keys);
    citations.push({
      n: citations.length + 1,
      ...sourceOf(corpus, sentence, sourceBaseUrl),
      text: sentence.text,
      also: [],
      score: Number(r.score.toFixed(4)),
    });
  }
  return citations;
}
