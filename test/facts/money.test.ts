import { describe, expect, it } from 'vitest';
import { formatUsd, moneyIn, percentsIn } from '../../src/facts/money.js';

describe('moneyIn', () => {
  it.each([
    ['Trade reached $1.2 billion.', '$1.2 billion', 1.2e9],
    ['It exceeded 1.2 billion US dollars.', '1.2 billion US dollars', 1.2e9],
    ['Turnover topped $1bn.', '$1bn', 1e9],
    ['Products worth $2.8mn were sent.', '$2.8mn', 2.8e6],
    ['A $500mln loan was agreed.', '$500mln', 5e8],
    ['Investment of US$680 million flowed in.', 'US$680 million', 6.8e8],
    ['The goal is $2bn by 2030.', '$2bn', 2e9],
    ['They aim for 2 billion US dollars.', '2 billion US dollars', 2e9],
    ['A fund of USD 3 million opened.', 'USD 3 million', 3e6],
    ['Sales hit 1,500 million dollars.', '1,500 million dollars', 1.5e9],
    ['Turnover reached $ 3 billion.', '$ 3 billion', 3e9],
    ['Turnover reached $5 bln.', '$5 bln', 5e9],
    ['Turnover reached 12.5 bln US dollars.', '12.5 bln US dollars', 1.25e10],
    ['Reserves of USD 2.5 billions were kept.', 'USD 2.5 billions', 2.5e9],
    ['It amounted to $612,87 million.', '$612,87 million', 612_870_000],
  ])('reads "%s" as %s in USD', (sentence, text, usd) => {
    const [m] = moneyIn(sentence);
    expect(m).toMatchObject({ text, usd, currency: 'USD' });
  });

  it('keeps other currencies without converting them', () => {
    expect(moneyIn('The EU pledged €40m and 2 million euros.')).toMatchObject([
      { text: '€40m', amount: 4e7, currency: 'EUR', usd: null },
      { text: '2 million euros', amount: 2e6, currency: 'EUR', usd: null },
    ]);
  });

  it.each([
    ['Exports reached RM12.4 billion.', 'RM12.4 billion', 1.24e10, 'MYR'],
    ['Tea sales hit KSh 73 billion.', 'KSh 73 billion', 7.3e10, 'KES'],
    ['Exports rose to Sh 42.5 billion.', 'Sh 42.5 billion', 4.25e10, 'KES'],
    ['The bridge costs 450 million baht.', '450 million baht', 4.5e8, 'THB'],
    ['A grant of AUD 80 million was made.', 'AUD 80 million', 8e7, 'AUD'],
    ['It was funded with 25 million Australian dollars.', '25 million Australian dollars', 2.5e7, 'AUD'],
    ['A loan of 12 billion JPY was signed.', '12 billion JPY', 1.2e10, 'JPY'],
    ['The tranche is 20 billion naira.', '20 billion naira', 2e10, 'NGN'],
    ['That is about 150 million cedis.', '150 million cedis', 1.5e8, 'GHS'],
    ['Firms pledged Rs 3,000 crore.', 'Rs 3,000 crore', 3e10, 'INR'],
  ])('reads "%s" as %s in its own currency', (sentence, text, amount, currency) => {
    const [m] = moneyIn(sentence);
    expect(m).toMatchObject({ text, amount, currency, usd: null });
  });

  it('reads the "bil" and "tril" of Malaysian and Singaporean papers', () => {
    expect(moneyIn('worth US$4.6bil (RM21.3bil) and S$1.1tril').map((m) => [m.currency, m.amount])).toEqual([
      ['USD', 4.6e9],
      ['MYR', 21.3e9],
      ['SGD', 1.1e12],
    ]);
  });

  it('keeps amounts exact, without binary fractions', () => {
    expect(moneyIn('Of that, 8.2 billion dollars and $4.1 billion were non-oil.').map((m) => m.usd)).toEqual([
      8_200_000_000, 4_100_000_000,
    ]);
  });

  it.each([
    'plans to train 100 Tajik specialists',
    'we try 5 times a year',
    'they rm 3 files',
    'marking the 30th anniversary of relations',
    'the sides signed 27 documents',
    'in 2024 and 2025',
    'Decree No. 5 of the president',
  ])('finds no money in "%s"', (sentence) => {
    expect(moneyIn(sentence)).toEqual([]);
  });
});

describe('percentsIn', () => {
  it('reads percent, per cent, % and percentage points', () => {
    expect(
      percentsIn('up 7 percent, 18.5% and 3 per cent; 2.5 percentage points').map((p) => p.value),
    ).toEqual([7, 18.5, 3, 2.5]);
  });
});

describe('formatUsd', () => {
  it('shows amounts the way news writes them', () => {
    expect([formatUsd(1.2e9), formatUsd(1.13e9), formatUsd(2.8e6), formatUsd(5000)]).toEqual([
      '$1.2 billion',
      '$1.13 billion',
      '$2.8 million',
      '$5,000',
    ]);
  });
});
