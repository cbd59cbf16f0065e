import { createClient } from 'redis';
import type { Logger } from '../logger.js';
import { type Store, type Stores, StoreUnavailable } from './types.js';

/** A store call that takes longer fails: an answer must not wait on Redis past Discord's 3 s. */
export const REDIS_OP_TIMEOUT_MS = 500;
/** How long start-up waits for a first connection before it goes on without (and keeps trying). */
export const REDIS_CONNECT_WAIT_MS = 2000;
/** The longest pause between reconnection attempts. */
const RECONNECT_AT_MOST_MS = 2000;

/**
 * A cooldown in one round trip: take the key for ARGV[1] ms if it is free
 * (0), else the ms it still has. Atomic: two processes taking the same key at
 * once cannot both get 0.
 */
const TAKE = `
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
  return 0
end
return left`;

type Client = ReturnType<typeof createClient>;

/** A Store over a namespace of Redis keys (`prefix` + key). */
class RedisStore implements Store {
  readonly #client: Client;
  readonly #prefix: string;

  constructor(client: Client, prefix: string) {
    this.#client = client;
    this.#prefix = prefix;
  }

  async #run<T>(what: string, op: () => Promise<T>): Promise<T> {
    if (!this.#client.isReady) throw new StoreUnavailable('Redis is not connected');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailable(`Redis did not answer ${what} within ${REDIS_OP_TIMEOUT_MS} ms`)),
        REDIS_OP_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([op(), late]);
    } catch (err) {
      if (err instanceof StoreUnavailable) throw err;
      throw new StoreUnavailable(`${what}: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.#run('SET', async () => {
      await this.#client.set(this.#prefix + key, value, { expiration: { type: 'PX', value: ttlMs } });
    });
  }

  get(key: string, touchMs?: number): Promise<string | undefined> {
    return this.#run('GET', async () => {
      const k = this.#prefix + key;
      const value =
        touchMs === undefined
          ? await this.#client.get(k)
          : await this.#client.getEx(k, { type: 'PX', value: touchMs });
      return value ?? undefined;
    });
  }

  claim(key: string, ttlMs: number): Promise<boolean> {
    return this.#run('SET NX', async () => {
      const set = await this.#client.set(this.#prefix + key, '1', {
        expiration: { type: 'PX', value: ttlMs },
        condition: 'NX',
      });
      return set === 'OK';
    });
  }

  take(key: string, ms: number): Promise<number> {
    return this.#run('cooldown', async () => {
      const left = await this.#client.eval(TAKE, {
        keys: [this.#prefix + key],
        arguments: [String(Math.max(1, Math.round(ms)))],
      });
      return Number(left);
    });
  }
}

export interface RedisStoresOptions {
  url: string;
  logger: Logger;
  /** Put before every key: `citebot:` by default; a test run uses its own and cleans it up. */
  prefix?: string;
}

/**
 * The stores in Redis, for several processes. Commands are never queued
 * while Redis is away (they fail at once, and the callers go on without);
 * the client reconnects by itself. The log says when Redis goes away and when
 * it is back, once each.
 */
export function redisStores(options: RedisStoresOptions): Stores {
  const { logger } = options;
  const prefix = options.prefix ?? 'citebot:';
  const where = new URL(options.url).host;
  const client: Client = createClient({
    url: options.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: REDIS_CONNECT_WAIT_MS,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 6), RECONNECT_AT_MOST_MS),
    },
  });
  let up: boolean | null = null;
  client.on('ready', () => {
    if (up === false)
      logger.info({ redis: where }, 'Redis is back: shared state (paging, cooldowns, dedupe) works again');
    else logger.info({ redis: where }, 'shared state in Redis');
    up = true;
  });
  client.on('error', (err: Error) => {
    if (up === false) return;
    up = false;
    logger.warn(
      { redis: where, err: err.message },
      'Redis is unreachable: answering without shared state (paging unavailable, cooldowns and dedupe per process) until it is back',
    );
  });
  const ready = (async () => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      client.connect().then(
        () => {},
        () => {},
      ),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, REDIS_CONNECT_WAIT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (!client.isReady && up === null) {
      up = false;
      logger.warn(
        { redis: where },
        'Redis is unreachable at start; answering without shared state, and trying again',
      );
    }
  })();
  return {
    kind: 'redis',
    shown: new RedisStore(client, `${prefix}shown:`),
    cooldowns: new RedisStore(client, `${prefix}cooldown:`),
    answered: new RedisStore(client, `${prefix}answered:`),
    ready,
    async close() {
      await ready;
      client.removeAllListeners('error');
      client.on('error', () => {});
      if (client.isOpen) await client.close().catch(() => client.destroy());
      else client.destroy();
    },
  };
}
