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
/** Quarters, by number: "first quarter", "Q1", "January–March", "first three months". */
const QUARTERS: ReadonlyArray<[string, RegExp]> = (
  [
    ['q1', 'first', 'jan(?:uary)?', 'mar(?:ch)?', '|(?:the\\s+)?first\\s+three\\s+months'],
    ['q2', 'second', 'apr(?:il)?', 'june?', ''],
    ['q3', 'third', 'july?', 'sep(?:t(?:ember)?)?', ''],
    ['q4', '(?:fourth|final)', 'oct(?:ober)?', 'dec(?:ember)?', ''],
  ] as const
).map(([word, ordinal, from, to, more]) => [
  word,
  new RegExp(
    String.raw`\b(?:(?:the\s+)?${ordinal}\s+quarter(?:\s+of(?:\s+the\s+year)?)?|${word}|${from}${THROUGH}${to}${more})\b`,
    'gi',
  ),
]);
/** "1H2018", "2H 2024": a half written before its year. */
const HALF_BEFORE_YEAR = /\b([12])H\s*((?:19|20)\d\d)\b/gi;
const RELATIVE_YEAR =
  /\b(?:(last|previous|past|preceding)\s+year|(this|current)\s+year|(next|coming|following)\s+year|a\s+year\s+(earlier|ago|before))\b/gi;

/** The search words of the quarters (`q1`…`q4`), indexed and asked for like the half-years. */
export const QUARTER_WORDS: readonly string[] = QUARTERS.map(([word]) => word);
/** The search word a half-year is indexed and asked for as. */
export const FIRST_HALF_WORD = 'h1';
export const SECOND_HALF_WORD = 'h2';

const MAYBE = /half|six|6\s|h[12]\b|[12]h|jan|jul|apr|oct|year|quarter|q[1-4]\b|three/i;

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
  for (const [word, form] of QUARTERS) {
    form.lastIndex = 0;
    if (form.test(text)) out.add(word);
  }
  for (const m of text.matchAll(HALF_BEFORE_YEAR)) {
    out.add(m[1] === '1' ? FIRST_HALF_WORD : SECOND_HALF_WORD);
    out.add(m[2]!);
  }
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
  let out = question
    .replace(HALF_BEFORE_YEAR, (_, half: string, year: string) => `H${half} ${year}`)
    .replace(FIRST_HALF, FIRST_HALF_WORD)
    .replace(SECOND_HALF, SECOND_HALF_WORD);
  for (const [word, form] of QUARTERS) out = out.replace(form, word);
  return out;
}

/** The year of an ISO date (`2025-02-12` → 2025), or null. */
export function yearOfDate(date: string | null | undefined): number | null {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : null;
}
