import { describe, expect, it } from 'vitest';
import { ask } from '../src/answer/ask.js';
import { createEngineInWorker } from '../src/engine.js';
import { ROOT, seedEngine } from './support/seedEngine.js';

describe('createEngineInWorker', () => {
  it('returns the engine createEngine builds: same corpus, facts, topics and answers', async () => {
    const inThread = await seedEngine();
    const built = await createEngineInWorker({ corpusDir: 'seeds', root: ROOT });
    if ('error' in built) throw new Error(built.error);
    expect(built.corpus).toEqual(inThread.corpus);
    expect(built.facts).toEqual(inThread.facts);
    expect(built.trade).toEqual(inThread.trade);
    expect(built.topics).toEqual(inThread.topics);
    expect(built.stats).toMatchObject({
      files: 5,
      sentences: inThread.stats.sentences,
      facts: inThread.stats.facts,
    });
    const question = 'What is the trade target?';
    expect(ask(built, question).citations).toEqual(ask(inThread, question).citations);
  }, 60_000);

  it('returns an error value, not an exception, for a missing corpus folder', async () => {
    expect(await createEngineInWorker({ corpusDir: '/nonexistent/citebot-corpus' })).toEqual({
      error: expect.stringContaining('does not exist'),
    });
  }, 60_000);
});
