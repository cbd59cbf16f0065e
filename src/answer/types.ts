import { performance } from 'node:perf_hooks';
import type { AnswerFieldsOf, IndexedKindName } from '../facts/kinds/index.js';
import type { StatementFact } from '../facts/types.js';

/** Where a quote comes from. */
export interface SourceRef {
  /**
   * Path relative to the project root, e.g. `seeds/000_5c82c171a96e32aa.txt`; for a corpus folder outside
   * it, relative to that folder: never an absolute server path.
   */
  file: string;
  /** 1-based line where the sentence starts. */
  line: number;
  /** Link to the original article (front matter `url`), else to the line (`SOURCE_BASE_URL`), else null. */
  url: string | null;
  /** The article's date (YYYY-MM-DD), when the article gives one. */
  date: string | null;
  /** The sentence, when the reference stands apart from a quote (a fact's source). */
  text?: string;
}

export interface Citation extends SourceRef {
  /** 1-based rank in the answer. */
  n: number;
  /** The sentence, exactly as written (whitespace folded). */
  text: string;
  /** The same sentence, near enough, in other places. */
  also: SourceRef[];
  /** Ranking score (higher is better); comparable within one answer only. */
  score: number;
}

/**
 * A typed fact behind an answer (a trade figure, an agreement, a meeting, a
 * person), as shown to users: a one-line statement, its sources, and the
 * kind's own fields (see src/facts/kinds) for JSON.
 */
export type AnswerFact =
  | {
      [K in IndexedKindName]: FactLine & { kind: K } & AnswerFieldsOf<K>;
    }[IndexedKindName]
  | ClaimFact
  | StatementLine;

/** A statement (who said what) as `/quotes` and `/ask` show it, with its own fields for JSON. */
export type StatementLine = FactLine & { kind: 'statement' } & Omit<
    StatementFact,
    'kind' | 'statement' | 'source' | 'sources'
  >;

/** What every fact shows, whatever its kind: all a renderer reads of one. */
export interface FactLine {
  kind: string;
  /** The fact in one line, e.g. "Trade 2024: $1.2 billion (+7%)". */
  statement: string;
  /** Every sentence the fact was read from, best first. */
  sources: SourceRef[];
}

/** An answer's facts of one kind, with that kind's fields. */
export function factsOf<K extends IndexedKindName>(
  answer: Pick<Answer, 'facts'>,
  kind: K,
): Array<Extract<AnswerFact, { kind: K }>> {
  return answer.facts.filter((f): f is Extract<AnswerFact, { kind: K }> => f.kind === kind);
}

/**
 * The answer to one command: what every renderer (Discord, terminal, JSON)
 * shows. A renderer takes `Answer<FactLine>`: it needs no kind's own fields.
 */
export interface Answer<F extends FactLine = AnswerFact> {
  /** The command that produced it (`ask`, `search`, `source`, …). */
  command: string;
  /** The question or query as given, or a summary of the options. */
  query: string;
  found: boolean;
  /** A short answer, or when nothing is found, a message saying what the corpus covers. */
  answer: string;
  /** Ranked quotes, best first. */
  citations: Citation[];
  /** Typed facts behind the answer (see src/facts), shown before the quotes. */
  facts: F[];
  /** How many index documents matched before the relevance cut. */
  matched: number;
  /** Question words that no article uses. */
  unmatched: string[];
  tookMs: number;
}

/** What an answer found, beside its text: quotes, facts, and how much matched. */
export interface Found {
  citations: Citation[];
  facts?: AnswerFact[];
  /** How many index documents matched. */
  matched: number;
  unmatched?: string[];
}

/** An answer that found something: its text, its quotes and facts. */
export function foundAnswer(
  command: string,
  query: string,
  answer: string,
  found: Found,
  startedMs: number,
): Answer {
  return {
    command,
    query,
    found: true,
    answer,
    citations: found.citations,
    facts: found.facts ?? [],
    matched: found.matched,
    unmatched: found.unmatched ?? [],
    tookMs: performance.now() - startedMs,
  };
}

/**
 * An answer that found nothing: the message says why, and what the corpus
 * does cover. `searched` says how many documents matched below the relevance
 * cut, and which question words no article uses.
 */
export function notFoundAnswer(
  command: string,
  query: string,
  answer: string,
  startedMs: number,
  searched: { matched: number; unmatched: string[] } = { matched: 0, unmatched: [] },
): Answer {
  return {
    command,
    query,
    found: false,
    answer,
    citations: [],
    facts: [],
    matched: searched.matched,
    unmatched: searched.unmatched,
    tookMs: performance.now() - startedMs,
  };
}

/** One claim of a checked message (`/check`, "Check sources"): its verdict and the sentences behind it. */
export interface ClaimCheck {
  /** The claim: one sentence of the message, as written. */
  claim: string;
  verdict: 'supported' | 'contradicted' | 'unrelated';
  /** Why, in a few words, when the verdict needs it ("the articles give another date for its signing"). */
  reason: string;
  /** Sentences that say the same, best first. */
  supports: SourceRef[];
  /** Sentences that give another value for the same measure, date or signatory. */
  disagrees: SourceRef[];
}

/** A claim's verdict as a fact line of the `/check` answer. */
export interface ClaimFact extends FactLine, ClaimCheck {
  kind: 'claim';
}

/** The answer to `/check`: one fact line per claim (kind `claim`), the evidence quoted, and the verdicts. */
export interface CheckAnswer extends Answer {
  command: 'check';
  claims: ClaimCheck[];
}

/** A message that answers no question (/help, /about, /reload): `found` says whether it is good news. */
export function messageAnswer(command: string, text: string, found = true): Answer {
  return {
    command,
    query: '',
    found,
    answer: text,
    citations: [],
    facts: [],
    matched: 0,
    unmatched: [],
    tookMs: 0,
  };
}
