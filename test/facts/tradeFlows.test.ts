import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { extractTrade } from '../../src/facts/trade.js';
import type { TradeFact } from '../../src/facts/types.js';

// Sentences in the shapes of real news articles, written for these tests (other names and figures).

/** An article on Ghana and Togo (each named twice, so the article has that pair), then the lines given. */
const trade = (lines: string[], date: string | null = null): TradeFact[] => {
  const intro = ['Ghana and Togo are neighbours.', 'Togo and Ghana met in Accra.'];
  const text = `${date ? ` date ${date} ` : ''}${[...intro, ...lines].join('\n')}`;
  return extractTrade(parseArticle(text, 'x.txt', '/x.txt', 0, 0), { date, inferred: false });
};

const flows = (facts: TradeFact[]) =>
  facts.map((f) => [f.measure, f.amountUsd ?? f.percent, f.exporter, f.importer]);

describe('extractTrade on flows named after their amount', () => {
  it('reads "$X in Ghanaian exports to Togo" as exports, each way', () => {
    const facts = trade([
      'Trade between the two countries stands at $4.4 billion, with $1.6bn in Ghanaian exports to Togo and $2.8bn in Togolese exports to Ghana.',
    ]);
    expect(flows(facts)).toEqual([
      ['volume', 4.4e9, null, null],
      ['exports', 1.6e9, 'Ghana', 'Togo'],
      ['exports', 2.8e9, 'Togo', 'Ghana'],
    ]);
  });

  it('reads "$X in exports from" and "$Y in imports from" after a figure referred back to', () => {
    const facts = trade([
      'Bilateral trade between Ghana and Togo reached $5 billion last year.',
      'This figure includes $2 billion in exports from Togo and $3 billion in imports from Ghana.',
    ]);
    expect(flows(facts.slice(1))).toEqual([
      ['exports', 2e9, 'Togo', 'Ghana'],
      ['exports', 3e9, 'Ghana', 'Togo'],
    ]);
  });

  it('reads "worth of imports from the neighbouring country" as the other way round, and no growth of the trade', () => {
    const facts = trade([
      'In 2021, the two-way trade value exceeded 2.5 billion USD.',
      'The figure included 1.4 billion USD worth of Togolese exports to Ghana and 1.1 billion USD worth of imports from the neighbouring country, both rising by over 8 percent.',
    ]);
    expect(flows(facts.slice(1))).toEqual([
      ['exports', 1.4e9, 'Togo', 'Ghana'],
      ['exports', 1.1e9, 'Ghana', 'Togo'],
    ]);
  });
});
