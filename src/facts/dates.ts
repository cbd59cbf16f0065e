import * as chrono from 'chrono-node/en';
import { MONTH_NAMES as MONTHS, WEEKDAY_KEYS } from '../text/calendar.js';
import { type DateMention, MONTH_WORD, pad, RULES, yearMention, yearOf } from './dateForms.js';

export { type DateMention, monthSpanLabel } from './dateForms.js';

/**
 * Dates in a sentence, resolved against the article's date where the text
 * is relative ("last year" in an article of 2025-02-12 is 2024). A date
 * whose year cannot be known is kept with `iso: null` and says so
 * ("January 25, year not stated") instead of guessing.
 */

const DAY_HINT = new RegExp(
  String.raw`\b${MONTH_WORD}(?=\s*\d)|\d(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_WORD}\b`,
  'gi',
);

/** "today", "yesterday", "on Monday": days named relative to the article's date. */
const RELATIVE_DAY = /\b(today|yesterday|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:['’]s)?\b/gi;

function relativeDay(word: string, articleDate: string | null): Omit<DateMention, 'text' | 'index'> | null {
  if (!articleDate) return null;
  const at = new Date(`${articleDate}T12:00:00Z`);
  let shift = 0;
  if (word === 'yesterday') shift = -1;
  else if (word === 'tomorrow') shift = 1;
  else if (word !== 'today') {
    // A weekday in news is the latest one on or before the article's date.
    shift = -((at.getUTCDay() - (WEEKDAY_KEYS as readonly string[]).indexOf(word) + 7) % 7);
  }
  const day = new Date(at.getTime() + shift * 86_400_000).toISOString().slice(0, 10);
  return { iso: day, endIso: null, precision: 'day', yearFrom: 'article', monthDay: null, display: day };
}

export { NUMBER_WORDS } from '../text/calendar.js';

const COUNT_BACK =
  /^(?:the\s+(?:previous|preceding|prior)\s+year|a\s+year\s+(?:earlier|before)|the\s+year\s+before)$/i;

/** "in 2024, up from the previous year": a year before the date the sentence gave before it. */
function countBack(found: DateMention[], text: string, articleYear: number | null): DateMention[] {
  const out: DateMention[] = [];
  for (const d of found) {
    if (!COUNT_BACK.test(d.text)) {
      out.push(d);
      continue;
    }
    const before = out.findLast((b) => b.iso !== null);
    const year = before ? Number(before.iso!.slice(0, 4)) : (writtenYearBefore(text, d.index) ?? articleYear);
    if (year !== null) out.push({ ...d, ...yearMention(year - 1, null, 'relative') });
  }
  return out;
}

/** The last year written before `index`: "in 2024, up from the previous year" counts back from it. */
function writtenYearBefore(text: string, index: number): number | null {
  const years = [...text.slice(0, index).matchAll(/\b((?:19|20)\d{2})\b(?![-–—]?\d)/g)];
  const last = years.at(-1);
  return last ? Number(last[1]) : null;
}

function overlaps(a: { index: number; text: string }, b: { index: number; text: string }): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

function fromChrono(
  result: chrono.ParsedResult,
  articleDate: string | null,
): Omit<DateMention, 'text' | 'index'> | null {
  const start = result.start;
  if (!start.isCertain('month') || !start.isCertain('day')) return null;
  const month = start.get('month')!;
  const day = start.get('day')!;
  const endDay = result.end?.isCertain('day') ? result.end.get('day') : null;
  const endMonth = result.end?.get('month') ?? month;
  const name = `${MONTHS[month - 1]} ${day}${endDay ? `-${endDay}` : ''}`;
  let year: number | null = null;
  let from: DateMention['yearFrom'] = null;
  if (start.isCertain('year')) {
    year = start.get('year')!;
    from = 'text';
  } else if (articleDate) {
    year = start.get('year')!;
    from = 'article';
  }
  if (year === null) {
    return {
      iso: null,
      endIso: null,
      precision: 'day',
      yearFrom: null,
      monthDay: `${pad(month)}-${pad(day)}`,
      display: `${name}, year not stated`,
    };
  }
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  const endIso = endDay ? `${year}-${pad(endMonth ?? month)}-${pad(endDay)}` : null;
  return {
    iso,
    endIso,
    precision: 'day',
    yearFrom: from,
    monthDay: null,
    display: endIso ? `${iso} to ${endIso}` : iso,
  };
}

/** "in March 2022 …, on April 7 of that year": the day takes the year written before it. */
function ofThatYear(
  made: Omit<DateMention, 'text' | 'index'>,
  sentence: string,
  at: { index: number; text: string },
): Omit<DateMention, 'text' | 'index'> {
  if (made.yearFrom === 'text') return made;
  if (!/^\s*,?\s*(?:of\s+)?(?:that|the\s+same)\s+year\b/i.test(sentence.slice(at.index + at.text.length)))
    return made;
  const year = writtenYearBefore(sentence, at.index);
  const monthDay = made.monthDay ?? made.iso?.slice(5) ?? null;
  if (year === null || monthDay === null) return made;
  const iso = `${year}-${monthDay}`;
  const endIso = made.endIso ? `${year}${made.endIso.slice(4)}` : null;
  return {
    ...made,
    iso,
    endIso,
    yearFrom: 'text',
    monthDay: null,
    display: endIso ? `${iso} to ${endIso}` : iso,
  };
}

/**
 * The dates a mention stands for as date facts: a part of one year is that year ("January–
 * September 2025" is 2025, not January), a range of years is both its ends ("for 2025-2027"
 * is 2025 and 2027: a plan runs to its last year), anything else (a visit on "March 16-18")
 * the day it starts.
 */
export function datePoints(d: DateMention): Array<string | null> {
  if (d.iso === null || d.endIso === null || d.precision === 'day') return [d.iso];
  if (d.precision === 'month')
    return d.iso.slice(0, 4) === d.endIso.slice(0, 4) ? [d.iso.slice(0, 4)] : [d.iso, d.endIso];
  return [d.iso, d.endIso];
}

/** Every date form above has a digit or one of these words: a sentence with neither has no date. */
const MAYBE_DATE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|last|this|next|past|previous|current|coming|today|yesterday|tomorrow|mon|tues|wednes|thurs|fri|satur|sun|year|summer|winter|spring|autumn|fall|quarter|half)/i;

/** Dates in a sentence, in order; `articleDate` (YYYY-MM-DD) resolves relative ones. */
export function datesIn(sentence: string, articleDate: string | null): DateMention[] {
  if (!MAYBE_DATE.test(sentence)) return [];
  const articleYear = yearOf(articleDate);
  const found: DateMention[] = [];
  for (const rule of RULES) {
    if (rule.hint && !rule.hint.test(sentence)) continue;
    for (const m of sentence.matchAll(rule.pattern)) {
      const candidate = { text: m[0], index: m.index ?? 0 };
      if (found.some((f) => overlaps(f, candidate))) continue;
      const made = rule.make(m, articleYear, articleDate);
      if (made) found.push({ ...candidate, ...made });
    }
  }
  // chrono is the slow part, and its cost grows with the text: it reads only
  // a window around each month name (day-level dates all have one), with its
  // strict parser; the few casual words news uses are read below.
  const reference = articleDate ? new Date(`${articleDate}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  for (const m of sentence.matchAll(RELATIVE_DAY)) {
    const candidate = { text: m[0], index: m.index };
    if (found.some((f) => overlaps(f, candidate))) continue;
    const made = relativeDay(m[1]!.toLowerCase(), articleDate);
    if (made) found.push({ ...candidate, ...made });
  }
  for (const hint of sentence.matchAll(DAY_HINT)) {
    const from = Math.max(0, hint.index - 12);
    const window = sentence.slice(from, hint.index + hint[0].length + 24);
    for (const result of chrono.strict.parse(
      window,
      { instant: reference, timezone: 0 },
      { forwardDate: false },
    )) {
      const candidate = { text: result.text, index: from + result.index };
      if (found.some((f) => overlaps(f, candidate))) continue;
      const made = fromChrono(result, articleDate);
      if (made) found.push({ ...candidate, ...ofThatYear(made, sentence, candidate) });
    }
  }
  return countBack(
    found.sort((a, b) => a.index - b.index),
    sentence,
    articleYear,
  );
}
