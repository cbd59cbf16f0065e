import type { CommandContext } from './commands/contract.js';
import { loadCommands } from './commands/registry.js';
import type { Config } from './config.js';
import type { CorpusError } from './corpus/load.js';
import { createEngine } from './engine.js';
import type { Logger } from './logger.js';

/**
 * Loads the commands and the corpus, and logs one warning per skipped file.
 * A corpus folder that cannot be read is a value; a bad command file throws
 * (start-up must stop).
 */
export async function bootstrap(
  config: Pick<Config, 'CORPUS_DIR' | 'SOURCE_BASE_URL'>,
  logger: Logger,
): Promise<CommandContext | CorpusError> {
  const commands = await loadCommands();
  const engine = await createEngine({
    corpusDir: config.CORPUS_DIR,
    sourceBaseUrl: config.SOURCE_BASE_URL ?? null,
  });
  if ('error' in engine) return engine;
  for (const warning of engine.corpus.warnings) {
    logger.warn({ file: warning.file, reason: warning.reason }, `skipped ${warning.file}: ${warning.reason}`);
  }
  logger.info(
    {
      files: engine.stats.files,
      sentences: engine.stats.sentences,
      buildMs: Math.round(engine.stats.buildMs),
    },
    'corpus indexed',
  );
  return { engine, commands };
}
