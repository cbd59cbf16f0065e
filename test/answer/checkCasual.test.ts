import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/answer/check.js';
import { newswireText, sameFigure } from '../../src/answer/claimDetails.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { ROOT } from '../support/seedEngine.js';

/** Claims as people type them in a discussion: rounded figures, codes and lower-case countries. */

let engine: Engine;
beforeAll(async () => {
  const built = await createEngine({ corpusDir: 'test/fixtures/check-casual', root: ROOT });
  if ('error' in built) throw new Error(built.error);
  engine = built;
});

const verdict = (text: string) => check(engine, text).claims[0]?.verdict;

describe('sameFigure', () => {
  it('returns true when the article’s figure rounds to the claim’s as the claim writes it', () => {
    expect(sameFigure(8, 8.2)).toBe(true);
    expect(sameFigure(4.4e9, 4.37e9)).toBe(true);
    expect(sameFigure(4e9, 4.37e9)).toBe(true);
    expect(sameFigure(386e6, 385.6e6)).toBe(true);
  });

  it('returns false for another figure, and for a claim more precise than the article', () => {
    expect(sameFigure(9, 8.2)).toBe(false);
    expect(sameFigure(4.5e9, 4.37e9)).toBe(false);
    expect(sameFigure(8.2, 8)).toBe(false);
    expect(sameFigure(1.5e9, 1.2e9)).toBe(false);
  });
});

describe('newswireText', () => {
  const never = () => false;
  it('writes out two countries paired by their codes or in lower case', () => {
    expect(newswireText('EE-FI trade grew', never)).toBe('Estonia-Finland trade grew');
    expect(newswireText('estonia-finland trade grew', never)).toBe('Estonia-Finland trade grew');
    expect(newswireText('trade with finland grew', never)).toBe('trade with Finland grew');
  });

  it('leaves pairs that are not two countries, and words the articles use in lower case', () => {
    expect(newswireText('the on-off talks', never)).toBe('the on-off talks');
    expect(newswireText('roast turkey', (w) => w === 'turkey')).toBe('roast turkey');
  });
});

describe('check (rounded figures and chat names)', () => {
  it('supports a rounded figure of the same trade', () => {
    expect(verdict('ee-fi trade was ~$4.4bn in 2023, up like 8% yoy')).toBe('supported');
    expect(verdict('estonia-finland trade grew about 8% in 2023')).toBe('supported');
  });

  it('contradicts another figure for the same trade', () => {
    expect(verdict('estonia-finland trade was $5.1bn in 2023')).toBe('contradicted');
  });
});
