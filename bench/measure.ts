/**
 * Measures one corpus in a process of its own (so that heaps and JIT state
 * do not leak between scales): `node --expose-gc --import tsx
 * bench/measure.ts <corpus dir> <label> <result.json> [queries] [builds]
 * [baseline budget s]`. Progress goes to stderr; the figures go to the
 * result file as JSON.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { ask } from '../src/answer/ask.js';
import type { Answer } from '../src/answer/types.js';
import { loadCommands } from '../src/commands/registry.js';
import { runCommand } from '../src/commands/run.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Corpus } from '../src/corpus/types.js';
import { type Engine, engineFromCorpus } from '../src/engine.js';
import { buildIndex, buildIndexAsync, type IndexDoc } from '../src/index/searchIndex.js';
import { loadSnapshot, saveSnapshot } from '../src/index/snapshot.js';
import { type BenchQuery, benchQueries } from './queries.js';
import { CACHE_DIR, ROOT } from './sotu.js';
import { type Latency, latency, median } from './stats.js';

export interface CommandFigures {
  name: string;
  latency: Latency | null;
  /** Why there is no figure (command missing, or its answer was an error). */
  note: string | null;
}

export interface ScaleResult {
  label: string;
  corpusDir: string;
  files: number;
  sentences: number;
  /** Index documents: sentences plus fact documents. */
  documents: number;
  loadMs: number;
  /** Fact extraction, or null when src/facts has no extractFacts yet. */
  factsMs: number | null;
  /** Where factsMs comes from: the engine's own stats.factMs, or timing extractFacts here. */
  factsSource: 'engine' | 'extractFacts' | null;
  facts: number | null;
  /** engineFromCorpus: facts, index, topics. */
  engineMs: number;
  buildMs: number[];
  buildMedianMs: number;
  asyncBuildMs: number;
  /** Worst event-loop delay during the time-sliced build (ms). */
  asyncBuildWorstDelayMs: number;
  heapMB: number;
  snapshot: {
    bytes: number;
    saveMs: number;
    loadMs: number[];
    loadMedianMs: number;
    loadWorstDelayMs: number;
    /** The loaded index answered the sample queries exactly as the built one. */
    identical: boolean;
  } | null;
  snapshotNote: string | null;
  ask: Latency;
  slowest: Array<{ ms: number; shape: string; query: string }>;
  commands: CommandFigures[];
  baseline: { buildMs: number; heapMB: number; search: Latency };
}

const [corpusDir, label, outFile, queryCount = '1000', buildRuns = '3', baselineBudget = '0'] =
  process.argv.slice(2);
if (!corpusDir || !label || !outFile) {
  throw new Error('bench/measure: usage: measure.ts <corpus dir> <label> <result.json> [queries]');
}
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('bench/measure: run node with --expose-gc');

const log = (line: string) => process.stderr.write(`  [${label}] ${line}\n`);
const WARMUP = 50;
const BASELINE_WARMUP = 20;
const SNAPSHOT_CHECK_QUERIES = 200;

function heapMB(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function time<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  // The histogram learns of a block only when its timer runs late; let it
  // run once more, or a block at the very end would go unrecorded.
  await new Promise((resolve) => setTimeout(resolve, 5));
  delay.disable();
  return [value, ms, delay.max / 1e6];
}

/** The fact extractor, when src/facts exports one (it is being written alongside this bench). */
async function factExtractor(): Promise<((corpus: Corpus) => unknown) | null> {
  try {
    const facts = (await import('../src/facts/index.js')) as { extractFacts?: unknown };
    return typeof facts.extractFacts === 'function'
      ? (facts.extractFacts as (corpus: Corpus) => unknown)
      : null;
  } catch {
    return null;
  }
}

function countFacts(facts: unknown): number | null {
  const all = (facts as { all?: unknown } | null)?.all;
  return Array.isArray(all) ? all.length : null;
}

function sameAnswer(a: Answer, b: Answer): boolean {
  return JSON.stringify({ ...a, tookMs: 0 }) === JSON.stringify({ ...b, tookMs: 0 });
}

async function measureSnapshot(
  corpus: Corpus,
  engine: Engine,
  queries: readonly BenchQuery[],
): Promise<ScaleResult['snapshot']> {
  const file = path.join(CACHE_DIR, 'bench', `${label}.snapshot`);
  mkdirSync(path.dirname(file), { recursive: true });
  const facts = {
    facts: (engine as { facts?: unknown }).facts ?? null,
    trade: (engine as { trade?: unknown }).trade ?? null,
  };
  const saved = await saveSnapshot(file, { corpusHash: corpus.hash, index: engine.index, facts });
  if ('error' in saved) throw new Error(saved.error);
  const sentenceDocs = engine.index.docs.filter((d) => d.type === 'sentence');
  const loads: number[] = [];
  let worst = 0;
  let loaded: Engine | null = null;
  for (let i = 0; i < 3; i++) {
    const [result, ms, delay] = await timeAsync(() =>
      loadSnapshot(file, { corpusHash: corpus.hash, sentenceDocs }),
    );
    if ('reason' in result) throw new Error(`bench/measure: snapshot not loaded: ${result.reason}`);
    loads.push(ms);
    worst = Math.max(worst, delay);
    loaded = { ...engine, index: result.index };
  }
  const identical = queries
    .slice(0, SNAPSHOT_CHECK_QUERIES)
    .every((q) => sameAnswer(ask(engine, q.text), ask(loaded!, q.text)));
  rmSync(file, { force: true });
  return {
    bytes: saved.bytes,
    saveMs: saved.ms,
    loadMs: loads,
    loadMedianMs: median(loads),
    loadWorstDelayMs: worst,
    identical,
  };
}

async function measureCommands(engine: Engine): Promise<CommandFigures[]> {
  let registry: Awaited<ReturnType<typeof loadCommands>>;
  try {
    registry = await loadCommands();
  } catch (err) {
    const note = `commands not loaded (${(err as Error).message.split('\n')[0]})`;
    return ['trade', 'meetings'].map((name) => ({ name, latency: null, note }));
  }
  const out: CommandFigures[] = [];
  for (const name of ['trade', 'meetings']) {
    const command = registry.get(name);
    if (!command) {
      out.push({ name, latency: null, note: 'not in commands/ yet' });
      continue;
    }
    const context = { engine, commands: registry };
    const sample: number[] = [];
    let note: string | null = null;
    for (let i = 0; i < WARMUP + 200; i++) {
      const started = performance.now();
      const result = await runCommand(context, command, {});
      const ms = performance.now() - started;
      if ('error' in result) {
        note = result.error;
        break;
      }
      if (i >= WARMUP) sample.push(ms);
    }
    out.push({ name, latency: note ? null : latency(sample), note });
  }
  return out;
}

/**
 * The time-sliced build. Only numbers leave this function: an awaited value
 * can linger in the awaiting function's frame, and a second index kept alive
 * that way once showed up as 66 MB of "heap after build".
 */
async function measureAsyncBuild(docs: readonly IndexDoc[]): Promise<{ ms: number; worstDelay: number }> {
  const [, ms, worstDelay] = await timeAsync(() => buildIndexAsync(docs));
  return { ms, worstDelay };
}

async function measureCitebot(corpus: Corpus, queries: readonly BenchQuery[]) {
  log(`${corpus.sentences.length} sentences: engine (facts, index, topics)…`);
  const [engine, engineMs] = time(() => engineFromCorpus(corpus));
  const docs: readonly IndexDoc[] = engine.index.docs;
  // The engine times its own fact extraction; extracting again here would
  // double the slowest step of the bench. Without that figure, time
  // extractFacts directly (when src/facts has it).
  let factsMs: number | null = null;
  let factsSource: ScaleResult['factsSource'] = null;
  let facts: number | null = countFacts((engine as { facts?: unknown }).facts);
  const engineFactMs = (engine.stats as unknown as Record<string, unknown>).factMs;
  const extract = await factExtractor();
  if (typeof engineFactMs === 'number' && corpus.sentences.length >= 10_000) {
    factsMs = engineFactMs;
    factsSource = 'engine';
  } else if (extract) {
    log('fact extraction…');
    // A small corpus is extracted a few times: its first run is mostly JIT warm-up.
    const runs: number[] = [];
    while (runs.length < 3 && runs.reduce((a, b) => a + b, 0) < 2000) {
      const [extracted, ms] = time(() => extract(corpus));
      runs.push(ms);
      facts = countFacts(extracted);
    }
    factsMs = median(runs);
    factsSource = 'extractFacts';
  }
  gc!();

  log('index builds…');
  const buildMs: number[] = [];
  for (let i = 0; i < Number(buildRuns); i++) {
    gc!();
    buildMs.push(time(() => buildIndex(docs))[1]);
  }
  const heap = heapMB();
  const { ms: asyncBuildMs, worstDelay: asyncBuildWorstDelayMs } = await measureAsyncBuild(docs);

  log('snapshot…');
  let snapshot: ScaleResult['snapshot'] = null;
  let snapshotNote: string | null = null;
  try {
    snapshot = await measureSnapshot(corpus, engine, queries);
  } catch (err) {
    snapshotNote = (err as Error).message;
  }

  log(`ask() × ${queries.length}…`);
  for (const q of queries.slice(0, WARMUP)) ask(engine, q.text);
  const sample: number[] = [];
  for (const q of queries) sample.push(time(() => ask(engine, q.text))[1]);
  const slowest = sample
    .map((ms, i) => ({ ms, shape: queries[i]!.shape, query: queries[i]!.text }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);

  log('/trade, /meetings…');
  const commands = await measureCommands(engine);
  return {
    documents: docs.length,
    factsMs,
    factsSource,
    facts,
    engineMs,
    buildMs,
    buildMedianMs: median(buildMs),
    asyncBuildMs,
    asyncBuildWorstDelayMs,
    heapMB: heap,
    snapshot,
    snapshotNote,
    ask: latency(sample),
    slowest,
    commands,
  };
}

/** Plain MiniSearch, default options, over the same sentences (as in npm run eval). */
function measureBaseline(corpus: Corpus, queries: readonly BenchQuery[]): ScaleResult['baseline'] {
  log('baseline: plain MiniSearch…');
  const [mini, buildMs] = time(() => {
    const m = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    m.addAll(corpus.sentences.map((s) => ({ id: s.id, text: s.text })));
    return m;
  });
  const heap = heapMB();
  const answer = (q: string) =>
    mini
      .search(q)
      .slice(0, 5)
      .map((r) => corpus.sentences[r.id as number]);
  for (const q of queries.slice(0, BASELINE_WARMUP)) answer(q.text);
  // Plain MiniSearch takes a third of a second per query at 250k sentences
  // (stop words match nearly everything): a time budget keeps the bench short.
  const budgetMs = Number(baselineBudget) * 1000;
  log(`baseline search × ${queries.length}${budgetMs > 0 ? ` (at most ${baselineBudget} s)` : ''}…`);
  const sample: number[] = [];
  const started = performance.now();
  for (const q of queries) {
    sample.push(time(() => answer(q.text))[1]);
    if (budgetMs > 0 && performance.now() - started > budgetMs) break;
  }
  return { buildMs, heapMB: heap, search: latency(sample) };
}

async function main(): Promise<void> {
  const [corpus, loadMs] = await (async () => {
    const started = performance.now();
    const loaded = await loadCorpus(corpusDir!, { root: ROOT });
    return [loaded, performance.now() - started] as const;
  })();
  if ('error' in corpus) throw new Error(`bench/measure: ${corpus.error}`);
  const queries = benchQueries(corpus, Number(queryCount));
  const citebot = await measureCitebot(corpus, queries);
  // The citebot engine is out of scope from here: the baseline's heap is its own.
  const baseline = measureBaseline(corpus, queries);
  const result: ScaleResult = {
    label: label!,
    corpusDir: path.relative(ROOT, path.resolve(ROOT, corpusDir!)),
    files: corpus.articles.length,
    sentences: corpus.sentences.length,
    loadMs,
    ...citebot,
    baseline,
  };
  writeFileSync(outFile!, JSON.stringify(result, null, 2));
}

await main();
