import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { planQuery } from '../../src/answer/query.js';
import { termKey } from '../../src/text/normalize.js';
import { ordinalForms, ordinalsIn, ordinalValue } from '../../src/text/ordinals.js';
import { articleEngine } from './articleEngine.js';

/**
 * Articles written for this test: a capital that stands for its country, numbered sessions, and a
 * common word that stems like a name.
 */
const ARTICLES = {
  'a_commission.txt': [
    'Kyrgyzstan and Kazakhstan hold commission',
    'date 2024-06-12',
    '',
    'The 7th meeting of the intergovernmental commission between Kyrgyzstan and Kazakhstan was held in Astana on June 11.',
    'Kyrgyzstan and Kazakhstan want to raise bilateral trade to $1 billion by 2030.',
    'The sides also discussed transit through the Altai region.',
    '',
  ].join('\n'),
  'c_hanoi.txt': [
    'Vietnam and Kazakhstan talks',
    'date 2024-10-02',
    '',
    'Deputy Prime Minister Bui Thanh Son received the Kazakh delegation in Hanoi on October 1.',
    '',
  ].join('\n'),
  'd_trade.txt': [
    'Vietnam imports more grain',
    'date 2024-11-02',
    '',
    'Vietnamese imports from Kazakhstan reached $300 million in 2023.',
    '',
  ].join('\n'),
  'e_cairo.txt': [
    'Egypt and Saudi Arabia deepen ties',
    'date 2024-05-05',
    '',
    'Cairo has long sought Gulf investment.',
    'The Saudi crown prince held talks with the Egyptian prime minister in Riyadh on May 3.',
    '',
  ].join('\n'),
  'f_wreaths.txt': [
    'Uzbek minister in Dushanbe',
    'date 2024-02-10',
    '',
    'Uzbek Foreign Minister Bakhtiyor Saidov held talks with Tajik Foreign Minister Sirojiddin Muhriddin in Dushanbe on February 9.',
    'During the visit, the Uzbek minister laid a wreath at the Ismoili Somoni monument in Dushanbe.',
    '',
  ].join('\n'),
  'g_interview.txt': [
    'Interview with the Kyrgyz minister',
    'date 2024-03-01',
    '',
    'We also work with the Kazakh side on energy.',
    'The treaty on the Kyrgyz-Uzbek border was signed in 2022.',
    '',
  ].join('\n'),
  'b_visit.txt': [
    'Kazakh minister visits Bishkek',
    'date 2024-09-02',
    '',
    'The Kazakh foreign minister held talks in Bishkek on September 1.',
    '',
  ].join('\n'),
};

const built = articleEngine(ARTICLES);
const { first } = built;

describe('a capital named as an actor', () => {
  it('stands for its country', () => {
    expect(first('What level of trade do Bishkek and Astana want by 2030?')).toBe('a_commission.txt:5');
  });

  it('is the city itself where something happens', () => {
    expect(first('Where did the Kazakh foreign minister hold talks?')).toBe('b_visit.txt:4');
    const country = (question: string) =>
      planQuery(built.engine().index, question, { lexicon: built.engine().lexicon })
        .terms.find((t) => t.word === 'Bishkek')
        ?.expansions.has(termKey('Kyrgyzstan'));
    expect(country('What did Bishkek and Astana discuss?')).toBe(true);
    expect(country('What did the sides discuss in Bishkek?')).toBe(false);
    expect(country('Who visited Bishkek?')).toBe(false);
  });
});

describe('a city asked as where something happened', () => {
  it('is not leant on by a sentence that says it happened elsewhere', () => {
    expect(first('When did the Saudi crown prince hold talks in Riyadh?')).toBe('e_cairo.txt:5');
    expect(first('When did the Saudi crown prince hold talks in Cairo?')).toBe('not found');
  });
});

describe('facts first', () => {
  it('only when the fact answers nearly as much as the best sentence', () => {
    const answer = ask(built.engine(), 'Where did the Uzbek minister lay a wreath in Dushanbe?');
    expect(answer.facts).toEqual([]);
    expect(answer.citations[0]).toMatchObject({ file: 'f_wreaths.txt', line: 5 });
    expect(ask(built.engine(), 'Where did Saidov and Muhriddin meet?').facts.map((f) => f.kind)).toEqual([
      'meeting',
    ]);
  });
});

describe('a country pair', () => {
  it('is not leant on by a sentence about another country', () => {
    expect(first('Which treaty did Kyrgyzstan and Uzbekistan sign?')).toBe('g_interview.txt:5');
    // The article names Kazakhstan, but the treaty is Kyrgyz-Uzbek.
    expect(first('Which treaty did Kazakhstan and Uzbekistan sign?')).toBe('not found');
  });
});

describe('ordinals', () => {
  it('reads both spellings', () => {
    expect([
      ordinalValue('8th'),
      ordinalValue('eighth'),
      ordinalValue('22nd'),
      ordinalValue('eight'),
    ]).toEqual([8, 8, 22, null]);
    expect(ordinalForms(12)).toEqual(['12th', 'twelfth']);
    expect(ordinalForms(23)).toEqual(['23rd']);
    expect(ordinalsIn('the 3rd and the seventh session')).toEqual(new Set([3, 7]));
  });

  it('answers the session asked about, in either spelling, and not another one', () => {
    expect(first('When was the seventh Kyrgyzstan-Kazakhstan commission held?')).toBe('a_commission.txt:4');
    expect(first('When was the 8th Kyrgyzstan-Kazakhstan commission held?')).toBe('not found');
  });
});

describe('a common word that stems like a name', () => {
  it('is the word, not the person ("buy" is not "Bui")', () => {
    expect(first('How much did Vietnam buy from Kazakhstan in 2023?')).toBe('d_trade.txt:4');
    expect(first('Whom did Bui Thanh Son receive in Hanoi?')).toBe('c_hanoi.txt:4');
  });
});
