import type { Logger } from '../logger.js';
import { memoryStores } from './memory.js';
import { redisStores } from './redis.js';
import type { Stores } from './types.js';

export type { Store, Stores } from './types.js';
export { StoreUnavailable } from './types.js';

/** The stores the settings ask for: Redis with `REDIS_URL`, else this process's memory. */
export function openStores(
  config: { REDIS_URL?: string | undefined; REDIS_PREFIX?: string },
  logger: Logger,
): Stores {
  if (!config.REDIS_URL) return memoryStores();
  return redisStores({
    url: config.REDIS_URL,
    logger,
    ...(config.REDIS_PREFIX ? { prefix: config.REDIS_PREFIX } : {}),
  });
}
