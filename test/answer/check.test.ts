import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/answer/check.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { ROOT } from '../support/seedEngine.js';

let engine: Engine;
beforeAll(async () => {
  const built = await createEngine({ corpusDir: 'test/fixtures/check', root: ROOT });
  if ('error' in built) throw new Error(built.error);
  engine = built;
});

const verdicts = (text: string) => check(engine, text).claims.map((c) => c.verdict);

describe('check', () => {
  it('supports a trade figure the articles give, and contradicts another for the same pair and period', () => {
    expect(verdicts('Trade between Norway and Iceland reached $840 million in 2022.')).toEqual(['supported']);
    const other = check(engine, 'Trade between Norway and Iceland reached $1.1 billion in 2022.').claims[0]!;
    expect(other.verdict).toBe('contradicted');
    expect(other.reason).toBe('the articles give $840 million for 2022');
    expect(other.disagrees[0]).toMatchObject({
      file: 'test/fixtures/check/norway_iceland_talks.txt',
      line: 3,
    });
  });

  it('contradicts a growth rate and a target of another value', () => {
    expect(verdicts('Norwegian-Icelandic trade grew by 30 percent in 2022.')).toEqual(['contradicted']);
    expect(verdicts('Trade between Norway and Iceland rose 12 percent in 2022.')).toEqual(['supported']);
  });

  it('contradicts an agreement signed on another date or by someone else', () => {
    expect(verdicts('The Agreement on Fisheries Cooperation was signed in 2019.')).toEqual(['contradicted']);
    expect(verdicts('The Agreement on Fisheries Cooperation was signed by Haldorsen and Lindqvist.')).toEqual(
      ['contradicted'],
    );
    expect(verdicts('Haldorsen and Thorsdottir signed the Agreement on Fisheries Cooperation.')).toEqual([
      'supported',
    ]);
  });

  it('checks a meeting of the corpus’s people by its date and place', () => {
    expect(verdicts('Haldorsen and Thorsdottir met in Oslo on June 13, 2023.')).toEqual(['supported']);
    expect(verdicts('Haldorsen and Thorsdottir met in Oslo on March 2, 2021.')).toEqual(['contradicted']);
  });

  it('says honestly when nothing in the articles speaks to a claim, and skips questions', () => {
    expect(verdicts('Giraffes are the tallest land animals. Is this a question?')).toEqual(['unrelated']);
  });

  it('contradicts a denial of what the articles report', () => {
    expect(
      verdicts('Haldorsen and Thorsdottir did not sign the Agreement on Fisheries Cooperation.'),
    ).toEqual(['contradicted']);
  });

  it('answers empty, markup-only and over-long text with a clear message', () => {
    expect(check(engine, '  ').answer).toMatch(/no text to check/);
    expect(check(engine, '<@123456789012345678> https://example.com/x.png').answer).toMatch(
      /no text to check/,
    );
    expect(check(engine, 'Word. '.repeat(800)).answer).toMatch(
      /too long to check \(\d+ characters; at most 4000\)/,
    );
    expect(check(engine, 'Hi!').found).toBe(false);
  });
});

describe('check (claims as people type them)', () => {
  it('reads chat shorthand and clipped country names in the articles’ words', () => {
    expect(verdicts('iirc Por-Chil trade hit $2.3bn in 2022')).toEqual(['supported']);
    expect(verdicts('FM Valadares received Irarrazaval in Lisbon in March 2023')).toEqual(['supported']);
  });

  it('contradicts a claim whose one detail has another value in the same slot', () => {
    expect(verdicts('FM Valadares received Irarrazaval in Porto in March 2023')).toEqual(['contradicted']);
    expect(verdicts('The two foreign ministries signed a cooperation programme for 2022-2025')).toEqual([
      'contradicted',
    ]);
    expect(verdicts('Chile will send 60 engineers to train with Portuguese port authorities')).toEqual([
      'contradicted',
    ]);
    expect(verdicts("Portugal is Chile's largest trading partner in Europe")).toEqual(['contradicted']);
    expect(verdicts('Valadares laid a wreath at the monument to Ines Sarmento in Lisbon')).toEqual([
      'contradicted',
    ]);
  });

  it('supports the same details, and leaves alone a claim whose details are nowhere', () => {
    expect(verdicts('Chile will send 40 engineers to train with Portuguese port authorities')).toEqual([
      'supported',
    ]);
    expect(verdicts('The ministries are drafting a new cooperation programme for 2031-2033')).toEqual([
      'unrelated',
    ]);
    expect(verdicts('Portuguese-Chilean trade was around $900 million in 2015')).toEqual(['unrelated']);
    expect(verdicts('Portugal and Chile scrapped visa fees for students')).toEqual(['unrelated']);
  });

  it('returns one verdict per claim of a multi-sentence message, in order', () => {
    const message =
      'Trade between Portugal and Chile reached $2.3 billion in 2022. Valadares received Irarrazaval in Porto. ' +
      'Is that right? Giraffes are the tallest land animals.';
    const got = check(engine, message);
    expect(got.claims.map((c) => c.verdict)).toEqual(['supported', 'contradicted', 'unrelated']);
    expect(got.answer).toMatch(/^3 claims checked: 1 supported, 1 contradicted, 1 not covered/);
  });
});
