import type { z } from 'zod';
import type { Sentence } from '../../corpus/types.js';
import type { TradeLine } from '../tradeSummary.js';
import type { FactSource, Facts } from '../types.js';

/**
 * One kind of fact the index holds and answers show (a person, a trade
 * figure, an agreement, a meeting): everything the engine and the answer
 * code need to know of it, in one place. The kinds are listed in
 * src/facts/kinds/index.ts.
 */
export interface IndexedKind<K extends string, F extends { statement: string }, A extends object> {
  kind: K;
  /** The schema an extracted fact of the kind is checked with (src/facts/types.ts). */
  schema: z.ZodType;
  /**
   * Its extractor's entry. Each has a signature of its own: the kinds depend on
   * one another (meetings date articles, people are found in every kind), so
   * src/facts/index.ts calls them in that order.
   */
  extract: (...args: never[]) => unknown;
  /** The kind's facts in the index, in index order. */
  indexed: (facts: Facts, trade: readonly TradeLine[]) => readonly F[];
  /** What the index finds a fact by: its text, and words beyond it (what kind of fact it is). */
  indexText: (fact: F) => { text: string; keywords: string };
  /** Every sentence the fact was read from, best first. */
  sources: (fact: F) => FactSource[];
  /** The kind's own fields in an answer fact (after `kind`, `statement` and `sources`), for JSON. */
  answerFields: (fact: F) => A;
  /** What /about counts the facts as (`people`, `trade figures`). */
  counted: string;
}

/** A kind of fact read from whole articles but looked up apart from the index (statements). */
export interface ExtractedKind<F extends { kind: string }> {
  kind: F['kind'];
  schema: z.ZodType<F>;
  extract: (...args: never[]) => F[];
  /** What /about counts the facts as. */
  counted: string;
}

/** A kind of fact read from one sentence at a time (money, percentages, dates): not in the index. */
export interface SentenceKind<F extends { kind: string }> {
  kind: F['kind'];
  schema: z.ZodType<F>;
  /** The kind's facts in a sentence; `date` is its article's date (YYYY-MM-DD), when known. */
  fromSentence: (sentence: Sentence, date: string | null) => F[];
}

/** The sentence a fact was read from, as the fact carries it. */
export const sourceOf = (s: Sentence): FactSource => ({ file: s.file, line: s.line, text: s.text });

/** A statement with the fact's other names after it, each found by the index. */
export const withAliases = (fact: { statement: string; aliases: readonly string[] }): string =>
  `${fact.statement}. ${fact.aliases.join('. ')}`;
