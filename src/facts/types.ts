import { z } from 'zod';

/** The sentence a fact was read from. */
export const factSourceSchema = z.object({
  file: z.string().min(1),
  line: z.number().int().min(1),
  text: z.string().min(1),
});
export type FactSource = z.infer<typeof factSourceSchema>;

/** A date as a fact carries it: ISO when the year is known, always a display form. */
export const factDateSchema = z.object({
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when the year is not known. */
  iso: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  display: z.string().min(1),
  /** Where the date comes from: the sentence, the article's date, or another article describing the same event. */
  from: z.enum(['text', 'article', 'relative', 'event', 'none']),
});
export type FactDate = z.infer<typeof factDateSchema>;

export const periodSchema = z.object({
  /** As shown: `2024`, `first half of 2024`, `last year (article undated)`, `recent years`. */
  label: z.string().min(1),
  year: z.number().int().nullable(),
  span: z.enum(['year', 'half-year', 'quarter', 'months', 'years', 'unstated']),
});
export type Period = z.infer<typeof periodSchema>;

const pairSchema = z.tuple([z.string(), z.string()]);

export const tradeFactSchema = z.object({
  kind: z.literal('trade'),
  measure: z.enum(['volume', 'growth', 'target', 'rank', 'exports']),
  /** The two countries the figure is about, in alphabetical order. */
  pair: pairSchema,
  period: periodSchema.nullable(),
  amountUsd: z.number().positive().nullable(),
  /** The amount as written (`$1.2 billion`, `1.2 billion US dollars`). */
  amountText: z.string().nullable(),
  /** `over` for "exceeded", `up to`, `about`; null when exact. */
  qualifier: z.enum(['over', 'up to', 'about']).nullable(),
  /** Growth in percent (negative for a fall). */
  percent: z.number().nullable(),
  /** Rank among trading partners, as written (`top three`, `second-largest`). */
  rank: z.string().nullable(),
  /** What the rank is qualified by (`after Russia among CIS members`). */
  rankNote: z.string().nullable(),
  exporter: z.string().nullable(),
  importer: z.string().nullable(),
  goods: z.array(z.string()),
  /**
   * What the sentence says of the figure: `reported` (it happened), `expected`
   * (a forecast: "is expected to amount to $12 billion"), or `target` (a goal or
   * stated intention: "aim to bring trade to $5 billion", "readiness to increase exports").
   */
  modality: z.enum(['reported', 'expected', 'target']),
  statement: z.string().min(1),
  source: factSourceSchema,
});
export type TradeFact = z.infer<typeof tradeFactSchema>;

export const personFactSchema = z.object({
  kind: z.literal('person'),
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  country: z.string().nullable(),
  roles: z.array(z.object({ title: z.string(), country: z.string().nullable(), source: factSourceSchema })),
  statement: z.string().min(1),
  source: factSourceSchema,
  sources: z.array(factSourceSchema).min(1),
});
export type PersonFact = z.infer<typeof personFactSchema>;

export const participantSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  country: z.string().nullable(),
});
export type Participant = z.infer<typeof participantSchema>;

export const agreementFactSchema = z.object({
  kind: z.literal('agreement'),
  id: z.string().min(1),
  name: z.string().min(1),
  /** treaty, agreement, memorandum, programme, declaration, … */
  type: z.string().min(1),
  aliases: z.array(z.string()),
  status: z.enum(['signed', 'planned', 'mentioned']),
  signatories: z.array(participantSchema),
  parties: z.array(z.string()),
  place: z.string().nullable(),
  date: factDateSchema.nullable(),
  /** The period it covers (`2026-2028`). */
  period: z.string().nullable(),
  /** How many documents a group stands for ("27 documents were signed"); null for one document. */
  count: z.number().int().positive().nullable(),
  statement: z.string().min(1),
  source: factSourceSchema,
  sources: z.array(factSourceSchema).min(1),
});
export type AgreementFact = z.infer<typeof agreementFactSchema>;

export const meetingFactSchema = z.object({
  kind: z.literal('meeting'),
  id: z.string().min(1),
  participants: z.array(participantSchema).min(1),
  place: z.string().nullable(),
  date: factDateSchema,
  /** state visit, official visit, talks, negotiations, meeting, … */
  format: z.string().min(1),
  statement: z.string().min(1),
  source: factSourceSchema,
  sources: z.array(factSourceSchema).min(1),
});
export type MeetingFact = z.infer<typeof meetingFactSchema>;

export const moneyFactSchema = z.object({
  kind: z.literal('money'),
  text: z.string().min(1),
  amount: z.number().nonnegative(),
  currency: z.string().length(3),
  usd: z.number().nonnegative().nullable(),
  statement: z.string().min(1),
  source: factSourceSchema,
});
export type MoneyFact = z.infer<typeof moneyFactSchema>;

export const percentFactSchema = z.object({
  kind: z.literal('percent'),
  text: z.string().min(1),
  value: z.number(),
  statement: z.string().min(1),
  source: factSourceSchema,
});
export type PercentFact = z.infer<typeof percentFactSchema>;

export const dateFactSchema = z.object({
  kind: z.literal('date'),
  text: z.string().min(1),
  date: factDateSchema,
  precision: z.enum(['day', 'month', 'year']),
  statement: z.string().min(1),
  source: factSourceSchema,
});
export type DateFact = z.infer<typeof dateFactSchema>;

// ── statement (issue 12): who said what. Added for the statements helper; a registry kind when merged. ──
export const statementFactSchema = z.object({
  kind: z.literal('statement'),
  id: z.string().min(1),
  /** The person entity who spoke (a person fact's id), or null when the article leaves it open. */
  speakerId: z.string().nullable(),
  /** That person's name, or null with the speaker unresolved. */
  speaker: z.string().nullable(),
  /** The words the article names the speaker by ("the Kazakh President", "he", "Tokayev"). */
  speakerText: z.string().min(1),
  /** What was said, verbatim: the words inside the quote marks, or the reported clause. */
  quote: z.string().min(1),
  /** How it is reported: in quote marks, as reported speech, "according to", or an interview answer. */
  form: z.enum(['direct', 'reported', 'according', 'interview']),
  /** The speech verb as written, lower case (`said`, `stressed`, `according to`, `answered`). */
  verb: z.string().min(1),
  statement: z.string().min(1),
  /** The sentence the quotation starts in. */
  source: factSourceSchema,
  /** Every sentence it runs over, first to last. */
  sources: z.array(factSourceSchema).min(1),
});
export type StatementFact = z.infer<typeof statementFactSchema>;

// The union of every kind's fact, `Facts` and their schemas: src/facts/kinds/index.ts, the kinds' registry.
