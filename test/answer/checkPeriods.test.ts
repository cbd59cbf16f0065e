import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/answer/check.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { ROOT } from '../support/seedEngine.js';

/** A figure of one period against the same figure of another, and an article's lead against its sentence. */

let engine: Engine;
beforeAll(async () => {
  const built = await createEngine({ corpusDir: 'test/fixtures/check2', root: ROOT });
  if ('error' in built) throw new Error(built.error);
  engine = built;
});

const first = (text: string) => check(engine, text).claims[0]!;
const lines = (refs: { line: number }[]) => refs.map((r) => r.line);

describe('check: periods and leads', () => {
  it('supports a figure in euros of its year, the pair named only in the headline', () => {
    const c = first('estonia and latvia did about €3.4bn of goods trade in 2024');
    expect(c.verdict).toBe('supported');
    expect(lines(c.supports)).toEqual([9]);
  });

  it('contradicts another figure of the same year, not by a figure of another period', () => {
    const c = first('Estonia–Latvia goods trade in 2024 was €4.2 billion');
    expect(c.verdict).toBe('contradicted');
    expect(lines(c.disagrees)).toEqual([9]);
  });

  it('contradicts a place the headline gives when the sentence names another', () => {
    const c = first(
      'the seventh session of the Estonia–Latvia intergovernmental commission is in Tallinn in 2026',
    );
    expect(c.verdict).toBe('contradicted');
    expect(lines(c.disagrees)).toContain(11);
  });
  it('says nothing speaks to what two people plan, where the articles only tell of their past talks', () => {
    expect(first('Michal and Siliņa are planning a joint trip to Brussels in December').verdict).toBe(
      'unrelated',
    );
  });

  it('reads a fiscal year and a pair joined by a hyphen as the articles write them', () => {
    expect(first('estonia-latvia goods trade in FY2024 was €3.4bn').verdict).toBe('supported');
  });
});
