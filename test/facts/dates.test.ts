import { describe, expect, it } from 'vitest';
import { datesIn } from '../../src/facts/dates.js';

const one = (sentence: string, articleDate: string | null) => {
  const [d] = datesIn(sentence, articleDate);
  return d && { text: d.text, iso: d.iso, endIso: d.endIso, display: d.display };
};

describe('datesIn', () => {
  it('reads explicit dates with and without a year', () => {
    expect(one('They met on January 25, 2024 in Bishkek.', null)).toMatchObject({ iso: '2024-01-25' });
    // Without a year, the article's date picks the nearest year.
    expect(one('The forum opened Aug. 25 in Baku.', '2025-02-12')).toMatchObject({
      text: 'Aug. 25',
      iso: '2024-08-25',
    });
    expect(one('Talks were held August 22-23.', '2024-08-30')).toMatchObject({
      iso: '2024-08-22',
      endIso: '2024-08-23',
    });
    expect(one('Trade grew in 2024.', null)).toMatchObject({ text: 'in 2024', iso: '2024' });
    expect(one('A programme for 2026-2028 was signed.', null)).toMatchObject({ iso: '2026', endIso: '2028' });
  });

  it('resolves relative dates against the article date', () => {
    expect(one('The treaty was signed last year.', '2025-02-12')).toMatchObject({ iso: '2024' });
    expect(one('Products were sent in December last year.', '2025-02-12')).toMatchObject({ iso: '2024-12' });
    expect(one('Culture days follow later this year.', '2024-01-30')).toMatchObject({ iso: '2024' });
    expect(one('A summit is due next year.', '2024-06-01')).toMatchObject({ iso: '2025' });
  });

  it('says so when the year cannot be known instead of guessing', () => {
    expect(one('He arrived on January 25, the ministry said.', null)).toMatchObject({
      iso: null,
      display: 'January 25, year not stated',
    });
    expect(one('Trade grew last year.', null)).toMatchObject({
      iso: null,
      display: 'last year, article undated',
    });
  });

  it.each(['the 30th anniversary', '27 documents', '100 specialists', 'May we add', 'No. 5'])(
    'finds no date in "%s"',
    (text) => {
      expect(datesIn(text, '2024-01-01')).toEqual([]);
    },
  );
});

describe('datesIn on parts of years and months', () => {
  it('reads quarters, the first months of a year, and a day before its month', () => {
    expect(one('Trade grew in Q1 2025.', null)).toMatchObject({ iso: '2025-01', endIso: '2025-03' });
    expect(one('in the first nine months of 2024', null)).toMatchObject({
      iso: '2024-01',
      endIso: '2024-09',
    });
    expect(one('They met on 4 July 2024 in Astana.', null)).toMatchObject({ iso: '2024-07-04' });
  });

  it('reads "last October" as the latest October before the article', () => {
    expect(one('The leaders met in Lima last October.', '2025-05-22')).toMatchObject({ iso: '2024-10' });
    expect(one('The contract was signed last March.', '2025-05-22')).toMatchObject({ iso: '2025-03' });
  });

  it('puts a deadline month ahead of the article and "last month" before it', () => {
    expect(one('A draft is due by December.', '2025-05-14')).toMatchObject({ iso: '2025-12' });
    expect(one('He called last month.', '2025-06-10')).toMatchObject({ iso: '2025-05' });
  });
});
