import { datePoints, datesIn } from '../dates.js';
import { type DateFact, dateFactSchema } from '../types.js';
import { type SentenceKind, sentenceKind, sourceOf } from './kind.js';

/** Dates (src/facts/dates.ts), each resolved against its article's date. */
export const date: SentenceKind<DateFact> = sentenceKind('date', dateFactSchema, (sentence, articleDate) => {
  const out: DateFact[] = [];
  const days = new Set<string>();
  for (const d of datesIn(sentence.text, articleDate)) {
    // "last year" in an undated article is still a date, of a year not known ("last year, article undated").
    for (const iso of datePoints(d)) {
      // "Brasilia, March 26 – … signed on Wednesday": one day (or year) named twice is one date.
      if (iso !== null) {
        if (days.has(iso)) continue;
        days.add(iso);
      }
      out.push({
        kind: 'date',
        text: d.text,
        date: { iso, display: d.display, from: d.yearFrom ?? 'none' },
        precision:
          iso === null ? d.precision : iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day',
        statement: `${d.text}: ${d.display}`,
        source: sourceOf(sentence),
      });
    }
  }
  return out;
});
