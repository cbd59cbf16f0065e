import type { z } from 'zod';
import type { Article, Corpus, Sentence } from '../../corpus/types.js';
import type { Person, PersonRef } from '../people.js';
import type { TradeLine } from '../tradeSummary.js';
import type { FactSource } from '../types.js';

/** A date an undated article takes from another article's report of the same meeting. */
export interface InferredDate {
  date: string;
  from: string;
}

/**
 * What a kind's extractor is given (src/facts/index.ts builds it): the corpus,
 * its people and where each is mentioned, the articles' dates, and the facts
 * of the kinds it `needs`, which are extracted before it.
 */
export interface ExtractContext {
  readonly corpus: Corpus;
  readonly articles: readonly Article[];
  readonly people: readonly Person[];
  /** The people a sentence refers to (by name, surname, title or pronoun). */
  refsOf(sentence: Sentence): PersonRef[];
  /** The sentences that mention a person. */
  mentionsOf(person: Person): readonly Sentence[];
  /**
   * An article's date: its own, or one inferred from another article's report
   * of the same meeting (only once the meeting kind has run: a kind that dates
   * by article lists 'meeting' in `needs`).
   */
  dateOf(article: Article): { date: string | null; inferred: boolean };
  /** The facts of a kind this one `needs` (the caller names the fact type that kind extracts). */
  factsOf<F extends { kind: string }>(kind: F['kind']): readonly F[];
}

/** What an extractor returns: its facts, and for meetings the dates they give undated articles. */
export type Extracted<F> =
  | readonly F[]
  | { facts: readonly F[]; inferredDates: ReadonlyMap<Article, InferredDate> };

/** What every kind has: its name, schema, extractor, and the kinds it must run after. */
export interface FactKind<K extends string, X extends { kind: string }> {
  kind: K;
  /** The schema an extracted fact of the kind is checked with (a zod object with `kind` a literal). */
  schema: z.ZodType<X>;
  /** Kinds whose facts (or dates) the extractor uses: they are extracted first. */
  needs?: readonly string[];
  extract: (ctx: ExtractContext) => Extracted<X>;
}

/**
 * One kind of fact the index holds and answers show (a person, a trade
 * figure, an agreement, a meeting): everything the engine and the answer
 * code need to know of it, in one place. The kinds are listed in
 * src/facts/kinds/index.ts.
 */
export interface IndexedKind<
  K extends string,
  X extends { kind: string },
  F extends { statement: string },
  A extends object,
> extends FactKind<K, X> {
  /** The `Facts` field its extracted facts are kept in (`people`, `meetings`). */
  field: string;
  /** The kind's facts in the index, in index order: from its extracted facts, or the merged trade lines. */
  indexed: (own: readonly X[], trade: readonly TradeLine[]) => readonly F[];
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
export interface ExtractedKind<F extends { kind: string }> extends FactKind<F['kind'], F> {
  /** The `Facts` field its facts are kept in. */
  field: string;
  /** What /about counts the facts as. */
  counted: string;
}

/** A kind of fact read from one sentence at a time (money, percentages, dates): not in the index. */
export interface SentenceKind<F extends { kind: string }> extends FactKind<F['kind'], F> {
  /** The kind's facts in a sentence; `date` is its article's date (YYYY-MM-DD), when known. */
  fromSentence: (sentence: Sentence, date: string | null) => F[];
}

/**
 * A kind read from one sentence at a time: its extractor goes over every
 * sentence with its article's date (so after the meetings, which date
 * undated articles).
 */
export function sentenceKind<F extends { kind: string }>(
  kind: F['kind'],
  schema: z.ZodType<F>,
  fromSentence: (sentence: Sentence, date: string | null) => F[],
): SentenceKind<F> {
  return {
    kind,
    schema,
    needs: ['meeting'],
    fromSentence,
    extract: (ctx) =>
      ctx.articles.flatMap((a) => {
        const { date } = ctx.dateOf(a);
        return a.sentences.flatMap((s) => fromSentence(s, date));
      }),
  };
}

/** The sentence a fact was read from, as the fact carries it. */
export const sourceOf = (s: Sentence): FactSource => ({ file: s.file, line: s.line, text: s.text });

/** A statement with the fact's other names after it, each found by the index. */
export const withAliases = (fact: { statement: string; aliases: readonly string[] }): string =>
  `${fact.statement}. ${fact.aliases.join('. ')}`;
