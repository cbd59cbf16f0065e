import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type CorpusError, loadCorpus } from './corpus/load.js';
import type { Article } from './corpus/types.js';
import {
  type Engine,
  type EngineOptions,
  type EngineParts,
  engineFromPartsAsync,
  engineParts,
} from './engine.js';

/**
 * Builds an engine with its slow part, loading the corpus and extracting the
 * facts, in a worker thread, so that the bot's event loop stays free to answer
 * from the current index meanwhile (a rebuild of a 60,000-sentence corpus
 * takes seconds; Discord waits 3 s for an answer). Only the index is built on
 * the calling thread, in slices that yield to the event loop.
 */

type FromWorker = { parts: EngineParts } | CorpusError | { crashed: string } | { lastGood: string };
/** The main thread's answer to `{ lastGood: path }`: that file's article in the index answering now. */
interface LastGood {
  file: string;
  article: Article | null;
}

interface Job {
  citebotEngineParts: Pick<EngineOptions, 'corpusDir' | 'root' | 'maxFileBytes'>;
}

/**
 * The worker runs this very module. Under tsx (TypeScript run as is, as `npm
 * start` does) a worker does not inherit tsx's loader, so it registers it
 * first; compiled JavaScript runs as is.
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
  const job: Job = {
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
    const onMessage = (result: FromWorker) => {
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

/** Asks the main thread for a file's version in the index answering now. */
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

async function runJob(job: Job): Promise<FromWorker> {
  const { corpusDir, ...load } = job.citebotEngineParts;
  const corpus = await loadCorpus(corpusDir, { ...load, lastGood: askLastGood });
  if ('error' in corpus) return corpus;
  return { parts: engineParts(corpus) };
}

const job = isMainThread ? undefined : (workerData as Partial<Job> | undefined);
if (job?.citebotEngineParts) {
  runJob(job as Job).then(
    (result) => parentPort?.postMessage(result),
    (err: unknown) => parentPort?.postMessage({ crashed: (err as Error).stack ?? String(err) }),
  );
}
