import { MONTH_NAMES as MONTHS, numberWordValue } from '../text/calendar.js';

/**
 * The forms of a date chrono does not read, as rules: bare years, spans of years and months, parts of a
 * year ("the first nine months", "Q1 2025"), relative years and months ("last year", "December last
 * year"), and the mention each makes. dates.ts runs them with chrono over a sentence.
 */

export interface DateMention {
  /** The words as written. */
  text: string;
  index: number;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, per `precision`; null when the year is unknown. */
  iso: string | null;
  /** End of a range (`August 22-23`, `2026-2028`), same form as `iso`. */
  endIso: string | null;
  precision: 'day' | 'month' | 'year';
  /** Where the year comes from: written, the article's date, or a relative phrase resolved against it. */
  yearFrom: 'text' | 'article' | 'relative' | null;
  /** Month and day without a year (`01-25`), for dates whose year is unknown. */
  monthDay: string | null;
  /** How to show it: `2024-08-22`, `2024`, `January 25, year not stated`. */
  display: string;
  /** How a span of months reads as a period (`January–July 2021`), when it is one. */
  label?: string;
}

export const MONTH_WORD = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const YEAR = String.raw`(?:1[6-9]|20)\d{2}`;

export const pad = (n: number) => String(n).padStart(2, '0');

function monthIndex(word: string): number {
  const w = word.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === w) + 1;
}

export function yearOf(articleDate: string | null): number | null {
  return articleDate ? Number(articleDate.slice(0, 4)) : null;
}

/** A month whose year depends on an article date there is not. */
function undatedMonth(
  month: number,
  said: string,
  why = 'article undated',
): Omit<DateMention, 'text' | 'index'> {
  return {
    iso: null,
    endIso: null,
    precision: 'month',
    yearFrom: null,
    monthDay: pad(month),
    display: `${said}, ${why}`,
  };
}

/** A year said relative to an article date there is not ("last year"). */
function undatedYear(said: string): Omit<DateMention, 'text' | 'index'> {
  return {
    iso: null,
    endIso: null,
    precision: 'year',
    yearFrom: null,
    monthDay: null,
    display: `${said}, article undated`,
  };
}

/** A month of a year found from the article's date. */
function relativeMonth(year: number, month: number): Omit<DateMention, 'text' | 'index'> {
  const iso = `${year}-${pad(month)}`;
  return { iso, endIso: null, precision: 'month', yearFrom: 'relative', monthDay: null, display: iso };
}

interface Rule {
  pattern: RegExp;
  /** A cheap test the sentence must pass before the pattern runs. */
  hint?: RegExp;
  make(
    m: RegExpMatchArray,
    articleYear: number | null,
    articleDate: string | null,
  ): Omit<DateMention, 'text' | 'index'> | null;
}

export function yearMention(
  year: number,
  endYear: number | null,
  from: DateMention['yearFrom'],
): Omit<DateMention, 'text' | 'index'> {
  return {
    iso: String(year),
    endIso: endYear === null ? null : String(endYear),
    precision: 'year',
    yearFrom: from,
    monthDay: null,
    display: endYear === null ? String(year) : `${year}-${endYear}`,
  };
}

const QUARTER_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  q1: 1,
  q2: 2,
  q3: 3,
  q4: 4,
};

const RELATIVE_YEAR: Record<string, number> = {
  last: -1,
  past: -1,
  previous: -1,
  this: 0,
  current: 0,
  next: 1,
  coming: 1,
  the: 0,
};

/** `January–July 2021`: a span of months as a period reads. */
export function monthSpanLabel(iso: string, endIso: string): string {
  const [y1, m1] = [iso.slice(0, 4), Number(iso.slice(5, 7))];
  const [y2, m2] = [endIso.slice(0, 4), Number(endIso.slice(5, 7))];
  return y1 === y2
    ? `${MONTHS[m1 - 1]}–${MONTHS[m2 - 1]} ${y1}`
    : `${MONTHS[m1 - 1]} ${y1}–${MONTHS[m2 - 1]} ${y2}`;
}

/** The year of "of 2024" or "of this year" (the article's, when it has one). */
function partYear(written: string | undefined, relative: string | undefined, articleYear: number | null) {
  if (written) return Number(written);
  if (articleYear === null) return null;
  return articleYear + (RELATIVE_YEAR[(relative ?? 'this').toLowerCase()] ?? 0);
}

/** The months `iso` to `endIso` (YYYY-MM each) as a mention. */
function monthRange(
  iso: string,
  endIso: string,
  yearFrom: DateMention['yearFrom'],
): Omit<DateMention, 'text' | 'index'> {
  return { iso, endIso, precision: 'month', yearFrom, monthDay: null, display: `${iso} to ${endIso}` };
}

/** Months `from`–`to` of one year: a part of that year; without a year, kept as undated. */
function monthSpan(
  year: number | null,
  from: number,
  to: number,
  said: string,
  yearFrom: DateMention['yearFrom'],
  relative = false,
): Omit<DateMention, 'text' | 'index'> {
  if (year === null) return { ...undatedMonth(from, said), monthDay: null };
  const span = monthRange(`${year}-${pad(from)}`, `${year}-${pad(to)}`, yearFrom);
  // "the first quarter of this year" reads as a period of its year: "first quarter of 2025".
  if (relative)
    span.label = said
      .replace(/^the\s+/i, '')
      .replace(/(?:the\s+)?(?:the|this|current|last|past|previous)\s+year$/i, String(year));
  return span;
}

/** Year-level expressions chrono does not read: bare years, ranges, relative years, months of them. */
export const RULES: Rule[] = [
  {
    // Half-years as statistics write them: "1H2018", "H1 2024", "2023 H2"
    pattern: new RegExp(String.raw`\b(?:([12])H\s?(${YEAR})|H([12])\s?(${YEAR})|(${YEAR})\s?H([12]))\b`, 'g'),
    hint: /\dH|H[12]/,
    make: (m) => {
      const half = Number(m[1] ?? m[3] ?? m[6]);
      const year = m[2] ?? m[4] ?? m[5]!;
      const [iso, endIso] = half === 1 ? [`${year}-01`, `${year}-06`] : [`${year}-07`, `${year}-12`];
      return {
        ...monthRange(iso, endIso, 'text'),
        label: `${half === 1 ? 'first' : 'second'} half of ${year}`,
      };
    },
  },
  {
    // A span of months: "January through July 2021", "from January to June 2024",
    // "January-August of this year", "in January-October" (the article's year).
    pattern: new RegExp(
      String.raw`\b(from\s+|between\s+)?(${MONTH_WORD})(?!\p{L})\s*([-–—]|through|thru|to|till|until|and)\s*(${MONTH_WORD})(?!\p{L})(?!\.?\s*\d{1,2}\b(?!\d))(?:\s+(?:of\s+)?(?:(${YEAR})\b|(last|this|current|past|previous)\s+year\b))?`,
      'giu',
    ),
    hint: /(?:[-–—]|through|thru|to|till|until|and)\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i,
    make: (m, articleYear) => {
      const [from, to] = [monthIndex(m[2]!), monthIndex(m[4]!)];
      if (from === 0 || to === 0 || to <= from) return null;
      // "January and March" are two months; "between January and March" is a span.
      if (m[3]!.toLowerCase() === 'and' && !/^between/i.test(m[1] ?? '')) return null;
      let year: number | null = null;
      let yearFrom: DateMention['yearFrom'] = null;
      if (m[5]) [year, yearFrom] = [Number(m[5]), 'text'];
      else if (articleYear !== null) {
        const shift = m[6] ? (RELATIVE_YEAR[m[6].toLowerCase()] ?? 0) : 0;
        [year, yearFrom] = [articleYear + shift, m[6] ? 'relative' : 'article'];
      }
      const months = `${MONTHS[from - 1]}–${MONTHS[to - 1]}`;
      if (year === null)
        return {
          iso: null,
          endIso: null,
          precision: 'month',
          yearFrom: null,
          monthDay: pad(from),
          display: `${months}, year not stated`,
          label: `${months}, year not stated`,
        };
      const [iso, endIso] = [`${year}-${pad(from)}`, `${year}-${pad(to)}`];
      return { ...monthRange(iso, endIso, yearFrom), label: monthSpanLabel(iso, endIso) };
    },
  },
  {
    // "in Q1 2025", "the third quarter of 2024", "the first quarter of this year": three months
    pattern: new RegExp(
      String.raw`\b(?:(Q[1-4])\s+|(first|second|third|fourth)\s+quarter\s+of\s+)(?:(${YEAR})\b|(?:the\s+)?(this|current|last|past|previous)\s+year\b)`,
      'gi',
    ),
    make: (m, articleYear) => {
      const q = QUARTER_WORDS[(m[1] ?? m[2]!).toLowerCase()]!;
      const year = partYear(m[3], m[4], articleYear);
      return monthSpan(year, q * 3 - 2, q * 3, m[0], m[3] ? 'text' : 'relative', !m[3]);
    },
  },
  {
    // "the first nine months of 2024", "the first half of 2024", "the second half of the year",
    // "the first two months of this year": part of one year
    pattern: new RegExp(
      String.raw`\b(?:first\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months|(first|second)\s+half)\s+of\s+(?:(${YEAR})\b|(?:the\s+)?(the|this|current|last|past|previous)\s+year\b)`,
      'gi',
    ),
    make: (m, articleYear) => {
      const months = m[1] ? (/^\d+$/.test(m[1]) ? Number(m[1]) : (numberWordValue(m[1]) ?? 0)) : null;
      if (months !== null && (months < 1 || months > 11)) return null;
      const [from, to] = months !== null ? [1, months] : m[2]!.toLowerCase() === 'first' ? [1, 6] : [7, 12];
      const year = partYear(m[3], m[4], articleYear);
      const span = monthSpan(year, from, to, m[0], m[3] ? 'text' : 'relative', !m[3]);
      if (months === null && year !== null) span.label = `${m[2]!.toLowerCase()} half of ${year}`;
      return span;
    },
  },
  {
    // "over the nine months", "in the first half", "in the fourth quarter": a part of the article's year
    // ("of 2024" after it is read above; "the next six months" is not a part of one year).
    pattern:
      /\bthe\s+(?:(?:first\s+)?(two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months|(first|second)\s+half|(first|second|third|fourth)\s+quarter)\b(?!\s+(?:of|to|through|until|ending)\b)/gi,
    make: (m, articleYear) => {
      const months = m[1] ? (/^\d+$/.test(m[1]) ? Number(m[1]) : (numberWordValue(m[1]) ?? 0)) : null;
      if (months !== null && (months < 1 || months > 11)) return null;
      const q = m[3] ? QUARTER_WORDS[m[3].toLowerCase()]! : null;
      const [from, to] =
        q !== null
          ? [q * 3 - 2, q * 3]
          : months !== null
            ? [1, months]
            : m[2]!.toLowerCase() === 'first'
              ? [1, 6]
              : [7, 12];
      return monthSpan(articleYear, from, to, `${m[0]} of the year`, 'article', true);
    },
  },
  {
    // "last month", "this month", "next month"
    pattern: /\b(last|this|next|past|previous|coming)\s+month\b/gi,
    make: (m, _year, articleDate) => {
      if (!articleDate)
        return {
          iso: null,
          endIso: null,
          precision: 'month',
          yearFrom: null,
          monthDay: null,
          display: `${m[0]}, article undated`,
        };
      const shift = RELATIVE_YEAR[m[1]!.toLowerCase()] ?? 0;
      const at = new Date(
        Date.UTC(Number(articleDate.slice(0, 4)), Number(articleDate.slice(5, 7)) - 1 + shift, 1),
      );
      const iso = at.toISOString().slice(0, 7);
      return { iso, endIso: null, precision: 'month', yearFrom: 'relative', monthDay: null, display: iso };
    },
  },
  {
    // "2026-2028", "2023–2025"
    pattern: new RegExp(String.raw`\b(${YEAR})\s?[-–—]\s?(${YEAR})\b`, 'g'),
    make: (m) => yearMention(Number(m[1]), Number(m[2]), 'text'),
  },
  {
    // "December last year", "in March this year"
    pattern: new RegExp(String.raw`\b(${MONTH_WORD})\s+(last|this|next|past|previous)\s+year\b`, 'gi'),
    make: (m, articleYear) => {
      const month = monthIndex(m[1]!);
      const shift = RELATIVE_YEAR[m[2]!.toLowerCase()] ?? 0;
      if (articleYear === null) return undatedMonth(month, `${MONTHS[month - 1]} ${m[2]} year`);
      return relativeMonth(articleYear + shift, month);
    },
  },
  {
    // "last October": the latest October before the article's month
    pattern: new RegExp(String.raw`\blast\s+(${MONTH_WORD})\b(?!\s+\d)`, 'gi'),
    make: (m, articleYear, articleDate) => {
      const month = monthIndex(m[1]!);
      if (articleYear === null || !articleDate) return undatedMonth(month, m[0]);
      return relativeMonth(month < Number(articleDate.slice(5, 7)) ? articleYear : articleYear - 1, month);
    },
  },
  {
    // "up 4% from the previous year", "$11 billion a year earlier": a year before the one the
    // sentence gave, or before the article's year when it gave none.
    pattern:
      /\b(?:the\s+(?:previous|preceding|prior)\s+year|a\s+year\s+(?:earlier|before)|the\s+year\s+before)\b/gi,
    // Counted back from the date before it once all are found (see `countBack`); here, from the article.
    make: (m, articleYear) =>
      articleYear === null ? undatedYear(m[0]) : yearMention(articleYear - 1, null, 'relative'),
  },
  {
    // "by the end of the year", "for the full year", "the whole of the year": the article's year
    pattern:
      /\b(?:(?:the\s+)?end\s+of\s+(?:the|this)\s+year|(?:the\s+)?(?:full|whole)\s+year|the\s+whole\s+of\s+(?:the|this)\s+year)\b/gi,
    make: (m, articleYear) =>
      articleYear === null ? undatedYear(m[0]) : yearMention(articleYear, null, 'relative'),
  },
  {
    // "last summer", "this autumn": the season's year, counted like "last year" (a season
    // already past in the article's own year is not told apart)
    pattern: /\b(last|this|next|past|coming)\s+(?:summer|winter|spring|autumn|fall)\b/gi,
    make: (m, articleYear) => {
      if (articleYear === null) return undatedYear(m[0]);
      return yearMention(articleYear + (RELATIVE_YEAR[m[1]!.toLowerCase()] ?? 0), null, 'relative');
    },
  },
  {
    // "last year", "later this year", "next year", "the past year"
    pattern: /\b(last|this|next|past|previous|current|coming)\s+(?:calendar\s+)?year\b/gi,
    make: (m, articleYear) => {
      const shift = RELATIVE_YEAR[m[1]!.toLowerCase()] ?? 0;
      if (articleYear === null) return undatedYear(m[0]);
      return yearMention(articleYear + shift, null, 'relative');
    },
  },
  {
    // "March 2024", "in December 2023" (not "4 July 2024": chrono reads that one whole)
    pattern: new RegExp(String.raw`(?<!\d\s)\b(${MONTH_WORD})\s+(${YEAR})\b`, 'g'),
    make: (m) => {
      const month = monthIndex(m[1]!);
      return {
        iso: `${m[2]}-${pad(month)}`,
        endIso: null,
        precision: 'month',
        yearFrom: 'text',
        monthDay: null,
        display: `${m[2]}-${pad(month)}`,
      };
    },
  },
  {
    // a bare year after a preposition: "in 2024", "since 2019", "for 2025", "of 2024"
    pattern: new RegExp(
      String.raw`\b(?:(?:in|since|by|until|till|for|during|of|from|through|to|year|with|than|against|versus|between|(?<=\d{4},?\s)and|early|late)\s+|mid-)(${YEAR})\b(?!\s?[-–—]\s?\d)`,
      'gi',
    ),
    make: (m) => yearMention(Number(m[1]), null, 'text'),
  },
  {
    // A year naming an event: "the 2030 World Cup", "the 2024 elections", "the 2026 football season"
    pattern:
      /\bthe\s+((?:19|20)\d{2})\s+(?=\p{Lu}|(?:football|FIFA|Olympic|Winter|Summer|general|presidential|parliamentary|elections?|census|budget|summit|season|edition|games|championship|tournament|expo|harvest|deadline|target)\b)/gu,
    make: (m) => yearMention(Number(m[1]), null, 'text'),
  },
  {
    // A month without a day or year: "signed in March", "by October". The year is the one
    // that puts the month nearest the article's date; without a date it is unknown.
    pattern: new RegExp(
      String.raw`\b(?:in|by|until|since|from|during|early|late|mid-)\s*(${MONTH_WORD})(?!\p{L})(?!\.?\s*\d)`,
      'gu',
    ),
    make: (m, _articleYear, articleDate) => {
      const month = monthIndex(m[1]!);
      if (month === 0) return null;
      if (!articleDate) {
        return undatedMonth(month, MONTHS[month - 1]!, 'year not stated');
      }
      const at = Date.parse(`${articleDate}T00:00:00Z`);
      const year = Number(articleDate.slice(0, 4));
      // A deadline ("by December") is ahead of the article; other months are the nearest.
      const ahead = /^(?:by|until|till)\b/i.test(m[0]);
      const candidates = ahead
        ? [year, year + 1].filter((y) => Date.UTC(y, month - 1, 28) >= at)
        : [year - 1, year, year + 1];
      const nearest = candidates.sort(
        (a, b) => Math.abs(Date.UTC(a, month - 1, 15) - at) - Math.abs(Date.UTC(b, month - 1, 15) - at),
      )[0]!;
      return {
        iso: `${nearest}-${pad(month)}`,
        endIso: null,
        precision: 'month',
        yearFrom: 'article',
        monthDay: null,
        display: `${nearest}-${pad(month)}`,
      };
    },
  },
];
