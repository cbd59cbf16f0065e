import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { extractTrade } from '../../src/facts/trade.js';
import type { TradeFact } from '../../src/facts/types.js';

// Sentences written for these tests, in shapes news uses; a pair no eval set is about.

/** An article on Norway and Finland (named twice, so the article has that pair), then the lines given. */
const trade = (lines: string[], date: string | null = '2023-10-02'): TradeFact[] => {
  const intro = ['Norway and Finland are neighbours.', 'Finland and Norway met in Tromso.'];
  const text = `${date ? ` date ${date} ` : ''}${[...intro, ...lines].join('\n')}`;
  return extractTrade(parseArticle(text, 'x.txt', '/x.txt', 0, 0), { date, inferred: false });
};

const brief = (f: TradeFact) => [f.measure, f.amountUsd ?? f.amountText ?? f.percent, f.period?.year ?? null];

describe('extractTrade on forecasts, targets and the figures they are compared with', () => {
  it('reads a forecast for the year as a forecast, and the figure it rises from as reported', () => {
    const facts = trade([
      'Trade between the two countries is expected to reach $7 billion this year, up from $6.2 billion in 2022.',
    ]);
    expect(facts.map((f) => [...brief(f), f.modality])).toEqual([
      ['target', 7e9, 2023, 'expected'],
      ['volume', 6.2e9, 2022, 'reported'],
    ]);
    expect(facts[0]?.statement).toBe('Finland–Norway trade forecast: $7 billion for 2023');
  });

  it('reads a goal stated after its amount, in another currency, and said as "our goal is"', () => {
    const facts = trade([
      'Bilateral trade was $3 billion last year.',
      'They hope to reach the goal of $5 billion in annual trade that was set for 2026.',
      'The ministers aim to lift bilateral trade to 40 billion euros by 2029.',
      'Bilateral trade grew in 2022.',
      '"Our goal is $9 billion by 2031," the minister said.',
    ]);
    expect(facts.filter((f) => f.measure === 'target').map(brief)).toEqual([
      ['target', 5e9, 2026],
      ['target', '40 billion euros', 2029],
      ['target', 9e9, 2031],
    ]);
  });
});

describe('extractTrade on figures in other currencies and their dollar values', () => {
  it('reads a figure in another currency as trade, and its dollar value in place of it', () => {
    const facts = trade([
      'Bilateral trade in January-August 2023 stood at RM14.2 billion, up 3.1 per cent year-on-year.',
      'Total trade reached €9.4 billion, or about US$10.1 billion, in 2022.',
      'Trade in goods between the two countries came to 8 billion euros in 2021, which is about 8.6 billion dollars.',
    ]);
    expect(facts.map(brief)).toEqual([
      ['volume', 'RM14.2 billion', 2023],
      ['growth', 3.1, 2023],
      ['volume', 10.1e9, 2022],
      ['volume', 8.6e9, 2021],
    ]);
    expect(facts[0]?.statement).toBe('Finland–Norway trade, January–August 2023: RM14.2 billion');
  });
});

describe('extractTrade on growth', () => {
  it('gives growth the period of its own volume, not of the base it is counted from', () => {
    const facts = trade([
      'Trade between Norway and Finland was $2.1 billion in 2020 and $2.5 billion in 2021, and reached $1.4 billion in the first half of 2022, up 4.4% year on year.',
      'Trade between Norway and Finland rose to $3.3 billion in 2019, up 7 percent from $3.1 billion in 2018.',
    ]);
    expect(facts.filter((f) => f.measure === 'growth').map(brief)).toEqual([
      ['growth', 4.4, 2022],
      ['growth', 7, 2019],
    ]);
  });

  it('reads "X% more than" as growth, and a leading time phrase before "it grew"', () => {
    const facts = trade([
      'Trade between Norway and Finland reached $1.7 billion in 2022, 9.5% more than in 2021.',
      'Bilateral trade was strong.',
      'In the first quarter of this year it grew by almost 12 percent.',
    ]);
    expect(facts.filter((f) => f.measure === 'growth').map(brief)).toEqual([
      ['growth', 9.5, 2022],
      ['growth', 12, 2023],
    ]);
  });

  it('does not read "the number of" trips as the trade figure', () => {
    const facts = trade([
      'Bilateral trade rose.',
      'After the visa deal, the number of mutual trips increased by 25 percent.',
    ]);
    expect(facts).toEqual([]);
  });
});

describe('extractTrade on exports', () => {
  it('reads exports told with a verb, and the goods of a country bought', () => {
    const facts = trade([
      'Norway sold goods worth USD 640 million to Finland last year, mostly fish and oil.',
      'Finland bought Norwegian goods worth about $700 million in 2021, while it sold less.',
    ]);
    expect(facts.map((f) => [f.exporter, f.importer, f.amountUsd, f.period?.year ?? null])).toEqual([
      ['Norway', 'Finland', 6.4e8, 2022],
      ['Norway', 'Finland', 7e8, 2021],
    ]);
  });

  it('reads the exports set against others, by the country of the goods', () => {
    const facts = trade([
      'Finnish exports to Norway reached 5.1 billion euros, against 4.3 billion euros of Norwegian goods sold in Finland.',
    ]);
    expect(facts.map((f) => [f.exporter, f.importer, f.amountText])).toEqual([
      ['Finland', 'Norway', '5.1 billion euros'],
      ['Norway', 'Finland', '4.3 billion euros'],
    ]);
  });

  it('keeps the change of exports on the way to their amount', () => {
    const [f] = trade([
      "Norway's exports to Finland rose 6.2 percent to Sh 2.1 billion in the first nine months of the year.",
    ]);
    expect(f).toMatchObject({ measure: 'exports', exporter: 'Norway', percent: 6.2, period: { year: 2023 } });
  });

  it('does not read a part "of which" as a figure of its own, nor project values as trade', () => {
    const facts = trade([
      'Exports of Norwegian products to Finland amounted to USD 3.4 billion in 2022, of which seafood accounted for 1.2 billion dollars.',
      'The trade minister discussed joint projects worth USD 300 mln with Finland.',
    ]);
    expect(facts.map((f) => f.amountUsd)).toEqual([3.4e9]);
  });
});

describe('extractTrade on ranks', () => {
  it.each([
    [
      'The Kingdom of Norway ranks third among the foreign trade partners of Finland.',
      "Norway ranks third among Finland's trading partners",
    ],
    ["Norway is Finland's first trading partner.", "Norway is Finland's first trading partner"],
    [
      "Norway has overtaken Sweden as Finland's largest trading partner.",
      "Norway is Finland's largest trading partner",
    ],
    [
      "Norway ranks as Finland's second largest export market in the Nordic region.",
      "Norway is Finland's second largest export market in the Nordic region",
    ],
  ])('reads the rank in "%s"', (sentence, statement) => {
    expect(trade([sentence]).map((f) => f.statement)).toEqual([statement]);
  });

  it('puts a share given with the rank on the rank, and the sentence’s year', () => {
    const facts = trade([
      "Norway ranks second among the trading partners of Finland, accounting for 11.4 percent of the country's foreign trade in 2022.",
    ]);
    expect(facts.map((f) => [f.measure, f.percent, f.period?.year, f.statement])).toEqual([
      [
        'rank',
        11.4,
        2022,
        "Norway ranks second among Finland's trading partners, with 11.4% of Finland's trade",
      ],
    ]);
  });
});
