import { afterAll, beforeAll } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { tempCorpus } from '../support/tempCorpus.js';

/**
 * An engine over articles written for a test, built before its tests and
 * removed after; `first` is where a question's first quote is from
 * (`file:line`), or "not found".
 */
export function articleEngine(articles: Record<string, string>): {
  engine: () => Engine;
  first: (question: string) => string;
} {
  let corpus: ReturnType<typeof tempCorpus>;
  let engine: Engine | undefined;
  beforeAll(async () => {
    corpus = tempCorpus(articles);
    const built = await createEngine({ corpusDir: corpus.dir, root: corpus.dir });
    if ('error' in built) throw new Error(built.error);
    engine = built;
  });
  afterAll(() => corpus.cleanup());
  const get = () => {
    if (!engine) throw new Error('articleEngine: the engine is built in beforeAll');
    return engine;
  };
  return {
    engine: get,
    first: (question) => {
      const answer = ask(get(), question);
      return answer.found ? `${answer.citations[0]?.file}:${answer.citations[0]?.line}` : 'not found';
    },
  };
}
