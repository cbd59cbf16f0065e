import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { parseArticle } from '../../src/corpus/load.js';
import { createEngine } from '../../src/engine.js';
import { tempCorpus } from '../support/tempCorpus.js';

/**
 * Shapes of scraped news pages, in text written for this test: page
 * furniture around the article, bullet and numbered lists, a title before
 * the date line, and several sentences on one line.
 */

const PAGE = [
  'Ruritania and Freedonia sign five documents', // 1: title
  'date 2024-05-14', // 2
  'Home | World | Business | Sport | Opinion', // 3: menu
  '', // 4
  'POLITICS', // 5: lone label
  '', // 6
  '14 May 2024 10:45 (UTC+02:00)', // 7
  'By Anna Petrova – Daily Ledger', // 8: byline, kept
  '3 min read', // 9
  'Share this:', // 10
  'The presidents of Ruritania and Freedonia met in Strelsau on Tuesday.', // 11
  'The documents signed include:', // 12
  '- Agreement on cooperation in the field of customs administration', // 13
  '- Memorandum of understanding between the ministries of agriculture', // 14
  '  on the exchange of veterinary data', // 15
  '• Programme of cultural cooperation for 2024-2026', // 16
  '1. Protocol on the avoidance of double taxation', // 17
  '2. Roadmap for industrial cooperation', // 18
  'Read also: Freedonia raises interest rates', // 19
  'Trade between the two countries grew by 12 percent. Their trade reached $840 million in 2023. The sides aim for $1 billion.', // 20
  '', // 21
  'Back to top button', // 22
  '#Ruritania #Freedonia', // 23
  'Copyright © 2024 Daily Ledger. All rights reserved.', // 24
  'Mo Tu We Th Fr Sa Su', // 25
  '1 of 12', // 26
];

describe('an article page with furniture, lists and several sentences on a line', () => {
  const article = parseArticle(PAGE.join('\n'), 'page.txt', '/x/page.txt', 0, 0);

  it('reads the date line after the title and indexes only the article, one sentence per list item', () => {
    expect(article.meta.date).toBe('2024-05-14');
    expect(article.sentences.map((s) => [s.line, s.text])).toEqual([
      [1, 'Ruritania and Freedonia sign five documents'],
      [8, 'By Anna Petrova – Daily Ledger'],
      [11, 'The presidents of Ruritania and Freedonia met in Strelsau on Tuesday.'],
      [12, 'The documents signed include:'],
      [13, 'Agreement on cooperation in the field of customs administration'],
      [
        14,
        'Memorandum of understanding between the ministries of agriculture on the exchange of veterinary data',
      ],
      [16, 'Programme of cultural cooperation for 2024-2026'],
      [17, '1. Protocol on the avoidance of double taxation'],
      [18, '2. Roadmap for industrial cooperation'],
      [20, 'Trade between the two countries grew by 12 percent.'],
      [20, 'Their trade reached $840 million in 2023.'],
      [20, 'The sides aim for $1 billion.'],
    ]);
  });

  it('keeps a long bullet list one sentence per item, never one run cut mid-item, without the bullets', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) =>
        `• Memorandum of understanding on cooperation in the field number ${i + 1} between the two ministries`,
    );
    const list = parseArticle(['The sides signed:', ...items].join('\n'), 'l.txt', '/l.txt', 0, 0);
    expect(list.sentences.map((s) => [s.line, s.text])).toEqual([
      [1, 'The sides signed:'],
      ...items.map((item, i) => [i + 2, item.slice(2)]),
    ]);
  });

  it('cites the sentence that answers, not the first one on its line', async () => {
    const corpus = tempCorpus({ 'page.txt': PAGE.join('\n') });
    try {
      const engine = await createEngine({ corpusDir: corpus.dir, root: corpus.dir });
      if ('error' in engine) throw new Error(engine.error);
      const answer = ask(engine, 'How much did trade between Ruritania and Freedonia reach in 2023?');
      expect(answer.found).toBe(true);
      expect(answer.citations[0]).toMatchObject({
        file: 'page.txt',
        line: 20,
        text: 'Their trade reached $840 million in 2023.',
      });
    } finally {
      corpus.cleanup();
    }
  });
});
