import { describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { countingAnswer } from '../../src/answer/count.js';
import { readCountQuestion } from '../../src/answer/countQuestion.js';
import { factsOf } from '../../src/answer/types.js';
import { articleEngine } from './articleEngine.js';

/** Three invented articles: two presidential meetings a year apart, a ministers' visit, a group of documents. */
const ARTICLES = {
  'a_riga_visit.txt': [
    'Mongolian President visits Riga',
    'date 2023-04-11',
    '',
    'RIGA, April 11. Mongolian President Batu Oyunbileg met Latvian President Aivars Strautmanis in Riga on April 10, 2023.',
    'Following the talks, the presidents signed the Agreement on Air Services between Mongolia and Latvia.',
    'The two sides also discussed wool exports.',
    'In total, nine documents were signed during the visit.',
    '"Our countries are far apart but close in spirit," Oyunbileg said.',
    '',
  ].join('\n'),
  'b_ulaanbaatar_ministers.txt': [
    'Latvian minister in Ulaanbaatar',
    'date 2024-06-06',
    '',
    'ULAANBAATAR, June 6. Latvian Foreign Minister Ilze Kalnina held talks with Mongolian Foreign Minister Dorj Ganbold in Ulaanbaatar on June 5, 2024.',
    'Kalnina and Ganbold signed the Protocol on Consular Consultations.',
    'Latvia and Mongolia plan to sign an Agreement on Avoidance of Double Taxation next year.',
    'Trade between Mongolia and Latvia reached $41 million in 2023, Ganbold said.',
    'The two countries are bound by 23 bilateral agreements.',
    '',
  ].join('\n'),
  'c_second_summit.txt': [
    'Presidents meet again',
    'date 2024-11-21',
    '',
    'ULAANBAATAR, November 21. President Batu Oyunbileg and President Aivars Strautmanis met again in Ulaanbaatar on November 20, 2024.',
    'The presidents discussed transport links and education.',
    '"We want direct flights by next summer," Strautmanis said.',
    '',
  ].join('\n'),
};

const built = articleEngine(ARTICLES);
const engine = () => built.engine();

describe('readCountQuestion', () => {
  it('returns the counted kind and the filters a question names', () => {
    const q = readCountQuestion(
      engine(),
      'How many documents did Mongolia and Latvia sign in April 2023 in Riga?',
    );
    expect(q).toMatchObject({
      shape: 'count',
      kind: 'agreement',
      status: 'signed',
      period: { from: '2023-04', to: '2023-04' },
      place: 'Riga',
    });
    expect(q?.countries.sort()).toEqual(['Latvia', 'Mongolia']);
    expect(
      readCountQuestion(engine(), 'Which agreements did Kalnina sign?')?.people[0]?.matches[0]?.name,
    ).toBe('Ilze Kalnina');
    expect(readCountQuestion(engine(), 'How many times did Oyunbileg and Strautmanis meet?')).toMatchObject({
      kind: 'meeting',
      people: [{ typed: 'Oyunbileg' }, { typed: 'Strautmanis' }],
    });
    expect(readCountQuestion(engine(), 'List the meetings between 2023 and 2024')?.period).toMatchObject({
      from: '2023',
      to: '2024',
    });
  });

  it('returns null for questions of another shape, populations, and dates relative to today', () => {
    expect(readCountQuestion(engine(), 'Which agreement covers air services?')).toBeNull();
    expect(readCountQuestion(engine(), 'How many people live in Riga?')).toBeNull();
    expect(readCountQuestion(engine(), 'How many tonnes of wool were exported?')).toBeNull();
    expect(readCountQuestion(engine(), 'Which agreements did they sign last year?')).toBeNull();
    expect(readCountQuestion(engine(), 'What did Oyunbileg say about wool?')).toBeNull();
  });
});

describe('countingAnswer', () => {
  it('counts a group an article gives by its number, the named document inside it counted once', () => {
    const answer = countingAnswer(engine(), 'How many documents were signed in 2023?')!;
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(
      /^9 documents were signed in 2023 \(9 at one signing, as an article counts them, 1 of them named/,
    );
    expect(factsOf(answer, 'agreement').map((f) => f.name)).toEqual([
      '9 documents',
      'Agreement on Air Services between Mongolia and Latvia',
    ]);
    expect(answer.citations.slice(0, 2).map((c) => `${c.file}:${c.line}`)).toEqual([
      'a_riga_visit.txt:7',
      'a_riga_visit.txt:5',
    ]);
  });

  it('counts the meetings of two people, each listed with its source', () => {
    const answer = countingAnswer(engine(), 'How many times did Oyunbileg and Strautmanis meet?')!;
    expect(answer.answer).toMatch(/^Batu Oyunbileg and Aivars Strautmanis met 2 times/);
    expect(factsOf(answer, 'meeting').map((f) => f.date)).toEqual(['2023-04-10', '2024-11-20']);
    expect(answer.facts.every((f) => f.sources.length > 0)).toBe(true);
  });

  it('lists what a person signed, and the meetings of a year', () => {
    const signed = countingAnswer(engine(), 'Which agreements did Kalnina sign?')!;
    expect(factsOf(signed, 'agreement').map((f) => f.name)).toEqual(['Protocol on Consular Consultations']);
    const meetings = countingAnswer(engine(), 'List the meetings in 2024')!;
    expect(meetings.answer).toMatch(/^2 meetings in 2024/);
  });

  it('filters by status: planned is not signed', () => {
    const planned = countingAnswer(engine(), 'How many agreements are planned?')!;
    expect(factsOf(planned, 'agreement').map((f) => f.status)).toEqual(['planned']);
  });

  it('says a zero honestly, with what the articles do have', () => {
    const answer = countingAnswer(engine(), 'How many agreements were signed in 2019?')!;
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/^No agreements were signed in 2019 .*by year: 2023 \(\d+\), 2024 \(\d+\)/);
  });

  it('quotes first a best sentence that gives a number the facts do not hold', () => {
    const answer = ask(engine(), 'How many bilateral agreements bind Mongolia and Latvia?');
    expect(answer.answer).toContain('a number the facts do not hold: “23 bilateral agreements” [1]');
    expect(answer.citations[0]).toMatchObject({ file: 'b_ulaanbaatar_ministers.txt', line: 8 });
  });

  it('counts statements, people and trade figures', () => {
    expect(countingAnswer(engine(), 'How many times was Strautmanis quoted?')?.answer).toMatch(
      /^Aivars Strautmanis is quoted once/,
    );
    expect(countingAnswer(engine(), 'How many officials are named in the articles?')?.answer).toMatch(
      /^4 officials named/,
    );
    expect(countingAnswer(engine(), 'List the trade figures for Mongolia and Latvia')?.facts).toHaveLength(1);
  });

  it('returns null for a question that counts nothing the facts hold', () => {
    expect(countingAnswer(engine(), 'Where did the presidents meet in 2023?')).toBeNull();
  });
});

describe('ask', () => {
  it('answers a counting question with the count and every counted item cited', () => {
    const answer = ask(engine(), 'How many documents were signed during the visit?');
    expect(answer.answer).toMatch(/^10 documents were signed/);
    expect(answer.facts.length).toBeGreaterThanOrEqual(2);
    expect(answer.citations[0]?.text).toContain('nine documents');
  });
});
