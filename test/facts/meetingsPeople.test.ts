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

describe('extractMeetings on meetings where no one is named', () => {
  it('reads a commission that last met, a session held and one scheduled as meetings of the two countries', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-09-06 Estonia and Latvia agreed on Tuesday to open two more border posts.',
        'The Estonian-Latvian Joint Commission, which last met in Tartu in 2019, will resume its work, with its next session scheduled for Riga in December.',
        'The last such session, held in Narva in May 2018, set up a rail committee.',
      ].join('\n'),
    );
    expect(meetings.map((m) => [m.date.iso, m.place, countries(m)])).toEqual([
      ['2018-05', 'Narva', ['Estonia', 'Latvia']],
      ['2019', 'Tartu', ['Estonia', 'Latvia']],
      ['2023-12', 'Riga', ['Estonia', 'Latvia']],
    ]);
  });

  it('gives a meeting told after the fact ("after a meeting of ministers on Monday") the article’s pair', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-09-06 Estonia and Latvia will drop four customs checks, after a meeting of transport ministers on Monday.',
        'Officials from Estonia and Latvia told journalists after the meeting that queues would shrink.',
      ].join('\n'),
    );
    expect(meetings.map((m) => [m.date.iso, countries(m), m.sources.map((s) => s.line)])).toEqual([
      ['2023-09-04', ['Estonia', 'Latvia'], [1]],
    ]);
  });
});

describe('extractMeetings keeping a nameless meeting apart from another meeting that day', () => {
  it('does not join "A was received by B" to the commission session the article told first', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-09-06 On September 5, the third session of the Estonian-Latvian Joint Commission was held in Riga.',
        'Estonia and Latvia agreed to build a rail link.',
        'On the same day, Estonian Economy Minister Kaja Tamm was received by Latvian President Juris Ozols.',
      ].join('\n'),
    );
    expect(meetings.map((m) => m.sources.map((s) => s.line))).toEqual([[1], [3]]);
  });
});

describe('extractMeetings on people named by country and title', () => {
  it('resolves "the Estonian prime minister" to the one of the article, and "Latvia’s foreign minister" to a side', () => {
    const meetings = meetingsOf(
      [
        ' date 2023-09-06 Estonian Prime Minister Kaja Tamm said Estonia and Latvia would link their grids.',
        'On Tuesday, the Estonian prime minister travelled to Daugavpils, where he was accompanied by the mayor Juris Ozolins.',
        'On Wednesday, Latvia’s foreign minister met Tamm in Riga.',
      ].join('\n'),
    );
    expect(
      meetings.map((m) => [
        m.date.iso,
        m.place,
        countries(m),
        m.participants.some((p) => p.name === 'Kaja Tamm'),
      ]),
    ).toEqual([
      ['2023-09-05', 'Daugavpils', ['Estonia', 'Latvia'], true],
      ['2023-09-06', 'Riga', ['Estonia', 'Latvia'], true],
    ]);
  });

  it('reads a visit that "landed in" a capital', () => {
    const meetings = meetingsOf(
      ' date 2023-09-06 Estonian Prime Minister Kaja Tamm landed in Riga, Latvia, on Tuesday for an official visit.',
    );
    expect(meetings.map((m) => [m.date.iso, m.place, countries(m)])).toEqual([
      ['2023-09-05', 'Riga', ['Estonia', 'Latvia']],
    ]);
  });
});
