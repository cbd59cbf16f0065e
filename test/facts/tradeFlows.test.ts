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

const brief = (f: TradeFact) => [f.measure, f.modality, f.amountUsd ?? f.percent, f.period?.label ?? null];

describe('extractTrade on exports of the country a destination is named for', () => {
  it('reads "export destination for Ghana with the exports … from $X to $Y" as Ghana’s exports, and keeps the growth before them', () => {
    const facts = trade([
      'Togo is now Ghana’s biggest trade partner in the region.',
      'It has also become the third largest export destination for Ghana with the exports registering a growth of over 40 per cent from $2.5 billion in 2019-20 to $ 3.5 billion in 2020-21.',
    ]);
    expect(flows(facts.filter((f) => f.measure !== 'rank'))).toEqual([
      ['exports', 2.5e9, 'Ghana', 'Togo'],
      ['exports', 3.5e9, 'Ghana', 'Togo'],
      ['growth', 40, null, null],
    ]);
  });
});

describe('extractTrade on goals and results said without a modal', () => {
  it('reads a raise named as an act ("discussed increasing trade to $X") as a target', () => {
    const facts = trade([
      'The ministers discussed increasing trade turnover between Ghana and Togo to $6 billion.',
      'They voiced optimism about lifting the bilateral trade to USD 9 billion well ahead of the target year 2032.',
    ]);
    expect(facts.map(brief)).toEqual([
      ['target', 'target', 6e9, null],
      ['target', 'target', 9e9, 'by 2032'],
    ]);
  });

  it('keeps a raise that happened ("trade increasing to $X") a report', () => {
    const facts = trade(['Trade between Ghana and Togo kept increasing to $3 billion in 2022.']);
    expect(facts.map(brief)).toEqual([['volume', 'reported', 3e9, '2022']]);
  });

  it('reads "has more than tripled to reach $X" as the volume reached', () => {
    const facts = trade([
      'He said trade between Ghana and Togo has “more than tripled” to reach $7 billion.',
    ]);
    expect(facts.map(brief)).toEqual([['volume', 'reported', 7e9, null]]);
  });

  it('reads "the two leaders aim for $X" in the paragraph after a trade figure as the target', () => {
    const facts = trade([
      'Bilateral trade stood at $4.2 billion last year.',
      '',
      'Speaking in Lome, the president said the two leaders aim for $ 8 billion by 2030.',
    ]);
    expect(facts.map(brief).at(-1)).toEqual(['target', 'target', 8e9, 'by 2030']);
  });

  it('reads "increase this amount to $X" right after a figure as its target', () => {
    const facts = trade([
      'Trade between Ghana and Togo was $2 billion in 2023. The goal is to increase this amount to $5 billion by 2028.',
    ]);
    expect(facts.map(brief)).toEqual([
      ['volume', 'reported', 2e9, '2023'],
      ['target', 'target', 5e9, 'by 2028'],
    ]);
  });
});

describe('extractTrade on amounts with their equivalent in a parenthesis', () => {
  it('reads one figure, in dollars, whichever comes first', () => {
    const facts = trade([
      'Bilateral trade was worth US$2.3bil (RM10.1bil) in 2019.',
      'Bilateral trade reached 140 million euros ($152 million) in 2020.',
      'Bilateral trade reached 90 million euros (98 million francs) in 2021.',
    ]);
    expect(facts.map((f) => [f.amountUsd, f.amountText, f.period?.label])).toEqual([
      [2.3e9, 'US$2.3bil', '2019'],
      [152e6, '$152 million', '2020'],
      [null, '90 million euros', '2021'],
    ]);
  });

  it('names the owner of a hyphenated rank ("Ghana’s 9th-largest trading partner")', () => {
    const facts = trade(['Bilateral trade grew, but Togo is only Ghana’s 9th-largest trading partner.']);
    expect(facts.filter((f) => f.measure === 'rank').map((f) => f.statement)).toEqual([
      "Togo is Ghana's 9th-largest trading partner",
    ]);
  });
});

describe('extractTrade on ranks said in other words', () => {
  const ranks = (lines: string[]) =>
    trade(lines)
      .filter((f) => f.measure === 'rank')
      .map((f) => [f.statement, f.period?.label ?? null]);

  it('reads "most important trade partner" and "entered the top five among the main trading partners of"', () => {
    expect(
      ranks([
        'Togo is now Ghana’s most important trade partner in West Africa.',
        'Togo entered the top five among the main trading partners of Ghana in the first half of 2023.',
      ]),
    ).toEqual([
      ["Togo is Ghana's most important trading partner in West Africa", null],
      ["Togo is among Ghana's top five trading partners", 'first half of 2023'],
    ]);
  });

  it('reads "it has also become the third largest export destination for Ghana" as the other country’s rank', () => {
    expect(ranks(['It has also become the third largest export destination for Ghana.'])).toEqual([
      ["Togo is Ghana's third largest export destination", null],
    ]);
  });
});

describe('extractTrade on the pair of a sentence that names neither country', () => {
  it('reads "in both directions" as bilateral, and an opening "The commodity turnover" as the pair’s', () => {
    const facts = trade([
      'The weather was fine.',
      'The minister praised investment in both directions and trade exchanges, which exceeded 6 billion euros in 2021.',
      'The weather was fine.',
      'The commodity turnover in 2020 made USD 3.4 bln and rose by 12.5% against 2019.',
    ]);
    expect(facts.map((f) => [f.pair.join('–'), ...brief(f)])).toEqual([
      ['Ghana–Togo', 'volume', 'reported', null, '2021'],
      ['Ghana–Togo', 'volume', 'reported', 3.4e9, '2020'],
      ['Ghana–Togo', 'growth', 'reported', 12.5, '2020'],
    ]);
  });

  it('keeps a national total ("The foreign trade turnover") without a pair', () => {
    const facts = trade(['The weather was fine.', 'The foreign trade turnover in 2020 made USD 90 bln.']);
    expect(facts).toEqual([]);
  });
});
