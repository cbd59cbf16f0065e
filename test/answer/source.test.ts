import { beforeAll, describe, expect, it } from 'vitest';
import { source } from '../../src/answer/source.js';
import type { Engine } from '../../src/engine.js';
import { seedEngine } from '../support/seedEngine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe('source', () => {
  it('shows the sentence at a line with its paragraph', () => {
    const answer = source(engine, '000_5c82c171a96e32aa.txt', 23);
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/^The volume of mutual trade/);
    expect(answer.citations.map((c) => c.line)).toEqual([23, 23]);
  });

  it('accepts the path as cited, or a unique start of the file name', () => {
    expect(source(engine, 'seeds/003_d1b71018f3567910.txt', 6).found).toBe(true);
    expect(source(engine, '003', 6).answer).toMatch(/three largest trading partners/);
  });

  it('explains an unknown file or a line outside the file', () => {
    expect(source(engine, 'nope.txt', 1)).toMatchObject({
      found: false,
      answer: expect.stringMatching(/No article named "nope.txt"/),
    });
    expect(source(engine, '003', 999)).toMatchObject({
      found: false,
      answer: expect.stringMatching(/has 16 lines/),
    });
  });

  it('says how many files a shared prefix matches, and lists them, instead of "no article named"', () => {
    expect(source(engine, '00', 1)).toMatchObject({
      found: false,
      answer:
        '5 files match "00", say which: 000_5c82c171a96e32aa.txt, 001_51aa8cafb4572964.txt, ' +
        '002_a5be58d35a5fd42e.txt, 003_d1b71018f3567910.txt, 004_3650a434f87c96d2.txt.',
    });
  });

  it.each([
    '../seeds/000_5c82c171a96e32aa.txt',
    '/etc/passwd',
    'seeds/../../etc/passwd',
    'C:/Windows/win.ini',
  ])('refuses a path out of the corpus (%s) without reading it', (file) => {
    expect(source(engine, file, 1)).toMatchObject({
      found: false,
      answer: `"${file}" is not an article of the corpus: give a file name from the corpus folder.`,
      citations: [],
    });
  });
});
