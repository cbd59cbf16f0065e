import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { BUILD_VERSION } from './buildVersion.js';
import { type CorpusError, type LoadOptions, loadCorpus } from './corpus/load.js';
import { corpusTopics } from './corpus/topics.js';
import type { Article, Corpus } from './corpus/types.js';
import { type Engine, type EngineDerived, type EngineStats, factDocId } from './engineData.js';
import { extractFacts } from './facts/index.js';
import { type IndexedFact, indexedFactsOf, indexTextOf } from './facts/kinds/index.js';
import { summarizeTrade } from './facts/tradeSummary.js';
import { miniSearchSteps, spellingSteps } from './index/build.js';
import { type IndexDoc, type SearchIndex, wrapSteps } from './index/searchIndex.js';
import { decodeBodySteps, encodeBody, loadSnapshot, saveSnapshot } from './index/snapshot.js';
import { type SnapshotFacts, snapshotFactsSchema } from './index/snapshotFacts.js';
import { drive, driveAsync, STEP, type Steps } from './index/steps.js';
import { loadLexicon } from './text/lexicon.js';
import { dateKeywords, yearOfDate } from './text/periods.js';

export type { Topics } from './corpus/topics.js';
export * from './engineData.js';
export type { IndexedFact } from './facts/kinds/index.js';

/**
 * The engine's life, in one module with three entry points:
 *
 * - `createEngine`: at start-up, load the corpus folder, then load the
 *   snapshot of its index and facts, or build them (the facts extracted in a
 *   worker thread while this thread indexes the sentences) and save one;
 * - `engineFromCorpus`: the same build over a corpus already loaded, on this
 *   thread (tests, eval, bench);
 * - `createEngineHost`: the engine answering now, rebuilt in a worker thread
 *   and swapped in at once, questions meanwhile answered from the old one.
 *
 * Everything slow on the main thread runs in steps that yield to the event
 * loop (src/index/steps.ts), so the bot keeps answering while an engine
 * loads or builds.
 */

export interface EngineOptions {
  corpusDir: string;
  /** Citations are relative to this folder (default: the working directory). */
  root?: string;
  sourceBaseUrl?: string | null;
  maxFileBytes?: number;
  /** Load the index and facts from this snapshot file when it matches the corpus; else build and save it. */
  snapshotFile?: string | undefined;
}

/** Longest stretch of main-thread work between two yields to the event loop, in ms. */
const SLICE_MS = 10;

function deriveFrom(corpus: Corpus): EngineDerived {
  return { articleByFile: new Map(corpus.articles.map((a) => [a.file, a])), documentsWith: new Map() };
}

function dateRange(corpus: Corpus): [string, string] | null {
  const dates = corpus.articles.map((a) => a.meta.date).filter((d): d is string => d !== null);
  if (dates.length === 0) return null;
  dates.sort();
  return [dates[0]!, dates[dates.length - 1]!];
}

/**
 * The index documents of a corpus's sentences (facts are added after them).
 * A sentence is also found by the dates it means without writing them: the
 * year of its "last year", and one word for a half-year (src/text/periods.ts).
 */
function* sentenceDocSteps(corpus: Corpus): Steps<IndexDoc[]> {
  const years = corpus.articles.map((a) => yearOfDate(a.meta.date));
  const docs: IndexDoc[] = [];
  for (const s of corpus.sentences) {
    docs.push({
      id: s.id,
      type: 'sentence',
      text: s.text,
      keywords: dateKeywords(s.text, years[s.article] ?? null),
    });
    if (docs.length % STEP === 0) yield;
  }
  return docs;
}

function factDocs(corpus: Corpus, indexed: readonly IndexedFact[]): IndexDoc[] {
  return indexed.map((f, i) => ({ id: factDocId({ corpus }, i), type: 'fact' as const, ...indexTextOf(f) }));
}

/** What fact extraction yields: plain data, the same whether extracted here, in a worker or loaded from a snapshot. */
interface Extracted extends SnapshotFacts {
  factMs: number;
}

/** Extracts the facts and topics of a loaded corpus: the slow half of a build. */
function extract(corpus: Corpus): Extracted {
  const started = performance.now();
  const facts = extractFacts(corpus);
  const trade = summarizeTrade(facts.trade);
  return { facts, trade, topics: corpusTopics(corpus), factMs: performance.now() - started };
}

/** The engine over a corpus, its facts and a built (or loaded) index. */
function assemble(
  corpus: Corpus,
  extracted: Extracted,
  indexedFacts: IndexedFact[],
  index: SearchIndex,
  buildMs: number,
  sourceBaseUrl: string | null,
  indexFrom: EngineStats['indexFrom'],
): Engine {
  const { facts, trade, topics, factMs } = extracted;
  return {
    corpus,
    facts,
    trade,
    indexedFacts,
    index,
    sourceBaseUrl,
    topics,
    lexicon: loadLexicon(),
    derived: deriveFrom(corpus),
    stats: {
      files: corpus.articles.length,
      sentences: corpus.sentences.length,
      facts: indexedFacts.length,
      skipped: corpus.warnings.length,
      dateRange: dateRange(corpus),
      factMs,
      buildMs,
      indexFrom,
    },
  };
}

/**
 * Builds the index while the facts are still being extracted: the bulk build
 * reads its documents in order, so it indexes the sentences first and is only
 * let past them once the fact documents are appended. The index is the one
 * `buildIndex` makes over all the documents at once.
 */
async function buildEngine(
  corpus: Corpus,
  facts: Promise<Extracted>,
  sourceBaseUrl: string | null,
): Promise<Engine> {
  const started = performance.now();
  const docs = await sliced(sentenceDocSteps(corpus));
  const sentences = docs.length;
  let furthest = -1;
  const reading = new Proxy(docs, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key !== 'length') {
        const i = Number(key);
        if (i > furthest) furthest = i;
      }
      return Reflect.get(target, key, receiver);
    },
  });
  const steps = miniSearchSteps(reading);
  // A step indexes up to 64 documents (src/index/build.ts): it may go on only while it cannot reach past the sentences.
  const ahead = 64;
  let pending = true;
  const extracted = facts.finally(() => {
    pending = false;
  });
  let step: ReturnType<typeof steps.next> | undefined;
  let sliceStart = performance.now();
  while (pending && furthest + ahead < sentences) {
    step = steps.next();
    if (step.done) break;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  const waitStarted = performance.now();
  const got = await extracted;
  const waitMs = performance.now() - waitStarted;
  const indexedFacts = indexedFactsOf(got.facts, got.trade);
  for (const doc of factDocs(corpus, indexedFacts)) docs.push(doc);
  const rest = (function* () {
    let next = step ?? steps.next();
    while (!next.done) {
      yield;
      next = steps.next();
    }
    return next.value;
  })();
  let { mini, surface } = await sliced(rest);
  // Should the bulk build ever take longer steps than `ahead`, it ended at the sentences: build again over all.
  if (mini.documentCount !== docs.length) ({ mini, surface } = await sliced(miniSearchSteps(docs)));
  const index = await sliced(
    (function* () {
      return yield* wrapSteps(mini, docs, yield* spellingSteps(surface));
    })(),
  );
  // The index's own time, not the wait for the facts.
  const buildMs = performance.now() - started - waitMs;
  return assemble(corpus, got, indexedFacts, index, buildMs, sourceBaseUrl, 'built');
}

function sliced<T>(steps: Steps<T>): Promise<T> {
  return driveAsync(steps, SLICE_MS);
}

/**
 * The engine from a snapshot of this corpus when there is a usable one;
 * otherwise built, and the snapshot written for next time. Why a snapshot
 * was not used is in `stats.snapshot`.
 */
async function engineWithSnapshot(
  corpus: Corpus,
  file: string,
  facts: () => Promise<Extracted>,
  sourceBaseUrl: string | null,
): Promise<Engine> {
  const identity = { corpusHash: corpus.hash, factsVersion: BUILD_VERSION };
  const sentenceDocs = await sliced(sentenceDocSteps(corpus));
  const loaded = await loadSnapshot(file, { ...identity, sentenceDocs }, snapshotFactsSchema);
  if (!('reason' in loaded) && loaded.facts) {
    const indexedFacts = indexedFactsOf(loaded.facts.facts, loaded.facts.trade);
    if (loaded.index.docs.length === factDocId({ corpus }, indexedFacts.length)) {
      const extracted = { ...loaded.facts, factMs: 0 };
      const engine = assemble(
        corpus,
        extracted,
        indexedFacts,
        loaded.index,
        loaded.ms,
        sourceBaseUrl,
        'snapshot',
      );
      return { ...engine, stats: { ...engine.stats, snapshot: `loaded ${file}` } };
    }
  }
  const why = 'reason' in loaded ? loaded.reason : 'it does not match the facts';
  const damaged = 'reason' in loaded ? loaded.damaged === true : true;
  const engine = await buildEngine(corpus, facts(), sourceBaseUrl);
  const saved = await saveSnapshot(file, {
    ...identity,
    index: engine.index,
    facts: { facts: engine.facts, trade: engine.trade, topics: engine.topics } satisfies SnapshotFacts,
  });
  const note =
    'error' in saved ? `not used (${why}); not saved (${saved.error})` : `not used (${why}); saved ${file}`;
  return {
    ...engine,
    stats: { ...engine.stats, snapshot: note, ...(damaged ? { snapshotDamaged: why } : {}) },
  };
}

/** Builds an engine over an already loaded corpus, on this thread, at once. */
export function engineFromCorpus(corpus: Corpus, options: Pick<EngineOptions, 'sourceBaseUrl'> = {}): Engine {
  const extracted = extract(corpus);
  const indexedFacts = indexedFactsOf(extracted.facts, extracted.trade);
  const started = performance.now();
  const docs = [...drive(sentenceDocSteps(corpus)), ...factDocs(corpus, indexedFacts)];
  const { mini, surface } = drive(miniSearchSteps(docs));
  const index = drive(wrapSteps(mini, docs, drive(spellingSteps(surface))));
  const buildMs = performance.now() - started;
  return assemble(corpus, extracted, indexedFacts, index, buildMs, options.sourceBaseUrl ?? null, 'built');
}

function loadOptions(options: Pick<EngineOptions, 'root' | 'maxFileBytes'>): LoadOptions {
  return {
    ...(options.root !== undefined ? { root: options.root } : {}),
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
  };
}

/**
 * Loads the corpus folder and makes the engine: from the snapshot when one
 * fits, else built (the facts extracted in a worker thread meanwhile). A
 * missing folder is a value, not an exception.
 */
export async function createEngine(options: EngineOptions): Promise<Engine | CorpusError> {
  return makeEngine(options);
}

/** createEngine, and a rebuild's (with a file's last good version from the engine answering now). */
async function makeEngine(options: EngineOptions, current?: Engine): Promise<Engine | CorpusError> {
  const job: EngineJob = { citebotFacts: { corpusDir: options.corpusDir, ...loadOptions(options) } };
  let worker: WorkerRun | undefined;
  // The worker starts at once for a build, loading the corpus beside this thread; with a snapshot, only when it is needed.
  const startWorker = () => {
    worker ??= runWorker(job, current);
    return worker;
  };
  if (!options.snapshotFile || !existsSync(options.snapshotFile)) startWorker();
  try {
    const lastGood = current ? lastGoodOf(current) : undefined;
    const corpus = await loadCorpus(options.corpusDir, {
      ...loadOptions(options),
      ...(lastGood ? { lastGood } : {}),
    });
    if ('error' in corpus) return corpus;
    const factsOf = () => factsFor(corpus, startWorker());
    const sourceBaseUrl = options.sourceBaseUrl ?? null;
    if (options.snapshotFile)
      return await engineWithSnapshot(corpus, options.snapshotFile, factsOf, sourceBaseUrl);
    return await buildEngine(corpus, factsOf(), sourceBaseUrl);
  } finally {
    worker?.stop();
  }
}

/** A file's version in an engine, for a file that stopped parsing. */
function lastGoodOf(engine: Engine): (file: string) => Promise<Article | undefined> {
  return (file) => Promise.resolve(engine.corpus.articles.find((a) => a.path === file));
}

/**
 * The facts of `corpus`, from the worker when it read the same corpus (a
 * file can change between two reads); else extracted here.
 */
async function factsFor(corpus: Corpus, worker: WorkerRun): Promise<Extracted> {
  const result = await worker.result;
  if ('extracted' in result && result.corpusHash === corpus.hash) return result.extracted;
  return extract(corpus);
}

// ─────────────── the live engine: rebuilt in a worker, swapped in ───────────────

/** The engine answering now, and its rebuild. */
export interface EngineHost {
  /** The engine to answer with; read it once per question, so that one question sees one engine. */
  current(): Engine;
  /**
   * Reloads the corpus and rebuilds the engine (the facts in a worker thread,
   * the index here in time slices), then swaps it in. A folder that cannot be
   * read is a value and nothing changes; a build that fails (a bug) rejects.
   */
  rebuild(): Promise<{ engine: Engine; before: Engine } | CorpusError>;
}

/**
 * The host of an engine, rebuilt from `source`: the folder's options, or (for
 * tests) a function that makes the next engine from the current one.
 */
export function createEngineHost(
  engine: Engine,
  source: Omit<EngineOptions, 'snapshotFile'> | ((current: Engine) => Promise<Engine | CorpusError>),
): EngineHost {
  let live = engine;
  const build =
    typeof source === 'function'
      ? source
      : (current: Engine) => makeEngine({ ...source, snapshotFile: undefined }, current);
  return {
    current: () => live,
    rebuild: async () => {
      const before = live;
      const built = await build(before);
      if ('error' in built) return built;
      // The swap is this one assignment: nothing else holds an engine, so nothing can see half of one.
      live = built;
      return { engine: built, before };
    },
  };
}

// ─────────────── the worker: load the corpus, extract its facts ───────────────

interface EngineJob {
  citebotFacts: LoadOptions & { corpusDir: string };
}

type FromWorker =
  | { corpusHash: string; body: Uint8Array; factMs: number }
  | CorpusError
  | { crashed: string }
  | { lastGood: string };
type WorkerResult = { corpusHash: string; extracted: Extracted } | CorpusError;

/** The main thread's answer to `{ lastGood: path }`: that file's article in the engine answering now. */
interface LastGood {
  file: string;
  article: Article | null;
}

interface WorkerRun {
  result: Promise<WorkerResult>;
  stop: () => void;
}

/**
 * The worker runs this module (its last lines), in its language. Under tsx
 * (TypeScript run as is, as the tests do) a worker does not inherit tsx's
 * loader, so it registers it first; compiled JavaScript runs as is.
 */
function workerEntry(): URL {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith('.ts')) return self;
  const boot =
    `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))};` +
    `register(); await import(${JSON.stringify(self.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

/**
 * Starts a worker that loads the corpus and extracts its facts. They come
 * back as snapshot body lines (src/index/snapshot.ts) in one transferred
 * buffer, decoded here in time slices: a structured clone of a large corpus's
 * facts would be decoded in one go, holding the event loop.
 */
function runWorker(job: EngineJob, current: Engine | undefined): WorkerRun {
  const worker = new Worker(workerEntry(), { workerData: job });
  const result = new Promise<WorkerResult>((resolve, reject) => {
    let settled = false;
    // Only the few files that stopped parsing are asked for, not the whole previous corpus.
    const onMessage = (message: FromWorker) => {
      if ('lastGood' in message) {
        const article = current?.corpus.articles.find((a) => a.path === message.lastGood) ?? null;
        worker.postMessage({ file: message.lastGood, article } satisfies LastGood);
        return;
      }
      worker.off('message', onMessage);
      settled = true;
      void worker.terminate();
      if ('crashed' in message) reject(new Error(`engine worker: ${message.crashed}`));
      else if ('error' in message) resolve(message);
      else {
        decodeExtracted(
          Buffer.from(message.body.buffer, message.body.byteOffset, message.body.byteLength),
        ).then(
          (data) =>
            resolve({ corpusHash: message.corpusHash, extracted: { ...data, factMs: message.factMs } }),
          reject,
        );
      }
    };
    worker.on('message', onMessage);
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`engine worker: exited with code ${code} before it was done`));
    });
  });
  // A build that did not need the worker (its corpus changed meanwhile) does not wait for it, nor fail by it.
  result.catch(() => {});
  return { result, stop: () => void worker.terminate() };
}

async function decodeExtracted(body: Buffer): Promise<SnapshotFacts> {
  try {
    return (await sliced(decodeBodySteps(body, z.unknown()))) as unknown as SnapshotFacts;
  } catch (err) {
    throw new Error(`engine worker: unreadable facts (${(err as Error).message})`);
  }
}

/** Asks the main thread for a file's version in the engine answering now. */
function askLastGood(file: string): Promise<Article | undefined> {
  return new Promise((resolve) => {
    const onReply = (reply: LastGood) => {
      if (reply.file !== file) return;
      parentPort?.off('message', onReply);
      resolve(reply.article ?? undefined);
    };
    parentPort?.on('message', onReply);
    parentPort?.postMessage({ lastGood: file } satisfies FromWorker);
  });
}

/** The worker's job: load the corpus, extract its facts, send them back as one buffer. */
async function runJob(job: EngineJob): Promise<{ message: FromWorker; transfer: ArrayBuffer[] }> {
  const { corpusDir, ...load } = job.citebotFacts;
  const corpus = await loadCorpus(corpusDir, { ...load, lastGood: askLastGood });
  if ('error' in corpus) return { message: corpus, transfer: [] };
  const { factMs, ...data } = await extract(corpus);
  const body = encodeBody(data as unknown as Record<string, unknown>);
  const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return {
    message: { corpusHash: corpus.hash, body: bytes, factMs },
    transfer:
      body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? [body.buffer as ArrayBuffer] : [],
  };
}

// Only a worker started by runWorker has a job; any other import of this module does nothing here.
const job = isMainThread ? undefined : (workerData as Partial<EngineJob> | undefined);
if (job?.citebotFacts) {
  runJob(job as EngineJob).then(
    ({ message, transfer }) => parentPort?.postMessage(message, transfer),
    (err: unknown) => parentPort?.postMessage({ crashed: (err as Error).stack ?? String(err) }),
  );
}
