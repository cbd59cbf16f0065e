import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';

/** An interaction token lives 15 minutes: a delivery of an id older than that can no longer be answered anyway. */
export const REMEMBER_ANSWERED_MS = 15 * 60_000;

/**
 * Whether this is the first delivery of an interaction, across every process
 * sharing the store: a gateway replay after a RESUME, or the same interaction
 * reaching two processes, is answered once. When the store cannot be reached
 * it is answered (a duplicate answer is better than none), and the log says so.
 */
export async function firstDelivery(answered: Store, id: string, logger: Logger): Promise<boolean> {
  try {
    if (await answered.claim(id, REMEMBER_ANSWERED_MS)) return true;
  } catch (err) {
    logger.warn(
      { interactionId: id, store: (err as Error).message },
      'cannot check for a duplicate delivery; answering',
    );
    return true;
  }
  logger.info({ interactionId: id }, 'interaction delivered again; already answered');
  return false;
}
