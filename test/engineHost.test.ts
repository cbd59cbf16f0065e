import { describe, expect, it } from 'vitest';
import { ask } from '../src/answer/ask.js';
import { loadCorpus } from '../src/corpus/load.js';
import { createEngine, createEngineHost, engineFromCorpus } from '../src/engine.js';
import { exportIndex } from '../src/index/serialize.js';
import { ROOT, seedEngine } from './support/seedEngine.js';
import { tempCorpus } from './support/tempCorpus.js';

describe('createEngine', () => {
  it('returns the engine engineFromCorpus builds, its facts extracted in a worker while the sentences are indexed', async () => {
    const corpus = await loadCorpus('seeds', { root: ROOT });
    if ('error' in corpus) throw new Error(corpus.error);
    const here = engineFromCorpus(corpus);
    const built = await createEngine({ corpusDir: 'seeds', root: ROOT });
    if ('error' in built) throw new Error(built.error);
    expect(built.corpus).toEqual(here.corpus);
    expect(built.facts).toEqual(here.facts);
    expect(built.trade).toEqual(here.trade);
    expect(built.topics).toEqual(here.topics);
    expect(built.indexedFacts).toEqual(here.indexedFacts);
    expect(built.index.docs).toEqual(here.index.docs);
    // The same index to the order of its trees: the build let past the sentences only once the facts were in.
    expect(exportIndex(built.index)).toEqual(exportIndex(here.index));
  }, 60_000);

  it('returns the same engine for a corpus smaller than one build step', async () => {
    const corpus = tempCorpus({
      'a.txt': 'Trade between Kazakhstan and Kyrgyzstan reached $2.5 billion in 2023.\n',
    });
    try {
      const loaded = await loadCorpus(corpus.dir, { root: corpus.dir });
      if ('error' in loaded) throw new Error(loaded.error);
      const built = await createEngine({ corpusDir: corpus.dir, root: corpus.dir });
      if ('error' in built) throw new Error(built.error);
      expect(built.indexedFacts.length).toBeGreaterThan(0);
      expect(exportIndex(built.index)).toEqual(exportIndex(engineFromCorpus(loaded).index));
    } finally {
      corpus.cleanup();
    }
  }, 60_000);
});

describe('createEngineHost', () => {
  it('rebuilds in a worker and swaps the new engine in: same corpus, facts and answers', async () => {
    const first = await seedEngine();
    const host = createEngineHost(first, { corpusDir: 'seeds', root: ROOT });
    expect(host.current()).toBe(first);
    const rebuilt = await host.rebuild();
    if ('error' in rebuilt) throw new Error(rebuilt.error);
    expect(rebuilt.before).toBe(first);
    expect(host.current()).toBe(rebuilt.engine);
    expect(rebuilt.engine).not.toBe(first);
    expect(rebuilt.engine.corpus).toEqual(first.corpus);
    expect(rebuilt.engine.facts).toEqual(first.facts);
    const question = 'What is the trade target?';
    expect(ask(rebuilt.engine, question).citations).toEqual(ask(first, question).citations);
  }, 60_000);

  it('returns an error value and keeps the engine when the folder cannot be read', async () => {
    const first = await seedEngine();
    const host = createEngineHost(first, { corpusDir: '/nonexistent/citebot-corpus' });
    expect(await host.rebuild()).toEqual({ error: expect.stringContaining('does not exist') });
    expect(host.current()).toBe(first);
  }, 60_000);

  it('rejects, keeping the engine, when the build throws', async () => {
    const first = await seedEngine();
    const host = createEngineHost(first, () => Promise.reject(new Error('a bug')));
    await expect(host.rebuild()).rejects.toThrow('a bug');
    expect(host.current()).toBe(first);
  });
});
