import { extractMeetings } from '../meetings.js';
import { type MeetingFact, meetingFactSchema } from '../types.js';
import type { IndexedKind } from './kind.js';

/** Meetings between named officials (src/facts/meetings.ts); they also date undated articles. */
export const meeting = {
  kind: 'meeting',
  field: 'meetings' as const,
  schema: meetingFactSchema,
  extract: (ctx) => {
    const { meetings, inferredDates } = extractMeetings(ctx.articles, (s) => ctx.refsOf(s));
    return { facts: meetings, inferredDates };
  },
  indexed: (own) => own,
  indexText: (f) => ({ text: f.statement, keywords: `meeting met talks visit negotiations ${f.format}` }),
  sources: (f) => f.sources,
  answerFields: (f) => {
    const { statement: _, kind: _k, source: _s, sources: _all, date, ...rest } = f;
    return { ...rest, date: date.iso, dateDisplay: date.display, dateFrom: date.from };
  },
  counted: 'meetings',
} satisfies IndexedKind<'meeting', MeetingFact, MeetingFact, object>;
