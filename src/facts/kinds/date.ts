import { datesIn } from '../dates.js';
import { type DateFact, dateFactSchema } from '../types.js';
import { type SentenceKind, sourceOf } from './kind.js';

/** Dates (src/facts/dates.ts), each resolved against its article's date. */
export const date: SentenceKind<DateFact> = {
  kind: 'date',
  schema: dateFactSchema,
  fromSentence: (sentence, articleDate) => {
    const out: DateFact[] = [];
    const days = new Set<string>();
    for (const d of datesIn(sentence.text, articleDate)) {
      // "last year" in an undated article is no date at all; "January 25" without a year still is one.
      if (d.iso === null && d.monthDay === null) continue;
      // "Brasilia, March 26 – … signed on Wednesday": one day named twice is one date.
      if (d.iso !== null && d.precision === 'day') {
        if (days.has(d.iso)) continue;
        days.add(d.iso);
      }
      out.push({
        kind: 'date',
        text: d.text,
        date: { iso: d.iso, display: d.display, from: d.yearFrom ?? 'none' },
        precision: d.precision,
        statement: `${d.text}: ${d.display}`,
        source: sourceOf(sentence),
      });
    }
    return out;
  },
};
