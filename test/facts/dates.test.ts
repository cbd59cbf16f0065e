import { describe, expect, it } from 'vitest';
import { datePoints, datesIn } from '../../src/facts/dates.js';

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

describe('datesIn on parts of the article’s year and years counted back', () => {
  it('reads a part of "the year" or "this year" as a part of the article’s year', () => {
    expect(one('Sales rose in the second half of the year.', '2023-11-02')).toMatchObject({
      iso: '2023-07',
      endIso: '2023-12',
    });
    expect(one('In the first five months of this year, exports fell.', '2022-07-01')).toMatchObject({
      iso: '2022-01',
      endIso: '2022-05',
    });
    expect(one('Growth slowed in the third quarter of this year.', '2021-12-01')).toMatchObject({
      iso: '2021-07',
      endIso: '2021-09',
    });
    expect(one('It grew in the first quarter of this year.', null)).toMatchObject({ iso: null });
  });

  it('reads the end of the year and the full year as the article’s year', () => {
    expect(one('A report is due before the end of the year.', '2022-04-05')).toMatchObject({ iso: '2022' });
    expect(one('Forecasts for the full year were cut.', '2021-06-30')).toMatchObject({ iso: '2021' });
  });

  it('counts "the previous year" and "a year earlier" back from the year the sentence gave', () => {
    const isos = (text: string, date: string | null) => datesIn(text, date).map((d) => d.iso);
    expect(isos('Output hit 9 tonnes in 2019, up 3 percent from the previous year.', '2021-03-01')).toEqual([
      '2019',
      '2018',
    ]);
    expect(isos('Sales rose to $4 billion in 2020 from $3 billion a year earlier.', '2022-01-10')).toEqual([
      '2020',
      '2019',
    ]);
    expect(isos('Imports fell, down 2 percent on the year before.', '2021-03-01')).toEqual(['2020']);
    expect(isos('Imports fell, down 2 percent on the year before.', null)).toEqual([]);
  });

  it('reads a year naming an event and a day "of that year"', () => {
    expect(one('Fans are preparing for the 2034 Asian Games in Riyadh.', null)).toMatchObject({
      iso: '2034',
    });
    expect(one('The 1950 troops left.', null)).toBeUndefined();
    const days = datesIn(
      'Talks resumed in May 2019, and a deal was signed on June 3 of that year.',
      '2023-01-09',
    );
    expect(days.map((d) => d.iso)).toEqual(['2019-05', '2019-06-03']);
  });

  it('reads a season said relative to the article', () => {
    expect(one('Last summer the lake drew many visitors.', '2023-02-01')).toMatchObject({ iso: '2022' });
    expect(one('Last summer the lake drew many visitors.', null)).toMatchObject({ iso: null });
  });
});

describe('datePoints', () => {
  const points = (text: string) => datesIn(text, '2024-05-05').flatMap(datePoints);
  it('gives a part of one year as that year and a range of years as both ends', () => {
    expect(points('Exports rose in January-April 2023.')).toEqual(['2023']);
    expect(points('A plan for 2026-2029 was adopted.')).toEqual(['2026', '2029']);
    expect(points('The visit ran from June 4-6.')).toEqual(['2024-06-04']);
  });
});
