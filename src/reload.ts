import { existsSync, type FSWatcher, statSync, watch } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CorpusSize, ReloadOutcome } from './answer/reload.js';
import type { CommandContext } from './commands/contract.js';
import type { CorpusError } from './corpus/load.js';
import { logCorpusWarnings } from './corpus/warnings.js';
import { createEngineHost, type Engine, type EngineHost } from './engine.js';
import type { Logger } from './logger.js';

/** Editors save in several steps (temp file, rename, chmod): one reload after the last of them. */
export const RELOAD_DEBOUNCE_MS = 300;
/** How often a corpus folder that is gone (renamed away, deleted) is looked for, to watch it again. */
export const FOLDER_POLL_MS = 2000;
/** What the corpus loader reads; other files changing (editor swap files) is no reason to reload. */
const ARTICLE_FILE = /\.(txt|md)$/i;

export interface ReloaderOptions {
  /** The context answering now; its engine is the host's. */
  context: CommandContext;
  /** The engine answering now, and how it is rebuilt and swapped (src/engine.ts). */
  host?: EngineHost;
  /** Instead of a host: how the next engine is made from the current one (tests). */
  build?: (current: Engine) => Promise<Engine | CorpusError>;
  logger: Logger;
  /** Reload when an article in this folder changes; null or absent: only when asked. */
  watchDir?: string | null;
  debounceMs?: number;
  /** How often a watched folder that is gone is looked for (default FOLDER_POLL_MS). */
  pollMs?: number;
}

export interface Reloader {
  /**
   * The context to answer with. Read it once per question: a question then
   * sees one index throughout, the old or the new, never a mix.
   */
  current: () => CommandContext;
  /**
   * Rebuilds the index and swaps it in. Questions keep being answered from the
   * previous index meanwhile. Asked during a rebuild, it waits for one more
   * rebuild after it (the change that prompted it may have come too late for
   * the one under way); everyone asking meanwhile shares that one.
   */
  reload: (reason: string) => Promise<ReloadOutcome>;
  /** Whether the corpus folder is being watched. */
  readonly watching: boolean;
  /** Stops watching; a reload under way still finishes. */
  close: () => void;
}

function sizeOf(engine: Engine): CorpusSize {
  return { files: engine.stats.files, sentences: engine.stats.sentences };
}

/**
 * The context citebot answers with, over the engine host's engine, rebuilt
 * when asked (`/reload`) or when the corpus folder changes (debounced
 * `fs.watch`): when to rebuild, one at a time, and what to log and answer.
 */
export function createReloader(options: ReloaderOptions): Reloader {
  const { logger } = options;
  const debounceMs = options.debounceMs ?? RELOAD_DEBOUNCE_MS;
  const watchDir = options.watchDir ? path.resolve(options.watchDir) : null;
  const host =
    options.host ??
    createEngineHost(
      options.context.engine,
      options.build ??
        (() => {
          throw new Error('reload: createReloader needs a host or a build');
        }),
    );
  let context: CommandContext = { ...options.context, reload: (reason) => reloadAndWatch(reason) };
  /** The context over the host's engine now: a new one only after a swap. */
  const currentContext = (): CommandContext => {
    const engine = host.current();
    if (context.engine !== engine) context = { ...context, engine };
    return context;
  };
  let running: Promise<ReloadOutcome> | null = null;
  let queued: Promise<ReloadOutcome> | null = null;
  let watcher: FSWatcher | null = null;
  /** The watched folder's inode: a folder deleted and made again needs a new watch. */
  let watchedIno: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  /** Set while the watched folder is gone: looks for it to come back. */
  let poll: NodeJS.Timeout | undefined;
  let closed = false;

  async function rebuild(reason: string): Promise<ReloadOutcome> {
    const kept = sizeOf(host.current());
    const started = performance.now();
    let rebuilt: Awaited<ReturnType<EngineHost['rebuild']>>;
    try {
      rebuilt = await host.rebuild();
    } catch (err) {
      // A bug in loading or indexing must not take the bot down: the previous index still answers.
      logger.error(
        { reason, err, kept },
        'corpus reload failed with an unexpected error; still answering from the previous index',
      );
      return { ok: false, error: `unexpected error (${(err as Error).message})`, kept };
    }
    if ('error' in rebuilt) {
      logger.error(
        { reason, error: rebuilt.error, kept },
        `corpus reload failed: ${rebuilt.error}; still answering from the previous index`,
      );
      return { ok: false, error: rebuilt.error, kept };
    }
    const { engine: built, before } = rebuilt;
    const outcome: ReloadOutcome = {
      ok: true,
      ...sizeOf(built),
      skipped: built.corpus.warnings.filter((w) => !w.kept).length,
      stale: built.corpus.warnings.filter((w) => w.kept).length,
      before: sizeOf(before),
      changed: built.corpus.hash !== before.corpus.hash,
      tookMs: Number((performance.now() - started).toFixed(1)),
    };
    logCorpusWarnings(built, logger);
    const { ok: _, ...fields } = outcome;
    logger.info({ reason, ...fields }, 'corpus reloaded');
    return outcome;
  }

  function reload(reason: string): Promise<ReloadOutcome> {
    if (running === null) {
      const run = rebuild(reason).finally(() => {
        running = null;
      });
      running = run;
      return run;
    }
    queued ??= running.then(() => {
      queued = null;
      return reload(reason);
    });
    return queued;
  }

  function stopWatching(): void {
    watcher?.close();
    watcher = null;
    watchedIno = null;
  }

  function inode(): number | null {
    try {
      return watchDir ? statSync(watchDir).ino : null;
    } catch {
      return null;
    }
  }

  /**
   * The folder is gone (renamed away, deleted, or its watch failed): look for
   * it every `pollMs`, and once it is back, watch it again and reload, so a
   * `git checkout` or an rsync swap does not end watching for good.
   */
  function pollForFolder(why: string): void {
    stopWatching();
    if (poll || closed || !watchDir) return;
    const every = options.pollMs ?? FOLDER_POLL_MS;
    logger.warn(
      { dir: watchDir, why, pollMs: every },
      `stopped watching: the corpus folder is gone (${why}); looking for it every ${every} ms`,
    );
    poll = setInterval(() => {
      if (inode() === null) return;
      clearInterval(poll);
      poll = undefined;
      startWatching();
      logger.info(
        { dir: watchDir, watching: watcher !== null },
        'the corpus folder is back; watching it again',
      );
      void reloadForChange('corpus folder is back');
    }, every);
    poll.unref();
  }

  /** A reload the watcher asked for; it also notices a folder gone, or replaced by a new one. */
  async function reloadForChange(reason = 'corpus folder changed'): Promise<void> {
    await reload(reason);
    if (closed) return;
    const now = inode();
    if (now === null) {
      if (watcher) pollForFolder('renamed or deleted');
    } else if (now !== watchedIno) {
      stopWatching();
      startWatching();
    }
  }

  function startWatching(): void {
    if (watcher || !watchDir || closed) return;
    try {
      const ino = inode();
      watcher = watch(watchDir, { persistent: false }, (_event, file) => {
        const name = file === null ? null : String(file);
        if (name !== null && !ARTICLE_FILE.test(name) && existsSync(watchDir)) return;
        clearTimeout(timer);
        timer = setTimeout(() => void reloadForChange(), debounceMs);
        timer.unref();
      });
      watchedIno = ino;
      clearInterval(poll);
      poll = undefined;
    } catch (err) {
      if (inode() === null) {
        pollForFolder('it cannot be found');
        return;
      }
      logger.warn(
        { dir: watchDir, err },
        'cannot watch the corpus folder; changes are picked up by /reload only',
      );
      return;
    }
    watcher.on('error', (err) => {
      logger.warn({ dir: watchDir, err }, 'the corpus folder watch failed');
      pollForFolder(`its watch failed: ${err.message}`);
    });
  }

  /** A reload asked for (`/reload`): a folder that came back after watching stopped is watched again. */
  async function reloadAndWatch(reason: string): Promise<ReloadOutcome> {
    const outcome = await reload(reason);
    if (outcome.ok && !closed && watchDir && (watcher === null || inode() !== watchedIno)) {
      stopWatching();
      startWatching();
    }
    return outcome;
  }

  startWatching();

  return {
    current: currentContext,
    reload: reloadAndWatch,
    get watching() {
      return watcher !== null;
    },
    close: () => {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      stopWatching();
    },
  };
}
