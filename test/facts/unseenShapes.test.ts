import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { datesIn } from '../../src/facts/dates.js';
import { countryOf } from '../../src/facts/geo.js';
import { roleMentions } from '../../src/facts/people.js';
import { extractTrade } from '../../src/facts/trade.js';
import type { TradeFact } from '../../src/facts/types.js';

// Sentences written for these tests, in shapes seen on articles nobody tuned for; pairs no eval set is about.

const trade = (lines: string[]): TradeFact[] => {
  const intro = ['Norway and Finland are neighbours.', 'Finland and Norway met in Tromso.'];
  const text = ` date 2023-10-02 ${[...intro, ...lines].join('\n')}`;
  return extractTrade(parseArticle(text, 'x.txt', '/x.txt', 0, 0), { date: '2023-10-02', inferred: false });
};
const brief = (f: TradeFact) => [f.measure, f.exporter, f.importer, f.percent];

describe('extractTrade on ranks and shares in other words', () => {
  it('reads a share said with "roughly" after a rank, each in the order written', () => {
    const facts = trade([
      "Norway ranks third among Finland's trading partners, after Sweden and Germany, while Finland accounts for roughly 4.2 percent of Norway's total trade.",
    ]);
    expect(facts.map(brief)).toEqual([
      ['rank', 'Norway', 'Finland', null],
      ['rank', 'Finland', 'Norway', 4.2],
    ]);
  });

  it('reads the share of the country just ranked, "and accounts for", as part of its rank', () => {
    const facts = trade([
      'The minister said Norway ranks fourth among the foreign trade partners of the Republic of Finland and accounts for 7.1 percent of Finland’s total trade.',
    ]);
    expect(facts.map(brief)).toEqual([['rank', 'Norway', 'Finland', 7.1]]);
  });

  it('reads a rank among "the Netherlands\'" partners with its share, and a source of imports', () => {
    const facts = trade([
      "Norway ranks sixth among the Netherlands' trading partners, with a 3.4 percent share of its total trade.",
      "Norway is Finland's second largest source of imports.",
    ]);
    expect(facts.map((f) => [f.statement, f.percent])).toEqual([
      ["Norway ranks sixth among Netherlands's trading partners, with 3.4% of Netherlands's trade", 3.4],
      ["Norway is Finland's second largest source of imports", null],
    ]);
  });

  it('does not read a growth figure after "with a" as a share', () => {
    expect(
      trade(['Norway ranks second among its trading partners with a 4 percent increase.']).map(
        (f) => f.percent,
      ),
    ).not.toContain(4);
  });
});

describe('extractTrade on a change of exports given without its amount', () => {
  it('reads "exports to Y rose by N percent" as the change of that direction', () => {
    const facts = trade([
      'Finnish exports to Norway rose by 8.5 percent in 2022.',
      'Exports from Norway to Finland fell 2 percent.',
    ]);
    expect(facts.map((f) => [...brief(f), f.period?.year ?? null])).toEqual([
      ['exports', 'Finland', 'Norway', 8.5, 2022],
      ['exports', 'Norway', 'Finland', -2, 2022],
    ]);
    expect(facts[0]?.statement).toBe('Exports from Finland to Norway: +8.5% (2022)');
  });

  it('reads the change on the way to an amount once, with the amount', () => {
    const facts = trade(['Finnish exports to Norway rose 5 percent to $2 billion in 2022.']);
    expect(facts.map((f) => [f.measure, f.amountUsd, f.percent])).toEqual([['exports', 2e9, 5]]);
  });
});

describe('countryOf on adjectives and short names news uses', () => {
  it.each([
    ['Philippine', 'Philippines'],
    ['Korean', 'South Korea'],
    ['North Korean', 'North Korea'],
    ['Djiboutian', 'Djibouti'],
  ])('reads "%s" as %s', (word, country) => {
    expect(countryOf(word)).toBe(country);
  });
});

describe('roleMentions on bylines and credit lines', () => {
  it('reads the writer of a byline and every name of a credit line, not the places they file from', () => {
    expect(roleMentions('By Astrid Lindqvist | March 2, 2024').map((m) => [m.name, m.title])).toEqual([
      ['Astrid Lindqvist', 'writer'],
    ]);
    expect(
      roleMentions('(Reporting by Jonas Berg in Oslo and Mikko Salo in Turku; Editing by Ruth Gale)').map(
        (m) => [m.name, m.title],
      ),
    ).toEqual([
      ['Jonas Berg', 'writer'],
      ['Mikko Salo', 'writer'],
      ['Ruth Gale', 'editor'],
    ]);
  });

  it('reads no writer from "By 2030" or a sentence that only contains "by"', () => {
    expect(roleMentions('By 2030 the two countries aim to double trade.')).toEqual([]);
    expect(roleMentions('The plan was backed by Astrid Lindqvist.').map((m) => m.title)).not.toContain(
      'writer',
    );
  });
});

describe('datesIn on parts of a year and years with a qualifier', () => {
  const dates = (text: string) =>
    datesIn(text, '2021-08-20').map((d) => [d.iso, d.endIso ?? null] as [string | null, string | null]);

  it('reads "the first seven months", "the second half" and "the third quarter" as parts of the article\'s year', () => {
    expect(dates('Sales over the seven months beat those of the first seven months of 2019.')).toEqual([
      ['2021-01', '2021-07'],
      ['2019-01', '2019-07'],
    ]);
    expect(dates('A recovery is expected in the second half.')).toEqual([['2021-07', '2021-12']]);
    expect(dates('The committee meets in the third quarter.')).toEqual([['2021-07', '2021-09']]);
  });

  it('does not read "the next six months" as a part of the year', () => {
    expect(dates('Prices will stay high for the next six months.')).toEqual([]);
  });

  it('reads "this calendar year", "in early 2023", "by mid-2024" and both years of "between 2022 and 2026"', () => {
    expect(dates('The fund will lend more this calendar year.')).toEqual([['2021', null]]);
    expect(dates('Works start in early 2023 and end by mid-2024.')).toEqual([
      ['2023', null],
      ['2024', null],
    ]);
    expect(dates('Loans will be paid between 2022 and 2026.')).toEqual([
      ['2022', null],
      ['2026', null],
    ]);
  });

  it('does not read a count after "and" as a year', () => {
    expect(dates('The plant hires engineers and 1800 workers.')).toEqual([]);
  });
});

describe('extractTrade on the pair said as "our trade" or "the two … states"', () => {
  it('reads "our turnover" and "the two Nordic states" as the article\'s pair, not "our trade with" another', () => {
    const facts = trade([
      'Ties are warm.',
      'Step by step we are nearing the goal of bringing our turnover to $4 billion in 2026, the minister said.',
      'Ties are warm.',
      'The annual trade volume between the two Nordic states is expected to reach $3 billion by the end of this year.',
      'Ties are warm.',
      'Our trade with Sweden reached $9 billion.',
    ]);
    expect(facts.map((f) => [f.measure, f.amountUsd, f.period?.year ?? null])).toEqual([
      ['target', 4e9, 2026],
      ['target', 3e9, 2023],
    ]);
  });
});
