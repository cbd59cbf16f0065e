import { extractMeetings } from '../../src/facts/meetings.js';
import { articlesOf } from './articles.js';

/** The meetings of one article whose lines are given. */
export const meetingsOf = (...lines: string[]) => {
  const { articles, refsOf } = articlesOf(lines.join('\n'));
  return extractMeetings(articles, refsOf).meetings;
};

/** A meeting as the tests compare it: date, place and the lines it was read from. */
export const brief = (m: ReturnType<typeof meetingsOf>[number]) => [
  m.date.iso,
  m.place,
  m.sources.map((s) => s.line),
];

/** A dated opening sentence that reports a meeting (Tallinn, 12 April 2023). */
export const OPENING =
  ' date 2023-04-13 Estonian President Mart Kask held talks with Latvian President Ilze Berzina in Tallinn on April 12.';
