import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from '../../src/engine.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let cached: Promise<Engine> | undefined;

/** The engine over the project's seeds/, built once per test file. */
export function seedEngine(options: { sourceBaseUrl?: string } = {}): Promise<Engine> {
  const build = async () => {
    const engine = await createEngine({
      corpusDir: 'seeds',
      root: ROOT,
      sourceBaseUrl: options.sourceBaseUrl ?? null,
    });
    if ('error' in engine) throw new Error(engine.error);
    return engine;
  };
  if (options.sourceBaseUrl) return build();
  cached ??= build();
  return cached;
}
