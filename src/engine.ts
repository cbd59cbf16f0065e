import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type CorpusError, loadCorpus } from './corpus/load.js';
import { corpusTopics, type Topics } from './corpus/topics.js';
import type { Article, Corpus, Sentence } from './corpus/types.js';
import { extractFacts, type Facts } from './facts/index.js';
import { type IndexedFact, indexedFactsOf, indexTextOf } from './facts/kinds/index.js';
import { summarizeTrade, type TradeLine } from './facts/tradeSummary.js';
import { buildIndex, buildIndexAsync, type IndexDoc, type SearchIndex } from './index/searchIndex.js';
import { loadSnapshot, saveSnapshot } from './index/snapshot.js';
import { type SnapshotFacts, snapshotFactsSchema } from './index/snapshotFacts.js';
import { type Lexicon, loadLexicon } from './text/lexicon.js';

export type { Topics } from './corpus/topics.js';
export type { IndexedFact } from './facts/kinds/index.js';

import { dateKeywords, yearOfDate } from './text/periods.js';

export interface EngineStats {
  files: number;
  sentences: number;
  /** Facts in the index (people, trade figures, agreements, meetings). */
  facts: number;
  /** Files skipped, with why. */
  skipped: number;
  /** Earliest and latest article date, when any article is dated. */
  dateRange: [string, string] | null;
  /** Time to extract the facts, in ms. */
  factMs: number;
  /** Time to build the index (or load its snapshot), in ms. */
  buildMs: number;
  /** Whether the index was built or loaded from a snapshot. */
  indexFrom: 'built' | 'snapshot';
  /** What became of the snapshot, when one was asked for. */
  snapshot?: string;
  /** Why the snapshot was damaged (not merely out of date), when it was: worth a warning. */
  snapshotDamaged?: string;
}

/** Everything a command needs to answer: the corpus, its index and settings. */
export interface Engine {
  corpus: Corpus;
  /** Every extracted fact. */
  facts: Facts;
  /** Trade figures merged across articles (what /trade shows). */
  trade: TradeLine[];
  /** The facts in the index, in index order: document id = sentence count + position. */
  indexedFacts: IndexedFact[];
  index: SearchIndex;
  /** Base of source links (`SOURCE_BASE_URL`), or null for plain `file:line`. */
  sourceBaseUrl: string | null;
  /** What the corpus talks about most, for "not found" hints. */
  topics: Topics;
  /** Related words questions are expanded with (one table, read once, shared by every engine). */
  lexicon: Lexicon;
  /** Lookups derived from the data above: made by the build, or once on first use. */
  derived: EngineDerived;
  stats: EngineStats;
}

/** Keys of the people's names, for questions about a person (see src/answer/ask.ts). */
export interface PeopleKeys {
  /** Keys of every word of the people's names and aliases. */
  names: Set<string>;
  /** Keys of the words of their names proper (not aliases, not countries): a question naming one is about that person. */
  people: Set<string>;
  /** Those words as spelled (see PlanOptions.peopleSpelled). */
  peopleSpelled: Set<string>;
}

/** The corpus's words, for reading the details of a claim (see src/answer/claimDetails.ts). */
export interface ClaimVocabulary {
  /** Keys of words the articles write in lower case: common words, never names. */
  common: ReadonlySet<string>;
  /** Keys of every word the articles use. */
  all: ReadonlySet<string>;
  /** Keys of the people's names. */
  persons: ReadonlySet<string>;
}

/**
 * Data derived from an engine's corpus, facts and index, held by the engine
 * so it lives and dies with it. What answer code needs only for some
 * questions is filled there on first use, once per engine.
 */
export interface EngineDerived {
  /** Each article by its file. */
  articleByFile: ReadonlyMap<string, Article>;
  /** Per answer type, 1 or 0 per index document: whether it holds such an answer (src/answer/answerType.ts). */
  documentsWith: Map<string, Uint8Array>;
  /** The people's name keys, on the first question (src/answer/ask.ts). */
  peopleKeys?: PeopleKeys;
  /** The corpus's words for /check, on the first check (src/answer/claimDetails.ts). */
  claimVocabulary?: ClaimVocabulary;
  /** The index whose sentence documents were checked to be the corpus's sentences (src/answer/rank.ts). */
  sentencesCheckedIndex?: SearchIndex;
  /** Per sentence, read on first need: the keys of the words a number counts ("27 documents") (src/answer/rank.ts). */
  countedWords?: Array<ReadonlySet<string> | undefined>;
  /** Per sentence, read on first need: each key of a list of things, and whether it only stands as a list item. */
  listedWords?: Array<ReadonlyMap<string, boolean> | undefined>;
}

function deriveFrom(corpus: Corpus): EngineDerived {
  return { articleByFile: new Map(corpus.articles.map((a) => [a.file, a])), documentsWith: new Map() };
}

export interface EngineOptions {
  corpusDir: string;
  /** Citations are relative to this folder (default: the working directory). */
  root?: string;
  sourceBaseUrl?: string | null;
  maxFileBytes?: number;
  /** Load the index and facts from this snapshot file when it matches the corpus; else build and save it. */
  snapshotFile?: string | undefined;
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
function sentenceDocs(corpus: Corpus): IndexDoc[] {
  const years = corpus.articles.map((a) => yearOfDate(a.meta.date));
  return corpus.sentences.map((s) => ({
    id: s.id,
    type: 'sentence',
    text: s.text,
    keywords: dateKeywords(s.text, years[s.article] ?? null),
  }));
}

/**
 * Index document ids: the corpus's sentences by their id (0 to n - 1), then
 * the facts in index order (n + their position). These functions are the one
 * place that knows it.
 */
type IdSpace = Pick<Engine, 'corpus' | 'indexedFacts'>;

/** What an index document holds: a sentence of the corpus, or a fact. */
export type IndexedDoc = { kind: 'sentence'; sentence: Sentence } | { kind: 'fact'; fact: IndexedFact };

/** Whether an index document id is a fact's (not a sentence's). */
export function isFactId(engine: Pick<Engine, 'corpus'>, id: number): boolean {
  return id >= engine.corpus.sentences.length;
}

/** The fact an index document id holds; undefined for a sentence's id (or none). */
export function factOf(engine: IdSpace, id: number): IndexedFact | undefined {
  return isFactId(engine, id) ? engine.indexedFacts[id - engine.corpus.sentences.length] : undefined;
}

/** The index document id of the fact at `position` in `indexedFacts`. */
export function factDocId(engine: Pick<Engine, 'corpus'>, position: number): number {
  return engine.corpus.sentences.length + position;
}

/** The sentence or fact an index document id holds; undefined for an id of neither. */
export function docOf(engine: IdSpace, id: number): IndexedDoc | undefined {
  if (!isFactId(engine, id)) {
    const sentence = engine.corpus.sentences[id];
    return sentence && { kind: 'sentence', sentence };
  }
  const fact = factOf(engine, id);
  return fact && { kind: 'fact', fact };
}

/** Every index document: the sentences, then the facts. */
function indexDocs(corpus: Corpus, indexed: readonly IndexedFact[]): IndexDoc[] {
  return [
    ...sentenceDocs(corpus),
    ...indexed.map((f, i) => ({ id: factDocId({ corpus }, i), type: 'fact' as const, ...indexTextOf(f) })),
  ];
}

/**
 * An engine but its index: plain data, so that a worker thread can build it
 * (the slow part: fact extraction) and hand it over (see src/reload.ts).
 */
interface EngineParts {
  corpus: Corpus;
  facts: Facts;
  trade: TradeLine[];
  indexedFacts: IndexedFact[];
  topics: Topics;
  factMs: number;
}

/** Extracts the facts and topics of a loaded corpus: the slow half of a build (a rebuild's worker does it). */
function engineParts(corpus: Corpus): EngineParts {
  const factsStarted = performance.now();
  const facts = extractFacts(corpus);
  const trade = summarizeTrade(facts.trade);
  const indexedFacts = indexedFactsOf(facts, trade);
  const factMs = performance.now() - factsStarted;
  return { corpus, facts, trade, indexedFacts, topics: corpusTopics(corpus), factMs };
}

/** The engine over its parts and a built (or loaded) index. */
function engineWithIndex(
  parts: EngineParts,
  index: SearchIndex,
  buildMs: number,
  options: Pick<EngineOptions, 'sourceBaseUrl'> & { indexFrom?: EngineStats['indexFrom'] } = {},
): Engine {
  const { corpus, facts, trade, indexedFacts, topics, factMs } = parts;
  return {
    corpus,
    facts,
    trade,
    indexedFacts,
    index,
    sourceBaseUrl: options.sourceBaseUrl ?? null,
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
      indexFrom: options.indexFrom ?? 'built',
    },
  };
}

/** Builds the index over engine parts, and the engine. */
function engineFromParts(parts: EngineParts, options: Pick<EngineOptions, 'sourceBaseUrl'> = {}): Engine {
  const started = performance.now();
  const index = buildIndex(indexDocs(parts.corpus, parts.indexedFacts));
  return engineWithIndex(parts, index, performance.now() - started, options);
}

/**
 * engineFromParts, with the index built in time slices so the event loop keeps
 * answering: the main thread's half of a rebuild (createEngineInWorker).
 */
async function engineFromPartsAsync(
  parts: EngineParts,
  options: Pick<EngineOptions, 'sourceBaseUrl'> = {},
): Promise<Engine> {
  const started = performance.now();
  const index = await buildIndexAsync(indexDocs(parts.corpus, parts.indexedFacts));
  return engineWithIndex(parts, index, performance.now() - started, options);
}

/**
 * The version of the code that turns articles into an engine: a hash of its
 * source (corpus reading, facts, text processing, index, this module), so a
 * snapshot made by other code is never loaded and nobody has to remember to
 * bump a version.
 */
const BUILD_VERSION: string = (() => {
  const hash = createHash('sha256');
  const here = fileURLToPath(new URL('./', import.meta.url));
  for (const dir of ['corpus', 'facts', 'facts/kinds', 'index', 'text', '.']) {
    const folder = path.join(here, dir);
    const names = readdirSync(folder).filter(
      (n) => /\.(ts|js)$/.test(n) && (dir !== '.' || /^engine\./.test(n)),
    );
    for (const name of names.sort())
      hash.update(`${dir}/${name}`).update(readFileSync(path.join(folder, name)));
  }
  return hash.digest('hex').slice(0, 16);
})();

/**
 * The engine from a snapshot of this corpus when there is a usable one;
 * otherwise built, and the snapshot written for next time. Why a snapshot
 * was not used is in `stats.snapshot`.
 */
async function engineWithSnapshot(
  corpus: Corpus,
  file: string,
  options: Pick<EngineOptions, 'sourceBaseUrl'>,
): Promise<Engine> {
  const identity = { corpusHash: corpus.hash, factsVersion: BUILD_VERSION };
  const loaded = await loadSnapshot(
    file,
    { ...identity, sentenceDocs: sentenceDocs(corpus) },
    snapshotFactsSchema,
  );
  if (!('reason' in loaded) && loaded.facts) {
    const { facts, trade, topics } = loaded.facts;
    const indexedFacts = indexedFactsOf(facts, trade);
    if (loaded.index.docs.length === factDocId({ corpus }, indexedFacts.length)) {
      const parts = { corpus, facts, trade, indexedFacts, topics, factMs: 0 };
      const engine = engineWithIndex(parts, loaded.index, loaded.ms, { ...options, indexFrom: 'snapshot' });
      return { ...engine, stats: { ...engine.stats, snapshot: `loaded ${file}` } };
    }
  }
  const why = 'reason' in loaded ? loaded.reason : 'it does not match the facts';
  const damaged = 'reason' in loaded ? loaded.damaged === true : true;
  const engine = engineFromCorpus(corpus, options);
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

/** Builds an engine over an already loaded corpus. */
export function engineFromCorpus(corpus: Corpus, options: Pick<EngineOptions, 'sourceBaseUrl'> = {}): Engine {
  return engineFromParts(engineParts(corpus), options);
}

/** Loads the corpus folder and builds the engine; a missing folder is a value, not an exception. */
export async function createEngine(options: EngineOptions): Promise<Engine | CorpusError> {
  const corpus = await loadCorpus(options.corpusDir, {
    ...(options.root !== undefined ? { root: options.root } : {}),
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
  });
  if ('error' in corpus) return corpus;
  const settings = { sourceBaseUrl: options.sourceBaseUrl ?? null };
  if (options.snapshotFile) return engineWithSnapshot(corpus, options.snapshotFile, settings);
  return engineFromCorpus(corpus, settings);
}

/**
 * Builds an engine with its slow part, loading the corpus and extracting the
 * facts, in a worker thread, so that the bot's event loop stays free to answer
 * from the current index meanwhile (a rebuild of a 60,000-sentence corpus
 * takes seconds; Discord waits 3 s for an answer). Only the index is built on
 * the calling thread, in slices that yield to the event loop.
 */

type FromEngineWorker = { parts: EngineParts } | CorpusError | { crashed: string } | { lastGood: string };
/** The main thread's answer to `{ lastGood: path }`: that file's article in the index answering now. */
interface LastGood {
  file: string;
  article: Article | null;
}

interface EngineJob {
  citebotEngineParts: Pick<EngineOptions, 'corpusDir' | 'root' | 'maxFileBytes'>;
}

/**
 * The worker runs this module (its last lines), in its language. Under tsx
 * (TypeScript run as is, as `npm start` does) a worker does not inherit tsx's
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
 * `createEngine`, with the corpus loaded and its facts extracted in a worker
 * thread. A corpus folder that cannot be read is a value; a worker that
 * fails (a bug, or out of memory) rejects.
 */
export function createEngineInWorker(
  options: EngineOptions,
  current?: Engine,
): Promise<Engine | CorpusError> {
  const job: EngineJob = {
    citebotEngineParts: {
      corpusDir: options.corpusDir,
      ...(options.root !== undefined ? { root: options.root } : {}),
      ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    },
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerEntry(), { workerData: job });
    let settled = false;
    // Only the few files that stopped parsing are asked for, not the whole previous corpus.
    const onMessage = (result: FromEngineWorker) => {
      if ('lastGood' in result) {
        const article = current?.corpus.articles.find((a) => a.path === result.lastGood) ?? null;
        worker.postMessage({ file: result.lastGood, article } satisfies LastGood);
        return;
      }
      worker.off('message', onMessage);
      settled = true;
      void worker.terminate();
      if ('crashed' in result) reject(new Error(`engine worker: ${result.crashed}`));
      else if ('error' in result) resolve(result);
      else {
        // The index is built here, in time slices: the bot keeps answering from the current one.
        engineFromPartsAsync(result.parts, { sourceBaseUrl: options.sourceBaseUrl ?? null }).then(
          resolve,
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
}

// ─────────────── the worker's half of a rebuild (createEngineInWorker) ───────────────

/** Asks the main thread for a file's version in the index answering now. */
function askLastGood(file: string): Promise<Article | undefined> {
  return new Promise((resolve) => {
    const onReply = (reply: LastGood) => {
      if (reply.file !== file) return;
      parentPort?.off('message', onReply);
      resolve(reply.article ?? undefined);
    };
    parentPort?.on('message', onReply);
    parentPort?.postMessage({ lastGood: file } satisfies FromEngineWorker);
  });
}

/** Loads the corpus and extracts its facts, the slow part, for the main thread to index. */
async function runJob(job: EngineJob): Promise<FromEngineWorker> {
  const { corpusDir, ...load } = job.citebotEngineParts;
  const corpus = await loadCorpus(corpusDir, { ...load, lastGood: askLastGood });
  if ('error' in corpus) return corpus;
  return { parts: engineParts(corpus) };
}

// Only a worker started by createEngineInWorker has a job; any other import of this module does nothing here.
const job = isMainThread ? undefined : (workerData as Partial<EngineJob> | undefined);
if (job?.citebotEngineParts) {
  runJob(job as EngineJob).then(
    (result) => parentPort?.postMessage(result),
    (err: unknown) => parentPort?.postMessage({ crashed: (err as Error).stack ?? String(err) }),
  );
}
