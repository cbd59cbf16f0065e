import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { splitSentences } from '../../src/corpus/split.js';

const fixture = readFileSync(new URL('../fixtures/split/hard-cases.txt', import.meta.url), 'utf8');

describe('splitSentences', () => {
  const article = parseArticle(fixture, 'hard-cases.txt', '/x/hard-cases.txt', 0, 0);
  const texts = article.sentences.map((s) => [s.line, s.text]);

  it('keeps abbreviations, decimals, money and dotted acronyms inside one sentence', () => {
    expect(texts).toContainEqual([1, 'The U.S. delegation arrived on Jan. 25 with a $1.2 billion offer.']);
    expect(texts).toContainEqual([2, 'Officials said the deal, signed in Dec. 2023, was "historic."']);
    expect(texts).toContainEqual([4, 'Dr. Smith met Gov. Jones at No. 5 Downing St. in London.']);
    expect(texts).toContainEqual([5, 'The volume rose 18.5% to $2.8mn, i.e. more than planned...']);
  });

  it('cuts where a scraped page lost the space after a sentence, and nowhere else', () => {
    const cut = (line: string) => splitSentences([line]).map((s) => s.text);
    expect(cut('Exports rose sharply.In the same year imports fell.')).toEqual([
      'Exports rose sharply.',
      'In the same year imports fell.',
    ]);
    expect(cut('He praised the accord.“Since 2010, trade has doubled,” he said.')).toEqual([
      'He praised the accord.',
      '“Since 2010, trade has doubled,” he said.',
    ]);
    expect(cut('Read more on gov.uk or at example.com, e.g.The page, in the U.S.A. today.')).toHaveLength(1);
  });

  it('cuts after an ellipsis only when a new sentence starts', () => {
    expect(texts).toContainEqual([2, 'The talks resumed…']);
    expect(texts).toContainEqual([2, 'Nobody objected.']);
    expect(texts).toContainEqual([5, 'It was the best year since 2019.']);
  });

  it('keeps a quoted question with its attribution', () => {
    expect(texts).toContainEqual([4, '“Will it pass?” she asked.']);
    expect(texts).toContainEqual([4, '“Yes,” he said.']);
  });

  it('joins a hard-wrapped paragraph and reports the line where each sentence starts', () => {
    expect(texts).toContainEqual([
      7,
      'A hard-wrapped paragraph starts here and continues on the next line without a break.',
    ]);
    expect(texts).toContainEqual([9, 'Then a second sentence follows.']);
  });

  it('reads the date line as metadata and its remaining text as content', () => {
    expect(article.meta.date).toBe('2024-03-05');
    expect(texts[0]).toEqual([1, 'WASHINGTON, March 5.']);
  });

  it('treats each line as its own paragraph when lines end sentences', () => {
    const lines = ['First line ends here.', 'Second line ends too.', 'Third line ends as well.'];
    expect(splitSentences(lines).map((s) => [s.line, s.block])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
  });

  it('joins a line that does not end a sentence to the next, whatever the other lines do', () => {
    const lines = [
      'Officials met in Bishkek on Monday.',
      'The talks lasted four hours.',
      'Trade between Kazakhstan and Kyrgyzstan grew by a third in 2023',
      'and reached a record $2.5 billion, the ministry said.',
      'Both sides welcomed the result.',
    ];
    expect(splitSentences(lines).map((s) => [s.line, s.text])).toEqual([
      [1, 'Officials met in Bishkek on Monday.'],
      [2, 'The talks lasted four hours.'],
      [
        3,
        'Trade between Kazakhstan and Kyrgyzstan grew by a third in 2023 and reached a record $2.5 billion, the ministry said.',
      ],
      [5, 'Both sides welcomed the result.'],
    ]);
  });

  it('cuts a sentence longer than the limit at word boundaries', () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitSentences([long]);
    expect(pieces.map((p) => [p.text.length, p.text.split(' ')[0]])).toEqual([
      [993, 'word0'],
      [999, 'word138'],
      [999, 'word263'],
      [95, 'word388'],
    ]);
    expect(pieces.map((p) => p.text).join(' ')).toBe(long);
  });
});

describe('splitSentences on a site name glued to a full stop', () => {
  it('splits "Ankara.The" but not "News.Az reports"', () => {
    const texts = splitSentences(['They met in Ankara.The talks went well, News.Az reports.']).map(
      (s) => s.text,
    );
    expect(texts).toEqual(['They met in Ankara.', 'The talks went well, News.Az reports.']);
  });
});
