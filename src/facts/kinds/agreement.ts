import { extractAgreementGroups } from '../agreementGroups.js';
import { agreementStatement, extractAgreements } from '../agreements.js';
import { type AgreementFact, agreementFactSchema, type FactSource, type MeetingFact } from '../types.js';
import { type IndexedKind, withAliases } from './kind.js';

/** "Following the talks, the heads of state signed …": the signing refers to the article's event. */
const AT_EVENT =
  /\b(?:during|following|after|at the end of|at|on the sidelines of|within the framework of|as part of|in the course of|in the presence of)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}?(?:talks|visit|meeting|negotiations|summit|session|consultations|ceremony)\b/iu;

const sameSource = (a: FactSource, b: FactSource) =>
  a.file === b.file && a.line === b.line && a.text === b.text;

/**
 * A document signed during a meeting carries the meeting's date: the meeting
 * shares its sentence, or the sentence refers to the event and the article
 * reports one dated meeting. A date the sentence itself gives stays, unless
 * it is only the year (or month) of that meeting.
 */
function datesFromMeetings(agreements: AgreementFact[], meetings: readonly MeetingFact[]): void {
  const dated = meetings.filter((m) => m.date.iso?.length === 10);
  for (const agreement of agreements) {
    if (agreement.status !== 'signed' || (agreement.date?.iso?.length ?? 0) >= 10) continue;
    const meeting =
      dated.find((m) => m.sources.some((s) => agreement.sources.some((a) => sameSource(a, s)))) ??
      agreement.sources
        .filter((a) => AT_EVENT.test(a.text))
        .map((a) => dated.filter((m) => m.sources.some((s) => s.file === a.file)))
        .find((found) => found.length === 1)?.[0];
    if (!meeting) continue;
    const own = agreement.date;
    if (own && own.from === 'text' && own.iso && !meeting.date.iso!.startsWith(own.iso)) continue;
    agreement.date = { ...meeting.date, from: 'event' };
    if (!agreement.place && meeting.place) agreement.place = meeting.place;
    agreement.statement = agreementStatement(agreement);
  }
}

/**
 * Agreements: each document named (src/facts/agreements.ts) and each group of
 * them ("27 documents were signed", src/facts/agreementGroups.ts), dated by
 * the meeting they were signed at when their sentence does not date them.
 */
export const agreement = {
  kind: 'agreement',
  field: 'agreements' as const,
  schema: agreementFactSchema,
  /** Dated by the meeting they were signed at. */
  needs: ['meeting'],
  extract: (ctx) => {
    const dateOf = (a: Parameters<typeof ctx.dateOf>[0]) => ctx.dateOf(a).date;
    const found = [
      ...extractAgreements(ctx.articles, (s) => ctx.refsOf(s), dateOf),
      ...extractAgreementGroups(ctx.articles, dateOf),
    ];
    datesFromMeetings(found, ctx.factsOf<MeetingFact>('meeting'));
    return found;
  },
  indexed: (own) => own,
  indexText: (f) => ({ text: withAliases(f), keywords: `agreement treaty document signed sign ${f.type}` }),
  sources: (f) => f.sources,
  answerFields: (f) => {
    const { statement: _, kind: _k, source: _s, sources: _all, date, ...rest } = f;
    return { ...rest, date: date?.iso ?? null, dateDisplay: date?.display ?? null };
  },
  counted: 'agreements',
} satisfies IndexedKind<'agreement', AgreementFact, AgreementFact, object>;
