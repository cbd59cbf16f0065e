import type { TradeLine } from '../tradeSummary.js';
import type { FactSource, Facts } from '../types.js';
import { agreement } from './agreement.js';
import { date } from './date.js';
import type { IndexedKind } from './kind.js';
import { meeting } from './meeting.js';
import { money } from './money.js';
import { percent } from './percent.js';
import { person } from './person.js';
import { trade } from './trade.js';

/**
 * The kinds of fact. Adding a kind is a module beside this one and a line here:
 * the index, the answers and /about go through this list.
 */

/** The kinds the index holds, in index order (a fact's document id follows the sentences'). */
export const INDEXED_KINDS = { person, trade, agreement, meeting } as const;

/** The kinds read from one sentence at a time, in the order a sentence's facts are listed. */
export const SENTENCE_KINDS = [money, percent, date] as const;

type Registry = typeof INDEXED_KINDS;
export type IndexedKindName = keyof Registry;
type FactOf<D> = D extends { indexText: (fact: infer F) => unknown } ? F : never;
type FieldsOf<D> = D extends { answerFields: (fact: never) => infer A } ? A : never;

/** A fact as the index holds it: one person, merged trade figure, agreement or meeting. */
export type IndexedFact = { [K in IndexedKindName]: { kind: K; fact: FactOf<Registry[K]> } }[IndexedKindName];

/** A kind's own fields in an answer fact (see answerFields). */
export type AnswerFieldsOf<K extends IndexedKindName> = FieldsOf<Registry[K]>;

type AnyKind = IndexedKind<IndexedKindName, IndexedFact['fact'], object>;

/**
 * The kind of an indexed fact. Its functions take that kind's fact, which the
 * compiler cannot tie to `f.kind` through a union: the one cast is here.
 */
function kindOf(f: IndexedFact): AnyKind {
  return INDEXED_KINDS[f.kind] as unknown as AnyKind;
}

const KINDS = Object.values(INDEXED_KINDS) as unknown as AnyKind[];

/** The facts the index holds, in index order. */
export function indexedFactsOf(facts: Facts, trade: readonly TradeLine[]): IndexedFact[] {
  return KINDS.flatMap((k) => k.indexed(facts, trade).map((fact) => ({ kind: k.kind, fact }) as IndexedFact));
}

/** What the index finds a fact by: its text, and words beyond it. */
export const indexTextOf = (f: IndexedFact): { text: string; keywords: string } =>
  kindOf(f).indexText(f.fact);

/** Every sentence a fact was read from, best first. */
export const sourcesOf = (f: IndexedFact): FactSource[] => kindOf(f).sources(f.fact);

/** A fact's own fields as an answer shows them (see IndexedKind.answerFields). */
export const answerFieldsOf = (f: IndexedFact): object => kindOf(f).answerFields(f.fact);

/** How many facts of each kind the index holds, as /about says it ("3 people, 2 meetings"). */
export function countsOf(facts: Facts, trade: readonly TradeLine[]): string[] {
  return KINDS.map((k) => `${k.indexed(facts, trade).length} ${k.counted}`);
}
