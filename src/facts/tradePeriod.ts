import { type DateMention, monthSpanLabel } from './dates.js';
import type { Period } from './types.js';

/**
 * The period a trade figure covers: the date nearest the amount that no
 * other amount is nearer to, read as a year, part of a year or a span of
 * months; never the year it is compared with.
 */

/** Words that set a date up as the comparison for a figure given before it. */
const COMPARISON =
  /\b(?:compared (?:to|with)|against|than|versus|vs\.?|(?:same|corresponding|comparable|similar) period (?:of|in)?|(?:%|percent|per cent|up|down|increase|decrease|rise|fall|growth)\s+from)\s*(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+)?$/i;

/** "$215 million, up 12% from the same period of 2020": the comparison is of the change, not of the amount. */
const CHANGE_BETWEEN =
  /\d\s?(?:%|percent|per cent)|\b(?:up|down|increas\w*|decreas\w*|grow\w*|grew|rose|fell|declin\w*)\b/i;
const COMPARED_BETWEEN = /\b(?:against|compared (?:to|with)|versus|vs\.?|than)\b/i;

/** How far a date is from an amount; dates before their figure read closer ("which in 1889 amounted to"). */
function dateGap(d: DateMention, start: number, end: number): number {
  return d.index < start ? start - (d.index + d.text.length) : (d.index - end) * 3;
}

export function periodOf(
  text: string,
  dates: readonly DateMention[],
  near: number,
  nearEnd = near,
  amounts: ReadonlyArray<{ index: number; text: string }> = [],
): Period | null {
  if (
    /\bin recent years\b|\bover the (?:past|last) (?:few|several) years\b|\bfor (?:many|several) years\b/i.test(
      text,
    )
  ) {
    const year = dates.find((d) => d.precision === 'year' && d.endIso === null);
    if (!year) return { label: 'recent years', year: null, span: 'years' };
  }
  // A day range ("August 22-23") is when something happened, not a period a figure covers;
  // nor is the year a figure before it is compared with ("$215 million, up 12% from the same period of 2020").
  const candidates = dates.filter(
    (d) =>
      (d.endIso === null || d.precision !== 'day') &&
      // "$90 million in 2024, against $70 million": a date before a comparison word is the earlier figure's.
      !(d.index < near && COMPARED_BETWEEN.test(text.slice(d.index + d.text.length, near))) &&
      !(
        near < d.index &&
        !(d.precision === 'month' && d.endIso) &&
        CHANGE_BETWEEN.test(text.slice(nearEnd, d.index)) &&
        COMPARISON.test(
          text.slice(Math.max(0, d.index - 40), d.index) +
            (/^(?:from|than|against)\s+/i.exec(d.text)?.[0] ?? ''),
        )
      ),
  );
  // Each date belongs to the amount it is nearest to: "which in 1889 amounted to $64 million,
  // had in 1893 reached $103 million" gives 1889 to the first and 1893 to the second.
  // "$1.1 billion in 2022, $1.3 billion in 2023": a date right after an amount ("in 2023") is that amount's.
  const tight = (d: DateMention, end: number) =>
    d.index >= end && /^\s*(?:in|for|during)?\s*$/i.test(text.slice(end, d.index));
  const gapTo = (d: DateMention, start: number, end: number) => (tight(d, end) ? 0 : dateGap(d, start, end));
  const gap = (d: DateMention) => gapTo(d, near, nearEnd);
  const own = (d: DateMention) =>
    amounts.every((a) => a.index === near || gapTo(d, a.index, a.index + a.text.length) >= gap(d));
  const mine = candidates.filter(own);
  const date = [...(mine.length > 0 ? mine : candidates)].sort((a, b) => gap(a) - gap(b))[0];
  if (!date) return null;
  const year = date.iso ? Number(date.iso.slice(0, 4)) : null;
  // Part of a year, read as a whole by the date rules: "the first nine months of 2024", "Q1 2025".
  if (date.precision === 'month' && date.endIso && date.iso) {
    const label = date.label ?? date.text.replace(/^the\s+/i, '');
    const span = /half/i.test(label) ? 'half-year' : /quarter|\bQ[1-4]\b/i.test(label) ? 'quarter' : 'months';
    return { label, year, span };
  }
  // The words before the year itself ("first half of" may be part of the date's own text).
  const yearAt = date.index + Math.max(0, date.text.search(/\d/));
  const before = text.slice(Math.max(0, yearAt - 40), yearAt);
  // "… from January through February 2023, against the same period in 2022 ($518.1 million)":
  // the comparison covers the same months of its own year.
  const span = dates.find((d) => d !== date && d.precision === 'month' && d.iso && d.endIso);
  if (
    span &&
    year !== null &&
    /\b(?:same|corresponding|comparable|similar) period (?:of|in|last)?\s*$/i.test(before)
  ) {
    const months = (iso: string) => `${year}${iso.slice(4)}`;
    return { label: monthSpanLabel(months(span.iso!), months(span.endIso!)), year, span: 'months' };
  }
  const half = /\b(first|second)\s+half\s+of\s*$|\bH([12])\s*$/i.exec(before);
  if (half) {
    const which = half[1] ? half[1].toLowerCase() : half[2] === '1' ? 'first' : 'second';
    return { label: `${which} half of ${date.iso ?? date.text}`, year, span: 'half-year' };
  }
  const quarter = /\b(first|second|third|fourth)\s+quarter\s+of\s*$|\bQ([1-4])\s*$/i.exec(before);
  if (quarter) return { label: `${quarter[0].trim()} ${date.iso ?? date.text}`, year, span: 'quarter' };
  const months = /\b(\w+)\s+months\s+of\s*$/i.exec(before);
  if (months) return { label: `${months[1]} months of ${date.iso ?? date.text}`, year, span: 'months' };
  if (date.precision === 'month' && date.iso) return { label: date.iso, year, span: 'months' };
  if (date.endIso && date.precision !== 'year') return { label: date.display, year, span: 'months' };
  const inferred = date.display.endsWith('(inferred)') ? ' (inferred)' : '';
  return {
    label: date.iso ? `${date.iso}${inferred}` : date.display,
    year,
    span: date.iso ? 'year' : 'unstated',
  };
}
