import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { extractTrade } from '../../src/facts/trade.js';
import { summarizeTrade } from '../../src/facts/tradeSummary.js';
import type { TradeFact } from '../../src/facts/types.js';

// Sentences in the shapes real news articles use, written for these tests.

/** An article on Chile and Peru (named twice, so the article has that pair), then the lines given. */
const trade = (lines: string[], date: string | null = null): TradeFact[] => {
  const intro = ['Chile and Peru are neighbours.', 'Peru and Chile met in Lima.'];
  const text = `${date ? ` date ${date} ` : ''}${[...intro, ...lines].join('\n')}`;
  return extractTrade(parseArticle(text, 'x.txt', '/x.txt', 0, 0), { date, inferred: false });
};

const brief = (f: TradeFact) => [f.measure, f.modality, f.amountUsd ?? f.percent, f.period?.label ?? null];

describe('extractTrade on the shapes of real articles', () => {
  it('reads two years and two amounts in one sentence', () => {
    const facts = trade([
      'In 2021 trade between Chile and Peru reached $1.1 billion, and in 2022 $1.4 billion.',
    ]);
    expect(facts.map(brief)).toEqual([
      ['volume', 'reported', 1.1e9, '2021'],
      ['volume', 'reported', 1.4e9, '2022'],
    ]);
  });

  it('reads "$ 3 billion" in a sentence that names only "the countries"', () => {
    const facts = trade([
      'The weather was fine.',
      'Trade between the countries reached $ 3 billion in 2023.',
    ]);
    expect(facts.map((f) => [f.pair.join('–'), f.amountUsd, f.period?.label])).toEqual([
      ['Chile–Peru', 3e9, '2023'],
    ]);
  });

  it('reads a span of months as a period of its year, not as its last month', () => {
    const facts = trade([
      'Trade between Chile and Peru amounted to $410 million from January through July 2021.',
      'From January through June 2024, mutual trade reached $380 million.',
    ]);
    expect(facts.map((f) => [f.period?.label, f.period?.year, f.period?.span])).toEqual([
      ['January–July 2021', 2021, 'months'],
      ['January–June 2024', 2024, 'months'],
    ]);
  });

  it('gives "the same period" of another year the same months', () => {
    const facts = trade([
      'Mutual trade reached $90 million in January-March 2024, against $70 million in the same period of 2023.',
    ]);
    expect(facts.map((f) => [f.amountUsd, f.period?.label])).toEqual([
      [9e7, 'January–March 2024'],
      [7e7, 'January–March 2023'],
    ]);
  });

  it('does not take the year a figure is compared with for its period, and carries the period over', () => {
    const facts = trade([
      'Chile and Peru reviewed their trade in the first quarter of 2024.',
      'The mutual trade amounted to $215 million, up 12% from the same period of 2023.',
    ]);
    expect(facts.map(brief)).toEqual([
      ['volume', 'reported', 2.15e8, 'first quarter of 2024'],
      ['growth', 'reported', 12, 'first quarter of 2024'],
    ]);
  });

  it('reads "increasing by 40% to reach $500 million" as growth and volume, not a target', () => {
    const facts = trade([
      'In 2023 trade between Chile and Peru rose, increasing by 40% to reach $500 million.',
    ]);
    expect(facts.map(brief)).toEqual([
      ['volume', 'reported', 5e8, '2023'],
      ['growth', 'reported', 40, '2023'],
    ]);
  });

  it('tells a forecast and a goal from reported trade', () => {
    const facts = trade([
      'Trade between Chile and Peru is expected to amount to $12 billion in 2026.',
      'The two countries aim to bring mutual trade to $20 billion by 2030.',
      'The sides voiced confidence in reaching a trade volume of $15 billion.',
      'Chile and Peru trade will reach $9 billion by the end of 2025.',
    ]);
    // A forecast is a figure still to come, read as a target is, and said to be a forecast.
    expect(facts.map(brief)).toEqual([
      ['target', 'expected', 1.2e10, 'in 2026'],
      ['target', 'target', 2e10, 'by 2030'],
      ['target', 'target', 1.5e10, null],
      ['target', 'expected', 9e9, 'by 2025'],
    ]);
    expect(facts[0]?.statement).toBe('Chile–Peru trade forecast: $12 billion in 2026');
  });

  it('keeps a forecast for a year apart from the figure reported for it', () => {
    const facts = trade([
      'Trade between Chile and Peru reached $11 billion in 2026.',
      'Trade between Chile and Peru is expected to amount to $12 billion in 2026.',
    ]);
    expect(summarizeTrade(facts).map((l) => [l.modality, l.disputed, l.statement])).toEqual([
      ['reported', false, 'Chile–Peru trade, 2026: $11 billion'],
      ['expected', false, 'Chile–Peru trade forecast: $12 billion in 2026'],
    ]);
  });

  it('does not read the size of a change as the volume', () => {
    const facts = trade([
      'Trade between Chile and Peru increased by $170.2 million in 2021.',
      'It grew by 16,6%, or $87,133 million.',
    ]);
    expect(facts.filter((f) => f.measure === 'volume')).toEqual([]);
  });

  it('reads a decimal comma', () => {
    const facts = trade(['Trade between Chile and Peru amounted to $612,87 million in 2023.']);
    expect(facts.map((f) => f.amountUsd)).toEqual([612_870_000]);
  });

  it('reads capitals as the countries of the pair', () => {
    const facts = trade([
      'The weather was fine.',
      'Trade between Santiago and Lima grew from $206 million in 2009 to $273 million in 2010.',
    ]);
    expect(facts.map((f) => [f.pair.join('–'), f.amountUsd, f.period?.label])).toEqual([
      ['Chile–Peru', 2.06e8, '2009'],
      ['Chile–Peru', 2.73e8, '2010'],
    ]);
  });
});

describe('extractTrade on ranks and shares', () => {
  it.each([
    [
      'Chile is Peru’s “leading trading partner,” the minister said.',
      "Chile is Peru's leading trading partner",
    ],
    ['China remains the leading trading partner of Peru.', "China is Peru's leading trading partner"],
    ['Chile ranks first among Peru’s trading partners.', "Chile ranks first among Peru's trading partners"],
    [
      'Chile ranked second among the trading partners of Peru.',
      "Chile ranks second among Peru's trading partners",
    ],
    [
      'Chile is one of the five major trade partners of Peru.',
      "Chile is among Peru's five major trading partners",
    ],
    [
      'China is Peru’s second largest international trade partner.',
      "China is Peru's second largest trading partner",
    ],
  ])('reads the rank in "%s"', (sentence, statement) => {
    expect(trade([sentence]).map((f) => f.statement)).toEqual([statement]);
  });

  it.each([
    'Chile ranked second in Peru’s foreign trade, with a share of 18.1 percent.',
    'Chile’s share in Peru’s total trade was 18.1 percent.',
    'Chile accounted for 18.1 percent of Peru’s trade.',
  ])('reads the share in "%s"', (sentence) => {
    const share = trade([sentence]).find((f) => f.percent !== null);
    expect(share).toMatchObject({ measure: 'rank', percent: 18.1, exporter: 'Chile', importer: 'Peru' });
  });
});

describe('extractTrade on planned exports', () => {
  it('reads a stated readiness to increase exports as planned exports of that country', () => {
    const facts = trade([
      'Chile’s readiness to increase exports, including the supply of copper and fruit, was noted.',
    ]);
    expect(facts.map((f) => [f.measure, f.modality, f.exporter, f.importer, f.goods])).toEqual([
      ['exports', 'target', 'Chile', 'Peru', ['copper', 'fruit']],
    ]);
    expect(facts[0]?.statement).toBe('Planned exports from Chile to Peru: copper, fruit');
  });
});

describe('extractTrade on figures that lean on the sentence before', () => {
  it('reads imports after exports as the other way round, in the period last given', () => {
    const facts = trade([
      'Trade between Chile and Peru amounted to $90 million from January through March 2024.',
      '',
      'Chile’s exports to Peru in the reporting period made up $50 million, while imports were $40 million.',
    ]);
    expect(
      facts
        .filter((f) => f.measure === 'exports')
        .map((f) => [f.exporter, f.importer, f.amountUsd, f.period?.label]),
    ).toEqual([
      ['Chile', 'Peru', 5e7, 'January–March 2024'],
      ['Peru', 'Chile', 4e7, 'January–March 2024'],
    ]);
  });

  it('reads growth written after its figure, a target "of" an amount, and a half-year written 1H2018', () => {
    const facts = trade([
      'Trade between Chile and Peru reached $313 million in 2017, a 75.6% increase.',
      'The two countries have set a target of 1 billion USD by 2020.',
      'In 1H2018, Chile entered the list of top five trade partners of Peru. The trade between the two countries amounted to $940 million.',
    ]);
    expect(facts.map(brief)).toEqual([
      ['volume', 'reported', 3.13e8, '2017'],
      ['growth', 'reported', 75.6, '2017'],
      ['target', 'target', 1e9, 'by 2020'],
      // "Chile entered the list of top five trade partners of Peru": a rank, of that half-year.
      ['rank', 'reported', null, 'first half of 2018'],
      ['volume', 'reported', 9.4e8, 'first half of 2018'],
    ]);
  });

  it('reads "the task of bringing" trade to an amount as a target, and "the two governments" as the pair', () => {
    const facts = trade([
      'The weather was fine.',
      '',
      '"We have set ourselves the task of bringing mutual trade to $4 billion by 2029," the minister said.',
      '',
      'Trade between Chile and Peru rose 5% to $2 billion last year.',
      '',
      'He added that the two governments aim to bring trade to $6 billion by 2031.',
    ]);
    expect(
      facts
        .filter((f) => f.measure === 'target')
        .map((f) => [f.pair.join('–'), f.amountUsd, f.period?.label]),
    ).toEqual([
      ['Chile–Peru', 4e9, 'by 2029'],
      ['Chile–Peru', 6e9, 'by 2031'],
    ]);
  });
});
