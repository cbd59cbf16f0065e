import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { factsOf } from '../../src/answer/types.js';
import { meetingsView, tradeView, treatyView } from '../../src/answer/views.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { ROOT, seedEngine } from '../support/seedEngine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

const files = (sources: ReadonlyArray<{ file: string }>) => new Set(sources.map((s) => s.file));

describe('tradeView', () => {
  it('shows the 2024 volume and the $2 billion target, each cited from at least two articles', () => {
    const answer = tradeView(engine);
    expect(answer.found).toBe(true);
    const volume = factsOf(answer, 'trade').find((f) => f.measure === 'volume' && f.year === 2024);
    const target = factsOf(answer, 'trade').find((f) => f.measure === 'target');
    expect(volume).toMatchObject({ amountUsd: 1.2e9 });
    expect(files(volume!.sources).size).toBe(2);
    expect(target).toMatchObject({ amountUsd: 2e9 });
    expect(files(target!.sources).size).toBe(4);
    expect(answer.answer).toMatch(/\$1\.2 billion in 2024/);
    expect(answer.answer).toMatch(/target \$2 billion/);
  });

  it('cites every fact line: each source is one of the quotes', () => {
    const answer = tradeView(engine);
    const quoted = new Set(answer.citations.map((c) => `${c.file}:${c.line}`));
    for (const fact of answer.facts)
      expect(quoted.has(`${fact.sources[0]!.file}:${fact.sources[0]!.line}`)).toBe(true);
  });

  it('filters by year and says which years exist when one has no figure', () => {
    expect(
      factsOf(tradeView(engine, { year: 2024 }), 'trade')
        .filter((f) => f.measure === 'volume')
        .map((f) => f.year),
    ).toEqual([2024]);
    expect(tradeView(engine, { year: 1999 })).toMatchObject({
      found: false,
      answer: expect.stringMatching(/2024/),
    });
  });

  it('answers a pair the corpus has no figures for with what it does have', () => {
    expect(tradeView(engine, { countries: 'Uzbekistan' })).toMatchObject({
      found: false,
      answer: expect.stringMatching(/Kazakhstan–Tajikistan/),
    });
  });
});

describe('treatyView', () => {
  it('shows the Treaty on Allied Relations once, signed in Dushanbe by Tokayev and Rahmon, with its sources', () => {
    const answer = treatyView(engine, { name: 'allied relations' });
    expect(answer.facts).toHaveLength(1);
    const [treaty] = factsOf(answer, 'agreement');
    expect(treaty).toMatchObject({ name: 'Treaty on Allied Relations', status: 'signed', place: 'Dushanbe' });
    expect(treaty!.signatories.map((s) => s.name)).toEqual(['Kassym-Jomart Tokayev', 'Emomali Rahmon']);
    expect(files(treaty!.sources).size).toBe(4);
  });

  it('lists every agreement once when no name is given', () => {
    const names = factsOf(treatyView(engine), 'agreement').map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => /allied relations/i.test(n))).toHaveLength(1);
  });
});

describe('meetingsView', () => {
  it('lists the meetings in date order with the dates the articles give, undated last', () => {
    const answer = meetingsView(engine);
    const dates = factsOf(answer, 'meeting').map((f) => f.date);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dates).toEqual(['2024-08-22', '2025-02-12', null, null, null]);
    expect(factsOf(answer, 'meeting').map((f) => f.dateDisplay)).toContain('January 25, year not stated');
  });

  it('filters by person (any spelling), year and place', () => {
    const byPerson = meetingsView(engine, { person: 'Mukhriddin', year: 2025 });
    expect(factsOf(byPerson, 'meeting').map((f) => f.date)).toEqual(['2025-02-12']);
    const inDushanbe = meetingsView(engine, { place: 'Dushanbe' });
    expect(factsOf(inDushanbe, 'meeting').map((f) => f.place)).toEqual(['Dushanbe', 'Dushanbe', 'Dushanbe']);
    expect(meetingsView(engine, { person: 'Putin' })).toMatchObject({ found: false });
  });
});

describe('ask with facts', () => {
  it('answers a question that matches a fact with the fact first, then the quotes', () => {
    const answer = ask(engine, 'What is the trade target?');
    expect(answer.facts[0]).toMatchObject({ kind: 'trade', measure: 'target', amountUsd: 2e9 });
    expect(answer.answer).toBe(answer.facts[0]!.statement);
    expect(answer.citations).toHaveLength(3);
  });
});

describe('facts of another pair', () => {
  let dir: string;
  let mixed: Engine;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'citebot-pairs-'));
    cpSync(path.join(ROOT, 'seeds'), dir, { recursive: true });
    cpSync(path.join(ROOT, 'test/fixtures/pairs/uzbek-tajik.txt'), path.join(dir, 'zz-uzbek-tajik.txt'));
    const built = await createEngine({ corpusDir: dir, root: dir });
    if ('error' in built) throw new Error(built.error);
    mixed = built;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('come out under their own pair and leave the Kazakhstan–Tajikistan figures as they were', () => {
    const kt = tradeView(mixed, { countries: 'Kazakhstan, Tajikistan' }).facts.map((f) => f.statement);
    expect(kt).toEqual(tradeView(engine).facts.map((f) => f.statement));
    const ut = tradeView(mixed, { countries: 'Uzbekistan Tajikistan' });
    expect(factsOf(ut, 'trade').map((f) => [f.measure, f.amountUsd ?? f.percent])).toEqual(
      expect.arrayContaining([
        ['volume', 7.4e8],
        ['growth', 12.4],
        ['target', 2.5e9],
      ]),
    );
    expect(ut.facts.filter((f) => f.kind !== 'trade' || f.pair.join() !== 'Tajikistan,Uzbekistan')).toEqual(
      [],
    );
  });
});

describe('views over an empty corpus', () => {
  it('say the corpus is empty, as /ask does', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'citebot-empty-'));
    try {
      const empty = await createEngine({ corpusDir: dir, root: dir });
      if ('error' in empty) throw new Error(empty.error);
      for (const answer of [tradeView(empty), treatyView(empty), meetingsView(empty), ask(empty, 'trade')]) {
        expect(answer).toMatchObject({ found: false, answer: expect.stringMatching(/corpus is empty/) });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('meetingsView when nothing matches', () => {
  it("lists that person's meetings, with their dates", () => {
    const answer = meetingsView(engine, { person: 'Muhriddin', year: 2024 });
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/Sirojiddin Muhriddin's meetings in the articles: .*2025-02-12/);
  });
});
