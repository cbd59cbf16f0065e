import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { extractTrade } from '../../src/facts/trade.js';
import type { TradeFact } from '../../src/facts/types.js';

// Trade told in less usual shapes, in sentences written for these tests.

/** An article on Chile and Peru (named twice, so the article has that pair), then the lines given. */
const trade = (lines: string[], date: string | null = '2025-05-20'): TradeFact[] => {
  const intro = ['Chile and Peru are neighbours.', 'Peru and Chile met in Lima.'];
  const text = `${date ? ` date ${date} ` : ''}${[...intro, ...lines].join('\n')}`;
  return extractTrade(parseArticle(text, 'x.txt', '/x.txt', 0, 0), { date, inferred: false });
};
const brief = (f: TradeFact) => [f.measure, f.amountUsd ?? f.percent, f.period?.year ?? null];

describe('extractTrade on ranks and shares', () => {
  it('gives a rank its share even when the one it is of is "our"', () => {
    const facts = trade([
      '"Chile remains our largest trading partner, accounting for 23 percent of Peru\'s trade."',
    ]);
    expect(facts.filter((f) => f.measure === 'rank').map((f) => f.percent)).toEqual([23]);
  });

  it('reads a rank among suppliers or customers, with its share', () => {
    const facts = trade([
      "Chile ranks third among Peru's suppliers of goods, with a share of 8.5 % of Peruvian imports.",
    ]);
    expect(facts.map((f) => [f.measure, f.percent])).toEqual([['rank', 8.5]]);
    const customers = trade(["Peru now ranks sixth among Chile's customers outside South America."]);
    expect(customers.map((f) => f.measure)).toEqual(['rank']);
  });

  it('reads a share of exports written "pct"', () => {
    const facts = trade(["Chile accounted for 14.2 pct of Peru's exports last year."]);
    expect(facts.map(brief)).toEqual([['rank', 14.2, 2024]]);
  });
});

describe('extractTrade on falls and shares written in other words', () => {
  it('reads "slipped", "sank" and "had cut trade by" as negative growth', () => {
    const slipped = trade([
      'Bilateral commerce slipped 4.1% in the first quarter of 2025 to about 600 million dollars.',
    ]);
    expect(slipped.filter((f) => f.measure === 'growth').map((f) => f.percent)).toEqual([-4.1]);
    const cut = trade(['The quarrel over fees had cut cross-border trade by 18 percent.']);
    expect(cut.map((f) => [f.measure, f.percent])).toEqual([['growth', -18]]);
  });

  it('reads "up 3.5 pct" as growth', () => {
    const facts = trade([
      'Bilateral trade amounted to $2.1 billion in 2024, up 3.5 pct against the previous year.',
    ]);
    expect(facts.map(brief)).toEqual([
      ['volume', 2.1e9, 2024],
      ['growth', 3.5, 2024],
    ]);
  });
});

describe('extractTrade on targets and forecasts in other words', () => {
  it('reads "agreed to more than double trade to $X by 2029" as a target with its deadline', () => {
    const facts = trade([
      'Chile and Peru agreed to more than double their bilateral trade to $9 billion a year by 2029.',
    ]);
    expect(facts.map(brief)).toEqual([['target', 9e9, 2029]]);
  });

  it('reads "the $X target" and "our trade with Y" as the pair\'s target', () => {
    const facts = trade([
      '"Our trade with Peru lags, and the $4 billion target is within reach," the minister said.',
    ]);
    expect(facts.map((f) => [f.measure, f.amountUsd])).toEqual([['target', 4e9]]);
  });

  it('reads a forecast said "we expect the full-year figure to reach" as a target', () => {
    const facts = trade([
      'Bilateral trade between Chile and Peru reached $3.2 billion in January-June.',
      'We expect the full-year figure to reach about $6.5 billion.',
    ]);
    expect(facts.map((f) => [f.measure, f.amountUsd])).toEqual([
      ['volume', 3.2e9],
      ['target', 6.5e9],
    ]);
  });

  it('reads "a goal to increase the trade turnover to $X" with no country named as the pair\'s', () => {
    const facts = trade([
      'The leaders have set a goal to increase the trade turnover to $12 billion by 2030.',
    ]);
    expect(facts.map(brief)).toEqual([['target', 12e9, 2030]]);
  });
});

describe('extractTrade on flows of countries named in two words', () => {
  const twoWords = (line: string) => {
    const intro = ['Sri Lanka and the Maldives are neighbours.', 'The Maldives and Sri Lanka met in Male.'];
    const text = ` date 2025-05-20 ${[...intro, line].join('\n')}`;
    return extractTrade(parseArticle(text, 'x.txt', '/x.txt', 0, 0), { date: '2025-05-20', inferred: false });
  };

  it('reads "Sri Lanka\'s exports to the Maldives" and "Sri Lankan exports to the Maldives" with their seller', () => {
    const own = twoWords(
      "Sri Lanka's exports to the Maldives in 2024, mostly tea, amounted to USD 210 million.",
    );
    expect(own.map((f) => [f.measure, f.amountUsd, f.exporter, f.importer])).toEqual([
      ['exports', 210e6, 'Sri Lanka', 'Maldives'],
    ]);
    const adjective = twoWords(
      'Bilateral trade grew to $300 million in 2024, with Sri Lankan exports to the Maldives making up $250 million of it.',
    );
    expect(adjective.filter((f) => f.measure === 'exports').map((f) => [f.exporter, f.importer])).toEqual([
      ['Sri Lanka', 'Maldives'],
    ]);
  });
});

describe('extractTrade on figures written around the sentence', () => {
  it('reads "Last year, it was already $X" after a sentence about the pair\'s trade', () => {
    const facts = trade([
      'Trade between Chile and Peru should reach $5 billion by 2030.',
      'Last year, it was already $3.4 billion.',
    ]);
    expect(facts.map(brief)).toEqual([
      ['target', 5e9, 2030],
      ['volume', 3.4e9, 2024],
    ]);
  });

  it('reads "a 14-billion-dollar trade relationship" as a volume', () => {
    const facts = trade(['Chile and Peru have built a 14-billion-dollar trade relationship.']);
    expect(facts.map((f) => [f.measure, f.amountUsd])).toEqual([['volume', 14e9]]);
  });

  it('reads "Y imported 1,200 tonnes of Chilean copper, worth $X" as exports of the goods\' country', () => {
    const facts = trade([
      'Peru imported about 1,200 tonnes of Chilean copper last year, worth roughly $9 million.',
    ]);
    expect(facts.map((f) => [f.measure, f.amountUsd, f.exporter, f.importer])).toEqual([
      ['exports', 9e6, 'Chile', 'Peru'],
    ]);
  });
});

describe('extractTrade on several figures in one sentence', () => {
  it('gives each of three amounts the year written right after it', () => {
    const facts = trade([
      'Trade between Chile and Peru was $1.1 billion in 2021, $1.3 billion in 2022 and $1.6 billion in 2023.',
    ]);
    expect(facts.map(brief)).toEqual([
      ['volume', 1.1e9, 2021],
      ['volume', 1.3e9, 2022],
      ['volume', 1.6e9, 2023],
    ]);
  });

  it('reads a second rank after "and its", an export destination being the other way round', () => {
    const facts = trade([
      "Chile is Peru's largest trading partner and its second-largest export destination.",
    ]);
    expect(facts.map((f) => [f.measure, f.exporter, f.importer])).toEqual([
      ['rank', 'Chile', 'Peru'],
      ['rank', 'Peru', 'Chile'],
    ]);
  });
});
