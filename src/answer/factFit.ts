import type { Engine, IndexedFact } from '../engine.js';
import type { TradeLine } from '../facts/tradeSummary.js';
import { termKey, tokenize } from '../text/normalize.js';
import { canonicalPeriods, dateKeywords, FIRST_HALF_WORD, SECOND_HALF_WORD } from '../text/periods.js';

/**
 * Whether a trade fact is the figure a question asks for: of the measure its
 * words ask about ("grow" a growth, "sell" exports, "goal" a target) and of
 * the span of its period ("first half" a half-year). A fact shares most of
 * its words with every question about its pair and year, so without this the
 * full-year volume answers "how much did trade grow in the first half".
 * General words of the language, not of any corpus.
 */
type Measure = TradeLine['measure'];

const MEASURE_WORDS: Record<Measure, string> = {
  growth:
    'grow grew grown growth increase increased rise rose risen fall fell fallen decline drop dropped jump jumped surge surged expand expanded shrink shrank change changed percent percentage dynamics',
  target: 'target goal aim objective ambition hope plan planned aspire intend',
  rank: 'rank ranks ranked position place stand largest biggest leading top',
  exports:
    'export exports exported import imports imported sell sold sale sales buy bought purchase purchased supply supplied ship shipped deliver delivered',
  volume: 'volume turnover total value worth',
};

const measureOfKey = new Map<string, Measure>();
for (const [measure, words] of Object.entries(MEASURE_WORDS) as Array<[Measure, string]>) {
  for (const word of words.split(' ')) measureOfKey.set(termKey(word), measure);
}

/** The measure of a trade figure a word names ("sold" → exports), if any. */
export function measureOf(key: string): Measure | undefined {
  return measureOfKey.get(key);
}

/** What part of a year a period or question is about. */
export type Span = 'year' | 'h1' | 'h2' | 'quarter' | 'months' | 'day';

const QUARTER = /\bquarter\b|\bQ[1-4]\b/i;
const MONTHS = /\bmonths\b|\b(?:jan(?:uary)?|feb(?:ruary)?)\s*(?:-|–|—|to|through|and)\s*\w+/i;

/** The span a text names ("first half of 2024" → h1), or null when it names no part of a year. */
function partOf(text: string): Span | null {
  const words = dateKeywords(text, null).split(' ');
  if (words.includes(FIRST_HALF_WORD)) return 'h1';
  if (words.includes(SECOND_HALF_WORD)) return 'h2';
  if (QUARTER.test(text)) return 'quarter';
  if (MONTHS.test(text)) return 'months';
  return null;
}

/** What a question asks of a trade figure: the measures its words name (none: any) and its span. */
export interface FigureAsked {
  measures: ReadonlySet<Measure>;
  /** The part of a year it asks about, or null for a whole year or none said. */
  span: Span | null;
}

export function figureAsked(question: string): FigureAsked {
  const measures = new Set<Measure>();
  for (const [i, word] of tokenize(question).entries()) {
    // A word of a name ("the Joint Planning Council") is not a measure asked for.
    if (i > 0 && /^\p{Lu}/u.test(word)) continue;
    const m = measureOfKey.get(termKey(word));
    if (m) measures.add(m);
  }
  // A rank is asked as "place among its partners"; a lone "place" is where.
  if (
    measures.has('rank') &&
    !/\bpartners?\b|\brank|\bposition\b|\blargest\b|\bbiggest\b|\bleading\b/i.test(question)
  )
    measures.delete('rank');
  return { measures, span: partOf(canonicalPeriods(question)) };
}

/** The span of a trade line's period: a part of a year, a whole year, or null when it cannot say. */
function spanOf(line: TradeLine): Span | null {
  const label = line.periodLabel;
  if (!label) return null;
  // A day (`2024-05-01`) is a point in time, not a span; a month (`2023-08`, up to a month) or a
  // range of months is some months; a bare year is the year.
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return 'day';
  if (/^\d{4}-\d{2}/.test(label)) return 'months';
  return partOf(label) ?? (/^(?:by\s+)?\d{4}(?:\s+\(inferred\))?$/.test(label) ? 'year' : null);
}

/**
 * Whether a fact answers what the question asks of a figure. Facts other than
 * trade always do (their own rules apply). A trade figure must be of a measure
 * the question names, when it names any, and a question about part of a year
 * is not answered by a figure for another span.
 */
export function factFits(asked: FigureAsked, f: IndexedFact): boolean {
  if (f.kind !== 'trade') return true;
  if (asked.measures.size > 0 && !asked.measures.has(f.fact.measure)) return false;
  if (asked.span !== null) {
    const span = spanOf(f.fact);
    if (span !== null && span !== asked.span) return false;
  }
  return true;
}

/** A part of a year as a code: 0 for none (or one that cannot clash: some months, a day, the year). */
const PART_CODE: Partial<Record<Span, number>> = { h1: 1, h2: 2, quarter: 3 };

/** The code of the part of a year a question asks about (see PART_CODE). */
export function askedPart(asked: FigureAsked): number {
  return asked.span === null ? 0 : (PART_CODE[asked.span] ?? 0);
}

/**
 * Per sentence, the part of a year it names (a PART_CODE), computed once per engine: a question about
 * the first quarter is not answered by a sentence about the first half, whatever year it leans on.
 */
export function sentenceParts(engine: Engine): Uint8Array {
  const key = 'part of year';
  let table = engine.derived.documentsWith.get(key);
  if (table) return table;
  const { sentences } = engine.corpus;
  table = new Uint8Array(sentences.length);
  for (let i = 0; i < sentences.length; i++) {
    const part = partOf(sentences[i]!.text);
    table[i] = part === null ? 0 : (PART_CODE[part] ?? 0);
  }
  engine.derived.documentsWith.set(key, table);
  return table;
}
