import { z } from 'zod';
import type { TradeLine } from '../tradeSummary.js';
import type { FactSource } from '../types.js';
import { agreement } from './agreement.js';
import { date } from './date.js';
import type { IndexedKind } from './kind.js';
import { meeting } from './meeting.js';
import { money } from './money.js';
import { percent } from './percent.js';
import { person } from './person.js';
import { statement } from './statement.js';
import { trade } from './trade.js';

/**
 * The kinds of fact. Adding a kind is a module beside this one and a line
 * here: extraction (src/facts/index.ts, in the order each kind's `needs`
 * gives), the fact schema, the `Facts` fields, the snapshot's schema, the
 * index, the answers and /about all go through this list.
 */
export const KINDS = [person, trade, agreement, meeting, money, percent, date, statement] as const;

type Kind = (typeof KINDS)[number];

/** Every extracted fact, of any kind. */
export type Fact = z.infer<Kind['schema']>;

/** The schema every extracted fact is checked with. */
export const factSchema = z.discriminatedUnion(
  'kind',
  KINDS.map((k) => k.schema) as unknown as Parameters<typeof z.discriminatedUnion>[1],
) as unknown as z.ZodType<Fact>;

type WithField = Extract<Kind, { field: string }>;

/** Every fact of a corpus, and each kind that has a field (`people`, `trade`…) on its own. */
export type Facts = {
  /** Every fact, validated, in the order of KINDS. */
  all: Fact[];
  /** Undated articles dated by another article reporting the same event. */
  inferredDates: Array<{ file: string; date: string; from: string }>;
} & { [D in WithField as D['field']]: z.infer<D['schema']>[] };

/** The kinds that keep their facts in a field of `Facts`. */
export const FIELD_KINDS = KINDS.filter((k): k is WithField => 'field' in k);

/** The schema of `Facts` (for a snapshot, which is checked before it is used). */
export const factsSchema = z.object({
  all: z.array(factSchema),
  inferredDates: z.array(z.object({ file: z.string(), date: z.string(), from: z.string() })),
  ...Object.fromEntries(FIELD_KINDS.map((k) => [k.field, z.array(k.schema)])),
}) as unknown as z.ZodType<Facts>;

type Indexed = Extract<Kind, { indexed: unknown }>;

/** The kinds the index holds, in index order (a fact's document id follows the sentences'). */
const INDEXED_KINDS = KINDS.filter((k): k is Indexed => 'indexed' in k);

export type IndexedKindName = Indexed['kind'];
type ByName<K extends IndexedKindName> = Extract<Indexed, { kind: K }>;
type FactOf<D> = D extends { indexText: (fact: infer F) => unknown } ? F : never;
type FieldsOf<D> = D extends { answerFields: (fact: never) => infer A } ? A : never;

/** A fact as the index holds it: one person, merged trade figure, agreement or meeting. */
export type IndexedFact = { [K in IndexedKindName]: { kind: K; fact: FactOf<ByName<K>> } }[IndexedKindName];

/** A kind's own fields in an answer fact (see answerFields). */
export type AnswerFieldsOf<K extends IndexedKindName> = FieldsOf<ByName<K>>;

type AnyKind = IndexedKind<IndexedKindName, Fact, IndexedFact['fact'], object>;

const ANY_INDEXED = INDEXED_KINDS as unknown as readonly AnyKind[];
const BY_NAME = new Map(ANY_INDEXED.map((k) => [k.kind, k]));

/**
 * The kind of an indexed fact. Its functions take that kind's fact, which the
 * compiler cannot tie to `f.kind` through a union: the one cast is here.
 */
function kindOf(f: IndexedFact): AnyKind {
  return BY_NAME.get(f.kind)!;
}

/** A kind's extracted facts, from the field it keeps them in. */
const ownFacts = (facts: Facts, k: AnyKind): readonly Fact[] =>
  (facts as unknown as Record<string, readonly Fact[]>)[k.field] ?? [];

/** The facts the index holds, in index order. */
export function indexedFactsOf(facts: Facts, trade: readonly TradeLine[]): IndexedFact[] {
  return ANY_INDEXED.flatMap((k) =>
    k.indexed(ownFacts(facts, k), trade).map((fact) => ({ kind: k.kind, fact }) as IndexedFact),
  );
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
  return ANY_INDEXED.map((k) => `${k.indexed(ownFacts(facts, k), trade).length} ${k.counted}`);
}
