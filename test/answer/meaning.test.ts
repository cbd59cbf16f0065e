import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { planQuery } from '../../src/answer/query.js';
import { FORM_QUALITY, PHRASE_QUALITY } from '../../src/text/lexicon.js';
import { termKey } from '../../src/text/normalize.js';
import { articleEngine } from './articleEngine.js';

/**
 * Questions put in other words than the articles', over articles written for
 * this test in the shape of wire copy: related words, verb forms, phrases,
 * answer types, dates, noise and other scripts.
 */
const ARTICLES = {
  'a_trade.txt': [
    'Kazakhstan and Kyrgyzstan expand trade',
    'date 2025-03-10',
    '',
    'Trade between Kazakhstan and Kyrgyzstan reached $2.1 billion last year, the ministry said.',
    'In the first six months of 2024, exports from Kazakhstan grew by 12 percent.',
    'The two presidents held talks in Astana on March 9.',
    'The city transferred the restored monument to the museum of Osh.',
    'Many analysts followed the talks closely.',
    'President Kassym-Jomart Tokayev welcomed the results.',
    'Kazakhstan and Kyrgyzstan also held talks on water sharing.',
    '',
  ].join('\n'),
  'b_visit.txt': [
    'Kyrgyz President visits Uzbekistan',
    'date 2025-06-02',
    '',
    'President Sadyr Japarov arrived in Tashkent on June 1 for a state visit.',
    'Japarov and Shavkat Mirziyoyev signed an agreement on the border.',
    'The CIS summit will take up regional security.',
    '',
  ].join('\n'),
};

const built = articleEngine(ARTICLES);
const { first } = built;

describe('words the articles do not use', () => {
  it('finds trade by "commerce", and the year a sentence calls "last year"', () => {
    expect(first('What was the commerce between Kazakhstan and Kyrgyzstan in 2024?')).toBe('a_trade.txt:4');
  });

  it('finds "held talks" by "hold talks"', () => {
    const plan = planQuery(built.engine().index, 'Where did the presidents hold talks?', {
      lexicon: built.engine().lexicon,
    });
    expect(plan.terms.find((t) => t.word === 'hold')?.expansions.get(termKey('held'))).toBe(FORM_QUALITY);
    expect(first('Where did the presidents hold talks?')).toBe('a_trade.txt:6');
  });

  it('reads a phrase by its meaning: "hand over" matches "transferred"', () => {
    const plan = planQuery(built.engine().index, 'Who will hand over the monument?', {
      lexicon: built.engine().lexicon,
    });
    const quality = plan.terms.find((t) => t.word === 'hand')?.expansions.get(termKey('transferred'));
    expect(quality).toBeGreaterThan(0.5);
    expect(quality).toBeLessThanOrEqual(PHRASE_QUALITY);
  });

  it('counts a related word less than the word itself', () => {
    const plan = planQuery(built.engine().index, 'commerce trade', { lexicon: built.engine().lexicon });
    const [commerce, trade] = plan.terms;
    expect(trade!.expansions.get(termKey('trade'))).toBe(1);
    expect(commerce!.expansions.get(termKey('trade'))).toBeLessThan(0.8);
  });

  it('never expands a name by meaning', () => {
    // "deal" is a hand-listed synonym of "agreement", and "commerce" is related to "trade".
    const plan = planQuery(built.engine().index, 'What did Mr Deal tell Ms Commerce?', {
      lexicon: built.engine().lexicon,
    });
    const names = plan.terms.filter((t) => t.word === 'Deal' || t.word === 'Commerce');
    expect(names.map((t) => [t.word, [...t.expansions.keys()]])).toEqual([
      ['Deal', []],
      ['Commerce', []],
    ]);
  });

  it('expands a lower-case word of an alias ("Commerce Minister …"), not a person\'s own name', () => {
    const names = new Set([termKey('commerce'), termKey('japarov')]);
    const people = new Set([termKey('japarov')]);
    const plan = planQuery(built.engine().index, 'commerce of japarov', {
      lexicon: built.engine().lexicon,
      names,
      people,
    });
    expect(plan.terms.map((t) => [t.word, t.name, t.expansions.has(termKey('trade'))])).toEqual([
      ['commerce', false, true],
      ['japarov', true, false],
    ]);
  });

  it('matches "first half" to "first six months"', () => {
    expect(
      first('How much did trade between Kazakhstan and Kyrgyzstan grow in the first half of 2024?'),
    ).toBe('a_trade.txt:5');
  });
});

describe('answer types', () => {
  it('does not answer "how many" with a sentence that holds no count', () => {
    expect(first('How many analysts followed the talks?')).toBe('not found');
    expect(first('Which analysts followed the talks?')).toBe('a_trade.txt:8');
  });

  it('answers "when" with a sentence or fact that holds a date', () => {
    const answer = ask(built.engine(), 'When did Japarov arrive in Tashkent?');
    expect(answer.citations[0]).toMatchObject({ file: 'b_visit.txt', line: 4 });
    // The signing sentence gives no date; the agreement fact takes the date of the visit it was signed at.
    const signed = ask(built.engine(), 'When did Japarov and Mirziyoyev sign the border agreement?');
    expect(signed.answer).toBe('Agreement on the border — signed by Sadyr Japarov in Tashkent (2025-06-01)');
    expect(signed.citations.map((c) => `${c.file}:${c.line}`)).toEqual(['b_visit.txt:5']);
    expect(first('Did Japarov and Mirziyoyev sign the border agreement?')).toBe('b_visit.txt:5');
  });

  it('answers "where" with where it happened, not with the countries that took part', () => {
    expect(first('Where did the presidents hold talks?')).toBe('a_trade.txt:6');
    // Line 10 names the two countries as parties, and says nothing of where.
    expect(first('Where did Kazakhstan and Kyrgyzstan hold talks on water sharing?')).toBe('not found');
  });

  it('does not answer about another year than the one asked', () => {
    expect(first('What did Japarov and Mirziyoyev sign in 2023?')).toBe('not found');
  });
});

describe('noise and other scripts', () => {
  it.each(['ttt', 'kkk', 'tra', 'kkk ttt', 'xqzvbn'])('answers the noise "%s" with not found', (noise) => {
    expect(first(noise)).toBe('not found');
  });

  it('answers an acronym the corpus uses', () => {
    expect(first('CIS')).toBe('b_visit.txt:6');
  });

  it('finds Tokayev written in Cyrillic', () => {
    expect(first('Токаев')).toBe('a_trade.txt:9');
  });

  it('reads a word with a zero-width space in it as the word', () => {
    expect(first('monu\u200Bment')).toBe('a_trade.txt:7');
  });
});
