import { performance } from 'node:perf_hooks';
import type { Engine } from '../engine.js';
import type { IndexDoc } from '../index/searchIndex.js';
import { contentKeys } from '../text/normalize.js';
import { sourceOf } from './links.js';
import { coverage, planQuery, type QueryPlan } from './query.js';
import type { Answer, Citation } from './types.js';

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

export const MAX_QUESTION_CHARS = 500;

export interface AskOptions {
  /** Most quotes in the answer (default 5). */
  limit?: number;
  /** Command name recorded in the answer (default `ask`). */
  command?: string;
  /** Restrict to sentences or facts. */
  type?: IndexDoc['type'];
}

interface Ranked {
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

function emptyAnswer(command: string, query: string, answer: string, started: number): Answer {
  return {
    command,
    query,
    found: false,
    answer,
    citations: [],
    facts: [],
    matched: 0,
    unmatched: [],
    tookMs: performance.now() - started,
  };
}

/**
 * Answers a free question from the corpus: ranked quotes with their sources,
 * or `found: false` with a message when no sentence is relevant enough.
 */
export function ask(engine: Engine, question: string, options: AskOptions = {}): Answer {
  const started = performance.now();
  const command = options.command ?? 'ask';
  const query = question.trim();
  if (query === '') return emptyAnswer(command, query, 'Ask a question: the question was empty.', started);
  if (query.length > MAX_QUESTION_CHARS) {
    return emptyAnswer(
      command,
      `${query.slice(0, 100)}…`,
      `The question is too long (${query.length} characters); keep it under ${MAX_QUESTION_CHARS}.`,
      started,
    );
  }

  const plan = planQuery(engine.index, query);
  const unmatched = plan.terms.filter((t) => t.kind === 'none').map((t) => t.word);
  if (plan.terms.length === 0) {
    return emptyAnswer(
      command,
      query,
      'The question has no words to search for (only common words or symbols). Name what you want to know about.',
      started,
    );
  }
  const ranked = rank(engine, plan, options.type ?? 'sentence');
  const best = ranked[0];
  const found = best?.relevant === true;
  const citations = found ? selectCitations(engine, ranked, options.limit ?? 5) : [];
  return {
    command,
    query,
    found,
    answer: found ? citations[0]!.text : notFoundMessage(engine, unmatched),
    citations,
    facts: [],
    matched: ranked.length,
    unmatched,
    tookMs: performance.now() - started,
  };
}

/** Lists the sentences that match a query (more of them than `ask` quotes). */
export function search(engine: Engine, query: string, limit = 10): Answer {
  const answer = ask(engine, query, { command: 'search', limit });
  if (!answer.found) return answer;
  const shown = answer.citations.length;
  const more = answer.citations.reduce((sum, c) => sum + c.also.length, 0);
  const also = more > 0 ? ` (and ${more} near-identical elsewhere)` : '';
  return { ...answer, answer: `${shown} matching sentence${shown === 1 ? '' : 's'}${also}, best first.` };
}
