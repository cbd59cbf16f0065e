import { performance } from 'node:perf_hooks';

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
 * A typed fact behind an answer (a trade figure, an agreement, a meeting…),
 * as shown to users: a one-line statement, its sources, and the kind's own
 * fields (see src/facts) for JSON.
 */
export interface AnswerFact {
  /** `trade`, `agreement`, `meeting`, `person`, `money`, `date`, … */
  kind: string;
  /** The fact in one line, e.g. "Trade 2024: $1.2 billion (+7%)". */
  statement: string;
  /** Every sentence the fact was read from, best first. */
  sources: SourceRef[];
  /** The kind's own fields (amounts, ISO dates, participants…). */
  [field: string]: unknown;
}

/** The answer to one command: what every renderer (Discord, terminal, JSON) shows. */
export interface Answer {
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
  facts: AnswerFact[];
  /** How many index documents matched before the relevance cut. */
  matched: number;
  /** Question words that no article uses. */
  unmatched: string[];
  tookMs: number;
}

/** An answer that found nothing: the message says why, and what the corpus does cover. */
export function notFoundAnswer(command: string, query: string, answer: string, startedMs: number): Answer {
  return {
    command,
    query,
    found: false,
    answer,
    citations: [],
    facts: [],
    matched: 0,
    unmatched: [],
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

/** The answer to `/check`: one fact line per claim (kind `claim`), the evidence quoted, and the verdicts. */
export interface CheckAnswer extends Answer {
  command: 'check';
  claims: ClaimCheck[];
}
