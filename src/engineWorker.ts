import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadCorpus } from './corpus/load.js';
import type { Article } from './corpus/types.js';
import { type EngineJob, engineParts, type FromEngineWorker, type LastGood } from './engine.js';

/**
 * The worker thread of a rebuild (createEngineInWorker in src/engine.ts):
 * loads the corpus and extracts its facts, the slow part, and posts them back.
 */

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

async function runJob(job: EngineJob): Promise<FromEngineWorker> {
  const { corpusDir, ...load } = job.citebotEngineParts;
  const corpus = await loadCorpus(corpusDir, { ...load, lastGood: askLastGood });
  if ('error' in corpus) return corpus;
  return { parts: engineParts(corpus) };
}

const job = isMainThread ? undefined : (workerData as Partial<EngineJob> | undefined);
if (job?.citebotEngineParts) {
  runJob(job as EngineJob).then(
    (result) => parentPort?.postMessage(result),
    (err: unknown) => parentPort?.postMessage({ crashed: (err as Error).stack ?? String(err) }),
  );
}
