import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../src/answer/ask.js';
import { tradeView } from '../src/answer/views.js';
import { createEngine, docOf, type Engine, factDocId, factOf, isFactId } from '../src/engine.js';
import { tempCorpus } from './support/tempCorpus.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

const ARTICLE = [
  ' date 2024-05-02 Trade between Georgia and Armenia reached $1.5 billion in 2023, up 9 percent.',
  'Georgian Prime Minister Irakli Kobakhidze met Armenian Prime Minister Nikol Pashinyan in Tbilisi.',
].join('\n');

async function engineOf(dir: string, snapshotFile: string): Promise<Engine> {
  const engine = await createEngine({ corpusDir: dir, root: dir, snapshotFile });
  if ('error' in engine) throw new Error(engine.error);
  return engine;
}

describe('createEngine with a snapshot file', () => {
  it('builds and saves the first time, then loads the same answers without extracting again', async () => {
    const t = tempCorpus({ 'a.txt': ARTICLE });
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'index.snapshot');
    const built = await engineOf(t.dir, file);
    expect(built.stats).toMatchObject({
      indexFrom: 'built',
      snapshot: expect.stringMatching(/^not used \(no snapshot yet\); saved/),
    });
    const loaded = await engineOf(t.dir, file);
    expect(loaded.stats).toMatchObject({ indexFrom: 'snapshot', factMs: 0 });
    for (const q of ['trade between Georgia and Armenia', 'Who met Pashinyan?', 'bread']) {
      const { tookMs: _a, ...a } = ask(built, q);
      const { tookMs: _b, ...b } = ask(loaded, q);
      expect(b).toEqual(a);
    }
    expect(tradeView(loaded).facts.map((f) => f.statement)).toEqual(
      tradeView(built).facts.map((f) => f.statement),
    );
  });

  it('rebuilds, and says why, when the corpus changed', async () => {
    const t = tempCorpus({ 'a.txt': ARTICLE });
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'index.snapshot');
    await engineOf(t.dir, file);
    writeFileSync(
      path.join(t.dir, 'b.txt'),
      'Armenia and Georgia signed a memorandum on customs cooperation.\n',
    );
    const rebuilt = await engineOf(t.dir, file);
    expect(rebuilt.stats.indexFrom).toBe('built');
    expect(rebuilt.stats.snapshot).toMatch(/^not used \(.*corpus.*\)/);
    expect(rebuilt.facts.agreements).toHaveLength(1);
  });

  it('rebuilds when the snapshot file is damaged', async () => {
    const t = tempCorpus({ 'a.txt': ARTICLE });
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'index.snapshot');
    writeFileSync(file, 'not a snapshot');
    const engine = await engineOf(t.dir, file);
    expect(engine.stats.indexFrom).toBe('built');
    expect(ask(engine, 'Pashinyan').found).toBe(true);
  });
});

describe('docOf', () => {
  it('returns the sentence for a sentence id and the fact for a fact id, as the index holds them', async () => {
    const t = tempCorpus({ 'a.txt': ARTICLE });
    cleanup = t.cleanup;
    const built = await createEngine({ corpusDir: t.dir, root: t.dir });
    if ('error' in built) throw new Error(built.error);
    const sentences = built.corpus.sentences.length;
    expect(built.indexedFacts.length).toBeGreaterThan(0);
    for (const doc of built.index.docs) {
      const found = docOf(built, doc.id);
      expect(found?.kind).toBe(doc.type);
      expect(isFactId(built, doc.id)).toBe(doc.type === 'fact');
      if (found?.kind === 'sentence') expect(found.sentence.text).toBe(doc.text);
      if (found?.kind === 'fact') expect(doc.text.startsWith(found.fact.fact.statement)).toBe(true);
    }
    expect(factOf(built, factDocId(built, 0))).toBe(built.indexedFacts[0]);
    expect(factOf(built, 0)).toBeUndefined();
    expect(docOf(built, sentences + built.indexedFacts.length)).toBeUndefined();
  });
});
