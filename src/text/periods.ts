/**
 * Dates a question and a sentence can share without sharing words. A
 * sentence's relative year ("last year" in an article dated 2025) is indexed
 * as the year it means (2024), and the several ways of writing a half-year
 * ("first half", "six months", "H1", "January–June") are indexed, and asked
 * for, as one word (`h1`, `h2`). Cheap regular expressions only: this runs
 * over every sentence at every build.
 */

const THROUGH = String.raw`\s*(?:-|–|—|to|through|till|until|and)\s*`;
const FIRST_HALF = new RegExp(
  String.raw`\b(?:(?:the\s+)?first\s+half(?:\s+of(?:\s+the\s+year)?)?|(?:(?:the\s+)?first\s+)?six\s+months|6\s+months|h1|jan(?:uary)?${THROUGH}june?)\b`,
  'gi',
);
const SECOND_HALF = new RegExp(
  String.raw`\b(?:(?:the\s+)?second\s+half(?:\s+of(?:\s+the\s+year)?)?|h2|july?${THROUGH}dec(?:ember)?)\b`,
  'gi',
);
const RELATIVE_YEAR =
  /\b(?:(last|previous|past|preceding)\s+year|(this|current)\s+year|(next|coming|following)\s+year|a\s+year\s+(earlier|ago|before))\b/gi;

/** The search word a half-year is indexed and asked for as. */
export const FIRST_HALF_WORD = 'h1';
export const SECOND_HALF_WORD = 'h2';

const MAYBE = /half|six|6\s|h[12]\b|jan|jul|year/i;

/**
 * Words to index beside a sentence: the years its relative year phrases
 * resolve to against the article's year, and `h1`/`h2` for a half-year.
 * Empty for most sentences.
 */
export function dateKeywords(text: string, articleYear: number | null): string {
  if (!MAYBE.test(text)) return '';
  const out = new Set<string>();
  FIRST_HALF.lastIndex = 0;
  SECOND_HALF.lastIndex = 0;
  if (FIRST_HALF.test(text)) out.add(FIRST_HALF_WORD);
  if (SECOND_HALF.test(text)) out.add(SECOND_HALF_WORD);
  if (articleYear !== null) {
    for (const m of text.matchAll(RELATIVE_YEAR)) {
      const offset = m[1] || m[4] ? -1 : m[2] ? 0 : 1;
      out.add(String(articleYear + offset));
    }
  }
  return [...out].join(' ');
}

/**
 * A question with its half-year phrases written as the one word they are
 * indexed as: "trade in the first six months of 2024" asks for `h1` and 2024.
 */
export function canonicalPeriods(question: string): string {
  if (!MAYBE.test(question)) return question;
  return question.replace(FIRST_HALF, FIRST_HALF_WORD).replace(SECOND_HALF, SECOND_HALF_WORD);
}

/** The year of an ISO date (`2025-02-12` → 2025), or null. */
export function yearOfDate(date: string | null | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}
