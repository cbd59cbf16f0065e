import type { Logger } from '../logger.js';
import type { InteractionHandler } from './interactions.js';

/**
 * How long a shutdown waits for interactions being answered before it tells
 * those still waiting that citebot is restarting. With that, and the client
 * closing its connection, under the 10 s that `docker stop` (and most
 * supervisors) give before SIGKILL.
 */
export const SHUTDOWN_GRACE_MS = 6000;
/** How long a shutdown waits for Discord to take the "restarting" messages. */
export const GOODBYE_MS = 1500;

/** The interactions a transport is answering now, so that a shutdown can finish them. */
export class InFlight {
  readonly #work = new Set<Promise<void>>();

  get size(): number {
    return this.#work.size;
  }

  track(work: Promise<void>): void {
    const done = work.finally(() => this.#work.delete(done));
    this.#work.add(done);
  }

  /**
   * Waits up to `graceMs` for the interactions under way; then tells those
   * still waiting that citebot is restarting (waiting up to GOODBYE_MS for
   * Discord to take it). Logs which happened.
   */
  async drain(handle: InteractionHandler, logger: Logger, graceMs = SHUTDOWN_GRACE_MS): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), graceMs);
    });
    const settled = await Promise.race([Promise.allSettled([...this.#work]), grace]);
    clearTimeout(timer);
    if (settled !== 'late') {
      logger.info('interactions under way are answered');
      return;
    }
    const unfinished = this.#work.size;
    let goodbye: NodeJS.Timeout | undefined;
    const told = await Promise.race([
      handle.abandon(),
      new Promise<'late'>((resolve) => {
        goodbye = setTimeout(() => resolve('late'), GOODBYE_MS);
      }),
    ]);
    clearTimeout(goodbye);
    logger.warn(
      { unfinished, told, graceMs },
      'interactions still under way; told those waiting that citebot is restarting, stopping',
    );
  }
}
