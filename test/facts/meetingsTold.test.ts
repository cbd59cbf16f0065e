import { describe, expect, it } from 'vitest';
import { brief, meetingsOf, OPENING } from '../support/meetings.js';

// Which sentence reports which meeting: the one told, one told in the background, one to come.

describe('extractMeetings on a meeting of another month told beside the one reported', () => {
  it('reads "visited Riga in May 2021 and held talks" as a past meeting of its own, dated by its month', () => {
    const meetings = meetingsOf(
      OPENING,
      'Kask visited Riga in May 2021 and held talks with Berzina, when the two agreed to link their grids.',
    );
    expect(meetings.map(brief)).toEqual([
      ['2021-05', 'Riga', [2]],
      ['2023-04-12', 'Tallinn', [1]],
    ]);
  });

  it('dates a clause of a past visit by its own month, not by the day of the remark around it', () => {
    const meetings = meetingsOf(
      OPENING,
      'Berzina, who paid a state visit to Tallinn in October 2019, told a business forum on Thursday that rail links come first.',
    );
    expect(meetings.map((m) => [m.date.iso, m.sources.map((s) => s.line)])).toContainEqual(['2019-10', [2]]);
    expect(meetings.find((m) => m.date.iso === '2023-04-12')?.sources.map((s) => s.line)).toEqual([1]);
  });

  it('keeps a year a mechanism started in ("since it was launched in 2016") as no date of the meeting', () => {
    const meetings = meetingsOf(
      OPENING,
      'The meeting was the fifth such meeting since the format was launched in 2016.',
    );
    expect(meetings.map((m) => m.date.iso)).toEqual(['2023-04-12']);
  });
});

describe('extractMeetings on the place of a meeting', () => {
  it('takes the city, not a building named like a capital ("the Victoria Hall in Tallinn")', () => {
    const meetings = meetingsOf(
      ' date 2023-04-13 Estonian President Mart Kask received Latvian President Ilze Berzina at the Victoria Hall in Tallinn on Wednesday.',
    );
    expect(meetings.map((m) => m.place)).toEqual(['Tallinn']);
  });
});
