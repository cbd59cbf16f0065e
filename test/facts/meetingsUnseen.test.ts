import { describe, expect, it } from 'vitest';
import { brief, meetingsOf, OPENING } from '../support/meetings.js';

// Meeting shapes seen on articles nobody tuned for, in sentences written for these tests.

describe('extractMeetings on remarks, invitations and refusals around a meeting', () => {
  it('does not take a remark "at a joint press conference" as a sentence of the meeting', () => {
    expect(
      meetingsOf(OPENING, '"Our ports are one," Kask said at a joint press conference.').map(brief),
    ).toEqual([['2023-04-12', 'Tallinn', [1]]]);
  });

  it('reads an invitation to visit as no meeting: neither the one told nor one to come', () => {
    const meetings = meetingsOf(
      OPENING,
      'Kask invited Berzina to visit Tartu at a convenient time next year.',
    );
    expect(meetings.map((m) => [m.date.iso, m.sources.map((s) => s.line)])).toEqual([['2023-04-12', [1]]]);
  });

  it('does not read a summit someone skipped or did not attend as a meeting', () => {
    expect(
      meetingsOf(
        OPENING,
        'Berzina skipped the Baltic summit in Vilnius in March, and Kask did not attend it either.',
      ).map(brief),
    ).toEqual([['2023-04-12', 'Tallinn', [1]]]);
  });
});

describe('extractMeetings on sentences that only name the meeting told', () => {
  it('joins a sentence that tells of the meeting or what it was about, not one that names it in passing', () => {
    const meetings = meetingsOf(
      OPENING,
      "Kask hailed Berzina's visit as a milestone.",
      'Berzina and Kask discussed energy links.',
      'Kask also received Berzina at the palace in the evening.',
    );
    expect(meetings.map((m) => m.sources.map((s) => s.line))).toEqual([[1, 3, 4]]);
  });

  it('keeps a signing by its people with the meeting: a document signed there takes its date through it', () => {
    const meetings = meetingsOf(OPENING, 'During the talks, Kask and Berzina signed a transit deal.');
    expect(meetings.map((m) => m.sources.map((s) => s.line))).toEqual([[1, 2]]);
  });

  it("does not join what the meeting's people agreed or added with 'also'", () => {
    const meetings = meetingsOf(
      OPENING,
      'Both sides agreed to finish the negotiations on a pension treaty by the end of the year.',
      'The two presidents also discussed energy links.',
      'Berzina welcomed the progress of the rail project.',
    );
    expect(meetings.map((m) => m.sources.map((s) => s.line))).toEqual([[1]]);
  });
});

describe('extractMeetings on calls, visits and sessions said in other words', () => {
  it('reads "called on President X" as a meeting, and "called on X to" as none', () => {
    const meetings = meetingsOf(
      ' date 2023-04-14 Estonian Foreign Minister Tiit Saar called on Latvian President Ilze Berzina at the palace on Thursday.',
      'Saar called on Berzina to back the rail plan.',
    );
    expect(meetings.map(brief)).toEqual([['2023-04-13', null, [1]]]);
  });

  it('reads "is in Latvia on a working visit" as a visit to that country', () => {
    const meetings = meetingsOf(
      ' date 2023-04-14 Estonian Foreign Minister Tiit Saar is in Latvia on a working visit on April 13-14.',
    );
    expect(meetings.map((m) => [m.date.iso, m.place, m.participants.map((p) => p.country)])).toEqual([
      ['2023-04-13', 'Latvia', ['Estonia', 'Latvia']],
    ]);
  });

  it('reads a session that "will take place" as a meeting to come, with its year', () => {
    const meetings = meetingsOf(
      ' date 2023-04-14 Estonia and Latvia reviewed trade.',
      'Latvia and Estonia agreed on transit.',
      'The next session of the joint commission will take place in Riga in early 2024.',
    );
    expect(meetings.map((m) => [m.date.iso, m.place])).toContainEqual(['2024', 'Riga']);
  });
});
