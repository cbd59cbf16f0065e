import type { CommandContext } from './commands/contract.js';
import { loadCommands } from './commands/registry.js';
import type { Config } from './config.js';
import type { CorpusError } from './corpus/load.js';
import { logCorpusWarnings } from './corpus/warnings.js';
import { createEngine, type EngineOptions } from './engine.js';
import { defaultSnapshotPath } from './index/snapshot.js';
import type { Logger } from './logger.js';

export type CorpusConfig = Pick<Config, 'CORPUS_DIR' | 'SOURCE_BASE_URL'> &
  Partial<Pick<Config, 'INDEX_SNAPSHOT'>>;

/** Where the engine comes from: the corpus settings as the engine's options (the snapshot only at start-up). */
export function engineOptions(config: CorpusConfig): EngineOptions {
  return {
    corpusDir: config.CORPUS_DIR,
    sourceBaseUrl: config.SOURCE_BASE_URL ?? null,
    snapshotFile: config.INDEX_SNAPSHOT ? defaultSnapshotPath(config.CORPUS_DIR) : undefined,
  };
}

/**
 * Loads the commands and the corpus, and logs one warning per skipped file.
 * A corpus folder that cannot be read is a value; a bad command file throws
 * (start-up must stop). An empty folder is not an error: citebot starts and
 * says so.
 */
export async function bootstrap(config: CorpusConfig, logger: Logger): Promise<CommandContext | CorpusError> {
  const commands = await loadCommands();
  const engine = await createEngine(engineOptions(config));
  if ('error' in engine) return engine;
  logCorpusWarnings(engine, logger);
  if (engine.stats.snapshotDamaged) {
    logger.warn(
      { snapshot: engine.stats.snapshot, why: engine.stats.snapshotDamaged },
      `the index snapshot is damaged (${engine.stats.snapshotDamaged}); rebuilt the index instead`,
    );
  }
  logger.info(
    {
      files: engine.stats.files,
      sentences: engine.stats.sentences,
      facts: engine.stats.facts,
      indexFrom: engine.stats.indexFrom,
      buildMs: Math.round(engine.stats.buildMs),
      ...(engine.stats.snapshot ? { snapshot: engine.stats.snapshot } : {}),
    },
    'corpus indexed',
  );
  return { engine, commands };
}
