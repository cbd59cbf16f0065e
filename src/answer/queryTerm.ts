import type { AnswerType } from './answerType.js';
import type { FigureAsked } from './factFit.js';
import type { TradeWay } from './tradeWay.js';

/** How a query word was matched to the corpus's vocabulary ('synonym': by meaning, or another form of it). */
export type MatchKind = 'exact' | 'synonym' | 'prefix' | 'fuzzy' | 'none';

export interface QueryTerm {
  /** The word as typed. */
  word: string;
  key: string;
  /** Information weight (BM25 idf); words the corpus lacks weigh the most. */
  weight: number;
  /** Index keys this word matches, with a match quality in (0, 1]. */
  expansions: Map<string, number>;
  kind: MatchKind;
  /**
   * A place the question names (a country or capital, or a capitalised word
   * the corpus never uses): an answer must match it, however much else it
   * matches. "Trade between Kyrgyzstan and Uzbekistan" is not answered by a
   * figure for Tajikistan and Uzbekistan.
   */
  required: boolean;
  /**
   * A name (a person or place the question is about) rather than what it asks
   * about them: "Aliyev" in "When was Aliyev born?".
   */
  name: boolean;
  /** A person the corpus knows, named in the question (required: a question about Tokayev is not answered about Rahmon). */
  person: boolean;
  /**
   * The kind of answer asked for ("year" in "By what year…", "place" in "What
   * place…"): it counts when a sentence has it, and is not missed when not.
   */
  optional: boolean;
  /** A city asked as where something happened ("visit Cairo", "in Yerevan"), not as who acted. */
  where: boolean;
  /**
   * A word of the question's own phrasing ("will", "say", "discuss", "went"): it counts little, is
   * not missed when a sentence lacks it, and is not what a question about a name asks.
   */
  phrasing: boolean;
  /**
   * What "how much" or "how many" asks to count ("gas" in "How much gas…", "Moroccans" in "How many
   * Moroccans…"): an answer must name it (or a related word).
   */
  counted: boolean;
  /**
   * A word that names the answer's type ("price" in "What is the price…", "pact" in "Which pact…"):
   * a sentence that holds an answer of that type (every relevant one does) meets it.
   */
  typeWord: boolean;
  /** A type word that asks what something costs ("price", "cost"): met, it is something asked about. */
  priceWord: boolean;
  /**
   * The question's most telling word of what it asks ("defence" in "Did they sign a defence
   * cooperation agreement?"): an answer must match it, however much else it matches.
   */
  topic?: boolean;
  /** A figure the question states ("$500 million"): an answer must write it itself. */
  figure?: boolean;
}

export interface QueryPlan {
  terms: QueryTerm[];
  /** How many terms are not names: an answer must match at least one of them, when there are any. */
  plainTerms: number;
  /**
   * How many content words the question has: a person's name of several words (one term) counts
   * each, so the words it matches count toward the half a relevant document must match.
   */
  contentWords: number;
  /** Every index key to search, with the best quality any term gives it. */
  keys: Map<string, number>;
  /** What the answer must contain, by the question's form ("how much" → an amount), or null. */
  answerType: AnswerType | null;
  /** What it asks of a trade figure: its measure and the span of its period. */
  figure: FigureAsked;
  /** Which way goods go when the question says ("Angola export to Portugal"): an answer must not say the other way only. */
  tradeWay?: TradeWay | null;
}
