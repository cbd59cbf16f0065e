/**
 * Cold start to first answer, run as a fresh process by bench/bench.ts:
 * `node --import tsx bench/coldStart.ts <corpus dir> <question>`. Prints one
 * JSON line; `performance.now()` counts from the process's own start, so the
 * figure includes Node and the TypeScript loader.
 */
import { performance } from 'node:perf_hooks';

const [corpusDir = 'seeds', question = 'What is the trade target?'] = process.argv.slice(2);
const imported = performance.now();
const { createEngine } = await import('../src/engine.js');
const { ask } = await import('../src/answer/ask.js');
const modulesMs = performance.now() - imported;
const engine = await createEngine({ corpusDir });
if ('error' in engine) throw new Error(`bench/coldStart: ${engine.error}`);
const answer = ask(engine, question);
process.stdout.write(
  `${JSON.stringify({ firstAnswerMs: performance.now(), modulesMs, found: answer.found, buildMs: engine.stats.buildMs })}\n`,
);
