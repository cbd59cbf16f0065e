import type { Logger } from '../logger.js';
import type { Corpus } from './types.js';

/** What the log needs of a built corpus: its warnings, its folder and how many articles were read. */
export interface CorpusReport {
  corpus: Pick<Corpus, 'warnings' | 'dir'>;
  stats: { files: number };
}

/** What an empty corpus folder is told, at start-up and after a reload. */
export function emptyCorpusMessage(dir: string): string {
  return `the corpus is empty: ${dir} holds no readable .txt or .md article; add some (citebot picks them up when it reloads)`;
}

/** One warning per skipped file, and one when nothing is left to answer from. */
export function logCorpusWarnings(engine: CorpusReport, logger: Logger): void {
  for (const warning of engine.corpus.warnings) {
    const what = warning.kept ? `${warning.file} does not parse` : `skipped ${warning.file}`;
    logger.warn(
      { file: warning.file, reason: warning.reason, ...(warning.kept ? { kept: true } : {}) },
      `${what}: ${warning.reason}`,
    );
  }
  if (engine.stats.files === 0)
    logger.warn({ dir: engine.corpus.dir }, emptyCorpusMessage(engine.corpus.dir));
}
