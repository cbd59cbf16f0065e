import { describe, expect, it } from 'vitest';
import { extractMeetings } from '../../src/facts/meetings.js';
import { articlesOf } from '../support/articles.js';

// Shapes of meeting sentences in news, in sentences written for these tests.

const meetingsOf = (...texts: string[]) => {
  const { articles, refsOf } = articlesOf(...texts);
  return extractMeetings(articles, refsOf).meetings;
};
const countries = (m: { participants: Array<{ country: string | null }> }) =>
  [...new Set(m.participants.map((p) => p.country))].sort();

describe('extractMeetings on sentences that only refer back to a meeting', () => {
  it('does not take "after the talks", "in the presence of the two leaders" or "the parties discussed" as the meeting', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-04-12 Estonian President Mart Kask held talks with Latvian President Ilze Berzina in Tallinn on April 11.',
        'After the talks, Kask told reporters that ties were strong.',
        'In the presence of the two leaders, ministers signed four documents.',
        'The parties discussed transit and energy.',
      ].join('\n'),
    );
    expect(meetings.map((m) => [m.date.iso, m.place, m.sources.map((s) => s.line)])).toEqual([
      ['2023-04-11', 'Tallinn', [1]],
    ]);
  });
});

describe('extractMeetings dating each day of a visit by its own words', () => {
  it('keeps an arrival on Tuesday apart from the talks on Wednesday', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-04-13 Estonian President Mart Kask and Latvian President Ilze Berzina held talks in Riga on Wednesday.',
        'Kask arrived in Riga on Tuesday on a state visit and was welcomed by Berzina.',
      ].join('\n'),
    );
    expect(meetings.map((m) => [m.date.iso, m.sources.map((s) => s.line)])).toEqual([
      ['2023-04-11', [2]],
      ['2023-04-12', [1]],
    ]);
  });
});

describe('extractMeetings giving both sides a country', () => {
  it('reads the country beside a name ("Estonia\'s Minister", "of Latvia") and the counterpart from the article', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-07-03 Estonia’s Energy Minister Rein Tamm met Latvia’s Economy Minister Janis Ozols in Valga on July 2.',
        'President Mart Kask receives President Ilze Berzina of Latvia at the palace in Tallinn on Monday.',
        'Estonia and Latvia share a long border, and Estonia and Latvia trade timber.',
      ].join('\n'),
    );
    expect(meetings.map((m) => [m.date.iso, countries(m)])).toEqual([
      ['2023-07-02', ['Estonia', 'Latvia']],
      ['2023-07-03', ['Estonia', 'Latvia']],
    ]);
  });

  it('names the host country as a side of a one-person visit', () => {
    const meetings = meetingsOf(
      ' date 2023-05-08 Latvian President Ilze Berzina arrived in Tallinn on a state visit.',
    );
    expect(meetings.map((m) => [m.place, countries(m)])).toEqual([['Tallinn', ['Estonia', 'Latvia']]]);
  });
});

describe('extractMeetings on meetings to come and meetings told in passing', () => {
  it('dates a planned meeting by its own words, never by the article', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-02-06 Estonian Foreign Minister Liis Saar held talks with Latvian Foreign Minister Andris Kalnins in Riga on February 5.',
        'Saar and Kalnins are expected to meet again in Tallinn in June.',
        'Both ministers agreed to hold the next session of the commission in Tallinn.',
      ].join('\n'),
    );
    expect(meetings.map((m) => [m.date.iso, m.place, m.sources.map((s) => s.line)])).toEqual([
      ['2023-02-05', 'Riga', [1]],
      // The same planned meeting told twice, dated once.
      ['2023-06', 'Tallinn', [2, 3]],
    ]);
  });

  it('reads a past visit told in passing as its own meeting of the two countries', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-09-14 Estonian President Mart Kask met Latvian President Ilze Berzina in Riga on September 13.',
        'They reviewed the projects agreed during the state visit of the President of Latvia to Tallinn in May 2021.',
      ].join('\n'),
    );
    expect(meetings.map((m) => [m.date.iso, m.place, countries(m)])).toEqual([
      ['2021-05', 'Tallinn', ['Estonia', 'Latvia']],
      ['2023-09-13', 'Riga', ['Estonia', 'Latvia']],
    ]);
  });

  it('keeps "during his visit" as the sentence’s own meeting when the sentence tells of talks', () => {
    const meetings = meetingsOf(
      ' date 2023-03-05 Estonian President Mart Kask held talks with Latvian President Ilze Berzina during his official visit to Riga on March 3.',
    );
    expect(meetings.map((m) => [m.date.iso, m.place, m.format])).toEqual([
      ['2023-03-03', 'Riga', 'official visit'],
    ]);
  });
});
