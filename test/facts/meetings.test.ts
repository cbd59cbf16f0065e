import { describe, expect, it } from 'vitest';
import { extractMeetings } from '../../src/facts/meetings.js';
import { articlesOf } from '../support/articles.js';

function meetingsOf(...texts: string[]) {
  const { articles, refsOf } = articlesOf(...texts);
  return { articles, ...extractMeetings(articles, refsOf) };
}

describe('extractMeetings', () => {
  it('reads participants with roles, place, date and format, merging one article’s sentences', () => {
    const { meetings } = meetingsOf(
      [
        ' date 2024-03-14 Azerbaijani Foreign Minister Jeyhun Bayramov held talks with Georgian Foreign Minister Ilia Darchiashvili in Tbilisi.',
        'During the official visit, Bayramov also met the speaker of parliament.',
      ].join('\n'),
    );
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({
      place: 'Tbilisi',
      format: 'official visit',
      date: { iso: '2024-03-14', from: 'article' },
      participants: [
        { name: 'Jeyhun Bayramov', role: 'Foreign Minister', country: 'Azerbaijan' },
        { name: 'Ilia Darchiashvili', role: 'Foreign Minister', country: 'Georgia' },
      ],
    });
    expect(meetings[0]?.sources.map((s) => s.line)).toEqual([1, 2]);
  });

  it('keeps a day without a year as "year not stated", and lists undated meetings last', () => {
    const { meetings } = meetingsOf(
      'Mongolian President Ukhnaa Khurelsukh met Japanese Prime Minister Shigeru Ishiba in Tokyo on March 3.',
      ' date 2023-05-02 Ishiba met Mongolian Foreign Minister Battsetseg Batmunkh in Ulaanbaatar.',
    );
    expect(meetings.map((m) => m.date.display)).toEqual(['2023-05-02', 'March 3, year not stated']);
  });

  it('marks a meeting mentioned as past, and does not merge it with the current one', () => {
    const { meetings } = meetingsOf(
      ' date 2025-02-12 Kazakh President Kassym-Jomart Tokayev met Tajik Foreign Minister Sirojiddin Muhriddin in Astana. Muhriddin has previously met Tokayev in Dushanbe.',
    );
    expect(meetings.map((m) => [m.date.display, m.place])).toEqual([
      ['2025-02-12', 'Astana'],
      ['before 2025-02-12', 'Dushanbe'],
    ]);
  });

  it('dates an undated report of the same event from a dated one, and says so', () => {
    const { meetings, inferredDates, articles } = meetingsOf(
      ' date 2024-08-22 Uzbek President Shavkat Mirziyoyev and Kyrgyz President Sadyr Japarov held talks in Bishkek.',
      'Uzbek President Shavkat Mirziyoyev and Kyrgyz President Sadyr Japarov signed a treaty. The signing took place during talks in Bishkek, with both leaders present.',
    );
    expect(meetings).toHaveLength(1);
    // The joint signing and the talks it took place at are both the one event.
    expect(meetings[0]?.sources.map((s) => s.file)).toEqual(['0.txt', '1.txt', '1.txt']);
    expect(inferredDates.get(articles[1]!)).toEqual({ date: '2024-08-22', from: '0.txt' });
  });

  it('needs two people: a ceremony attended by one is not a meeting', () => {
    const { meetings } = meetingsOf('Minister Nurtleu visited the National Museum in Dushanbe.');
    expect(meetings).toEqual([]);
  });
});
