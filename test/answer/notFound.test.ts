import { describe, expect, it } from 'vitest';
import { answerTypeOf, ownNumbersPattern, textHasBeyond } from '../../src/answer/answerType.js';
import { countNextTo, onlyListed } from '../../src/answer/countedWords.js';
import { planQuery } from '../../src/answer/query.js';
import { termKey } from '../../src/text/normalize.js';
import { articleEngine } from './articleEngine.js';

const keys = (...words: string[]) => new Set(words.map((w) => termKey(w)));

describe('answerTypeOf', () => {
  it.each([
    ['How large was the grant Norway gave to Chad?', 'amount'],
    ['What share of Chad’s trade does Norway account for?', 'amount'],
    ['What is the price of the new ferry?', 'amount'],
    ['What did Olsen say about fisheries?', 'statement'],
  ])('reads "%s" as asking for %s', (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });
});

describe('textHasBeyond', () => {
  it('returns false when the only number is one the question writes', () => {
    expect(
      textHasBeyond('date', 'Latvia will host the 2031 sailing regatta.', ownNumbersPattern(['2031'])),
    ).toBe(false);
    expect(
      textHasBeyond('amount', 'Work goes on at the Volta-2 dam.', ownNumbersPattern(['Volta', '2'])),
    ).toBe(false);
  });
  it('returns true when the text holds another', () => {
    expect(textHasBeyond('date', 'The 2031 regatta opens on 4 June.', ownNumbersPattern(['2031']))).toBe(
      true,
    );
  });
});

describe('countNextTo', () => {
  it('returns true when a number stands right before what is counted', () => {
    expect(countNextTo('Some 40,000 Latvian students study abroad.', keys('Latvians'))).toBe(true);
    expect(countNextTo('Chad will buy 2.5 million tonnes of wheat a year.', keys('wheat'))).toBe(true);
  });
  it('returns false when the number is money', () => {
    expect(countNextTo('Norway paid $3 billion for Latvian timber.', keys('Latvians'))).toBe(false);
    expect(countNextTo('Exports reached 9 billion euros of Latvian goods.', keys('Latvians'))).toBe(false);
  });
});

describe('onlyListed', () => {
  it('returns true when the word is one item of a list', () => {
    expect(
      onlyListed('Its sales, worth $2 billion, are mostly tin, cocoa, rubber and fish.', keys('cocoa')),
    ).toBe(true);
    expect(
      onlyListed('Its sales, worth $2 billion, are mostly tin, cocoa, rubber and fish.', keys('tin')),
    ).toBe(true);
  });
  it('returns false when the word is what the figure is of', () => {
    expect(onlyListed('Cocoa sales, the largest, reached $2 billion, officials said.', keys('cocoa'))).toBe(
      false,
    );
  });
});

describe('planQuery', () => {
  const { engine } = articleEngine({
    'no_td.txt': [
      'Oslo, 3 May 2025',
      'Norwegian minister Ingrid Olsen said Norway will send 12,000 tonnes of fish to Chad in Dar es Salaam talks.',
      '',
    ].join('\n'),
  });
  it('marks phrasing words, what is counted and words of the answer type', () => {
    const plan = planQuery(engine().index, 'How much fish will Norway send to Chad?');
    const term = (w: string) => plan.terms.find((t) => t.word === w)!;
    expect(term('will').phrasing).toBe(true);
    expect(term('fish').counted).toBe(true);
    expect(term('send').counted).toBe(false);
    expect(
      planQuery(engine().index, 'What is the price of fish?').terms.find((t) => t.word === 'price')?.typeWord,
    ).toBe(true);
  });
  it('reads a short lower-case word inside a name as part of it', () => {
    const plan = planQuery(engine().index, 'What was agreed in Dar es Salaam?');
    expect(plan.terms.find((t) => t.word === 'es')?.name).toBe(true);
  });
});

describe('near misses', () => {
  const { first } = articleEngine({
    'lv_td.txt': [
      'Riga, 10 April 2025',
      'Latvia and Chad signed a fisheries accord in Riga on Tuesday.',
      'Latvian exports to Chad, worth $310 million last year, were mostly timber, peat, grain and dairy.',
      'About 2,400 Latvian volunteers work in Chad, the embassy said.',
      'Latvia will host the 2031 Baltic sailing regatta.',
      'Foreign minister Anna Berzina said the accord "opens the sea to our fleets".',
      '',
    ].join('\n'),
  });

  it('refuses a figure for a listed commodity the article gives no figure of', () => {
    expect(first('How much peat did Latvia export to Chad in 2024?')).toBe('not found');
  });
  it('refuses a commodity no sentence names', () => {
    expect(first('How much cotton does Latvia export to Chad?')).toBe('not found');
  });
  it('refuses a date that is only the question’s own year', () => {
    expect(first('When will the final of the 2031 regatta be sailed?')).toBe('not found');
  });
  it('refuses a place the sentence does not name', () => {
    expect(first('What did Latvia and Chad sign in Tallinn?')).toBe('not found');
  });
  it('answers a count written next to what is counted', () => {
    expect(first('How many Latvians volunteer in Chad?')).toBe('lv_td.txt:4');
  });
  it('answers what someone said in other words than the question’s', () => {
    expect(first('What did Anna Berzina say about the fishing deal?')).toBe('lv_td.txt:6');
  });
});

describe('a question naming a place that is not a country', () => {
  const { first } = articleEngine({
    'lv_ee.txt': [
      'Riga, 2 June 2025',
      'Latvia and Estonia held talks on rail and fisheries.',
      'Officials said Latvia would open the Valka-Voru crossing to buses by July next year.',
      'Trade between the two rose last year.',
      '',
    ].join('\n'),
  });
  it('asks less of the rest when a sentence names all the names', () => {
    expect(first('When will the Valka-Voru frontier gate be open to coaches?')).toBe('lv_ee.txt:3');
  });
});

describe('instruments of cooperation', () => {
  it('are agreements', () => {
    expect(answerTypeOf('Which instruments did Latvia and Chad sign?')).toBe('agreement');
  });
});

describe('a question typed in lower case that names what no article names', () => {
  const { first } = articleEngine({
    'chile_peru_visit.txt': [
      'date 2026-03-02 Chilean minister visits Lima',
      '',
      'Chilean Foreign Minister Ana Rojas visited Lima on Monday for talks with her Peruvian counterpart.',
      '',
      'The two ministers signed a memorandum on border crossings.',
      '',
    ].join('\n'),
  });

  it('reads the unknown word as a name the answer must have', () => {
    expect(first('rojas visit to lima')).toBe('chile_peru_visit.txt:3');
    expect(first('rojas visit to arequipa')).toBe('not found');
    expect(first('rojas visit to lima with zamborlini')).toBe('not found');
  });

  it('does not read an English word or a word being typed so', () => {
    expect(first('rojas visit to lima overall')).toBe('chile_peru_visit.txt:3');
    expect(first('Rojas visited Lima for talks with her counterpart?')).toBe('chile_peru_visit.txt:3');
  });
});

describe('a figure the question states', () => {
  const { first } = articleEngine({
    'chile_peru_fund.txt': [
      'date 2026-03-02 Chile and Peru set up a fund',
      '',
      'Chile and Peru set up a joint development fund of $250 million for border towns.',
      '',
      'The fund will finance roads and clinics, officials said.',
      '',
    ].join('\n'),
  });

  it('must be written by the answer itself', () => {
    expect(first('chile peru development fund $250 million')).toBe('chile_peru_fund.txt:3');
    expect(first('chile peru development fund $400 million')).toBe('not found');
    expect(first('Did Chile and Peru set up a fund of 400 million dollars?')).toBe('not found');
  });
});

describe('an agreement asked yes or no', () => {
  const { first } = articleEngine({
    'chile_peru_signing.txt': [
      'date 2026-03-02 Chile and Peru sign accords in Lima',
      '',
      'Chile and Peru signed a fisheries cooperation agreement in Lima on Monday.',
      '',
      'The instruments signed in Lima open new fields of cooperation, the Chilean minister said.',
      '',
    ].join('\n'),
  });

  it('must be on what the question names', () => {
    expect(first('Did Chile and Peru sign a fisheries agreement in Lima?')).toBe('chile_peru_signing.txt:3');
    expect(first('Did Chile and Peru sign a mining cooperation agreement in Lima?')).toBe('not found');
    expect(first('Did Chile and Peru sign anything on mining?')).toBe('not found');
  });
});
