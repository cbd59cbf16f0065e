import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { extractTrade } from '../../src/facts/trade.js';
import { summarizeTrade } from '../../src/facts/tradeSummary.js';
import type { TradeFact } from '../../src/facts/types.js';

function article(lines: string[], date: string | null = null) {
  const text = `${date ? ` date ${date} ` : ''}${lines.join('\n')}`;
  return parseArticle(text, 'x.txt', '/x.txt', 0, 0);
}

const trade = (lines: string[], date: string | null = null): TradeFact[] =>
  extractTrade(article(lines, date), { date, inferred: false });

const brief = (f: TradeFact) => ({
  measure: f.measure,
  pair: f.pair.join('–'),
  amountUsd: f.amountUsd,
  percent: f.percent,
  period: f.period?.label ?? null,
});

describe('extractTrade', () => {
  it('reads the volume, growth and target with their period and pair', () => {
    const facts = trade(
      [
        'Trade between Georgia and Armenia reached $1.5 billion in 2023, up 9 percent.',
        'Georgia and Armenia intend to bring trade turnover to $3bn.',
      ],
      '2024-03-01',
    ).map(brief);
    expect(facts).toEqual([
      { measure: 'volume', pair: 'Armenia–Georgia', amountUsd: 1.5e9, percent: null, period: '2023' },
      { measure: 'growth', pair: 'Armenia–Georgia', amountUsd: null, percent: 9, period: '2023' },
      { measure: 'target', pair: 'Armenia–Georgia', amountUsd: 3e9, percent: null, period: null },
    ]);
  });

  it('resolves "last year" against the article date, and says when it cannot', () => {
    const line = 'Mongolia and Japan said bilateral trade exceeded 2.3 billion US dollars last year.';
    expect(trade([line], '2025-05-01').map((f) => [f.period?.label, f.qualifier])).toEqual([
      ['2024', 'over'],
    ]);
    expect(trade([line]).map((f) => f.period?.label)).toEqual(['last year, article undated']);
  });

  it('reads a fall as negative growth and a half-year period', () => {
    const facts = trade([
      'Trade between Turkey and Turkmenistan fell 4.5% to $640mn in the first half of 2024.',
    ]);
    expect(facts.map(brief)).toEqual([
      {
        measure: 'volume',
        pair: 'Turkmenistan–Türkiye',
        amountUsd: 6.4e8,
        percent: null,
        period: 'first half of 2024',
      },
      {
        measure: 'growth',
        pair: 'Turkmenistan–Türkiye',
        amountUsd: null,
        percent: -4.5,
        period: 'first half of 2024',
      },
    ]);
  });

  it('reads rank and exports with their direction', () => {
    const facts = trade([
      'Kazakhstan is one of Kyrgyzstan’s three largest trading partners.',
      'Kazakhstan mainly exports wheat, flour and coal to Kyrgyzstan, while Kyrgyzstan sends dairy products to Kazakhstan.',
    ]);
    expect(facts.map((f) => [f.measure, f.exporter, f.importer, f.rank, f.goods])).toEqual([
      ['rank', 'Kazakhstan', 'Kyrgyzstan', 'three largest', []],
      ['exports', 'Kazakhstan', 'Kyrgyzstan', null, ['wheat', 'flour', 'coal']],
      ['exports', 'Kyrgyzstan', 'Kazakhstan', null, ['dairy products']],
    ]);
  });

  it.each([
    'Kazakhstan will train 100 Tajik specialists in trade schools.',
    'The two countries marked the 30th anniversary of trade relations.',
    'Trade ministers of Azerbaijan and Georgia signed 27 documents.',
    'Kazakhstan transferred IT products worth $2.8mn to Tajikistan.',
  ])('makes no trade figure of "%s"', (line) => {
    expect(trade([line]).filter((f) => f.amountUsd !== null || f.percent !== null)).toEqual([]);
  });

  it('keeps another pair’s figures under that pair', () => {
    const text = readFileSync(new URL('../fixtures/pairs/uzbek-tajik.txt', import.meta.url), 'utf8');
    const a = parseArticle(text, 'uzbek-tajik.txt', '/u.txt', 0, 0);
    const facts = extractTrade(a, { date: a.meta.date, inferred: false });
    expect(new Set(facts.map((f) => f.pair.join('–')))).toEqual(new Set(['Tajikistan–Uzbekistan']));
    expect(facts.map(brief)).toEqual(
      expect.arrayContaining([
        { measure: 'volume', pair: 'Tajikistan–Uzbekistan', amountUsd: 7.4e8, percent: null, period: '2023' },
        { measure: 'growth', pair: 'Tajikistan–Uzbekistan', amountUsd: null, percent: 12.4, period: '2023' },
        {
          measure: 'target',
          pair: 'Tajikistan–Uzbekistan',
          amountUsd: 2.5e9,
          percent: null,
          period: 'by 2030',
        },
      ]),
    );
  });
});

describe('summarizeTrade', () => {
  const f = (line: string, date: string | null) => trade([line], date);

  it('merges one figure from several articles, and keeps disagreeing values apart', () => {
    const facts = [
      ...f('Trade between Georgia and Armenia reached $1.5 billion in 2023.', null),
      ...f('Georgia–Armenia trade was 1.5 billion US dollars in 2023.', null),
      ...f('Trade between Georgia and Armenia totalled $1.4 billion in 2023.', null),
    ];
    const lines = summarizeTrade(facts).filter((l) => l.measure === 'volume');
    expect(lines.map((l) => [l.amountUsd, l.sources.length, l.disputed])).toEqual([
      [1.5e9, 2, true],
      [1.4e9, 1, true],
    ]);
    expect(lines[0]?.statement).toMatch(/sources disagree/);
  });

  it('counts an undated figure equal to a dated one as corroboration', () => {
    const facts = [
      ...f('Trade between Georgia and Armenia reached $1.5 billion in 2023.', null),
      ...f('Georgia and Armenia trade reached $1.5 billion last year.', null),
    ];
    const [line] = summarizeTrade(facts);
    expect(line).toMatchObject({ year: 2023, amountUsd: 1.5e9 });
    expect(line?.undatedSources).toHaveLength(1);
  });
});

describe('extractTrade on text it was not written for', () => {
  it('gives a national total no pair, and an amount governed by another noun no trade figure', () => {
    const speech = [
      'Our relations with Mexico and the United States are good.',
      'Mexico and the United States share a border.',
      'In order to guard against fluctuations in trade, the Secretary of the Treasury holds $5 million.',
      'The foreign trade of the country for this year will exceed $4 billion.',
    ];
    expect(trade(speech, '1893-12-04').filter((f) => f.amountUsd !== null)).toEqual([]);
  });

  it('reads old years and puts each amount in its own period', () => {
    const facts = trade([
      'The volume of trade between the United States and Cuba, which in 1889 amounted to about $64 million, had in 1893 reached about $103 million.',
    ]);
    expect(facts.map((f) => [f.amountUsd, f.period?.label])).toEqual([
      [6.4e7, '1889'],
      [1.03e8, '1893'],
    ]);
  });

  it('needs a rank to be stated of one of the pair', () => {
    const facts = trade([
      'Kazakhstan and Tajikistan will work through the Uruguay round of trade talks with major trading partners.',
    ]);
    expect(facts.filter((f) => f.measure === 'rank')).toEqual([]);
  });
});

describe('extractTrade on shares, ranks and parts of a year', () => {
  it('reads a hyphenated pair, a fall and the first nine months of a year', () => {
    const facts = trade([
      'Canada-Mexico merchandise trade fell 4.2% to US$29.8 billion in the first nine months of 2024.',
    ]);
    expect(
      facts.map((f) => [f.measure, f.pair.join('–'), f.amountUsd ?? f.percent, f.period?.label]),
    ).toEqual([
      ['volume', 'Canada–Mexico', 2.98e10, 'first nine months of 2024'],
      ['growth', 'Canada–Mexico', -4.2, 'first nine months of 2024'],
    ]);
  });

  it('reads a share of a partner’s trade and a rank by number', () => {
    const facts = trade([
      "Pakistan accounts for only 1.1% of Tajikistan's total foreign trade and ranks 19th among its trading partners.",
    ]);
    expect(facts.map((f) => f.statement)).toEqual([
      "Pakistan accounts for 1.1% of Tajikistan's trade",
      "Pakistan ranks 19th among Tajikistan's trading partners",
    ]);
  });

  it('leaves a country the figure is compared with out of the pair', () => {
    const facts = trade(
      ['Poland and Ukraine trade a lot.', 'Poland is Ukraine’s second-largest trading partner after China.'],
      '2025-01-01',
    );
    expect(facts.map((f) => f.pair.join('–'))).toEqual(['Poland–Ukraine']);
  });

  it('reads the figure of an interview answer from the question before it', () => {
    const facts = trade([
      'Poland and Ukraine are neighbours.',
      'Q: How large is trade between Ukraine and Poland today?',
      'A: In 2023 it reached 12.9 billion dollars.',
    ]);
    expect(facts.map((f) => [f.measure, f.pair.join('–'), f.amountUsd, f.period?.label])).toEqual([
      ['volume', 'Poland–Ukraine', 1.29e10, '2023'],
    ]);
  });
});
