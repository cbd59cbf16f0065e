import { describe, expect, it } from 'vitest';
import { extractMeetings } from '../../src/facts/meetings.js';
import { articlesOf } from '../support/articles.js';

// Meetings whose people the sentence names without a country, or does not name: sentences written for these tests.

const meetingsOf = (...texts: string[]) => {
  const { articles, refsOf } = articlesOf(...texts);
  return extractMeetings(articles, refsOf).meetings;
};
const countries = (m: { participants: Array<{ country: string | null }> }) =>
  [...new Set(m.participants.map((p) => p.country))].sort();

describe('extractMeetings giving a country to people the sentence names without one', () => {
  it('gives the article’s other country to every host when the visitor’s country is known', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-09-06 Estonian Prime Minister Kaja Tamm arrived in Riga on Tuesday for talks on Latvia’s rail link.',
        'On Wednesday, Tamm paid a courtesy call on Speaker Andris Liepa and met Chairman Juris Ozolins.',
        'Estonia and Latvia agreed to finish the line by 2030.',
      ].join('\n'),
    );
    const day = meetings.find((m) => m.date.iso === '2023-09-06');
    expect(day && countries(day)).toEqual(['Estonia', 'Latvia']);
  });
});

describe('extractMeetings on "the two prime ministers" and "the two met"', () => {
  it('reads the group as the people of the article’s current meeting', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-09-06 Estonian Prime Minister Kaja Tamm held talks with Latvian Prime Minister Juris Ozols in Riga on September 5.',
        'Estonia and Latvia agreed to finish the rail line by 2030.',
        'Ministers of both sides then reviewed the tariffs of the line.',
        'The talks were followed by the first session of the Baltic Rail Council, which the two prime ministers co-chaired.',
      ].join('\n'),
    );
    expect(meetings.map((m) => [m.date.iso, m.sources.map((s) => s.line)])).toEqual([['2023-09-05', [1, 4]]]);
  });
});
