import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisStores } from '../../src/store/redis.js';
import type { Stores } from '../../src/store/types.js';
import { captureLog } from '../support/captureLog.js';
import { cleanPrefix, countKeys, REDIS_URL, RedisProxy, redisProblem, testPrefix } from '../support/redis.js';

const problem = await redisProblem();
if (problem) console.warn(`test/store/redis.test.ts: Redis tests SKIPPED: ${problem}`);
const prefix = testPrefix();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(problem !== null)(`redisStores${problem ? ` (SKIPPED: ${problem})` : ''}`, () => {
  const log = captureLog();
  let a: Stores;
  let b: Stores;

  beforeAll(async () => {
    // Two clients, as two processes have.
    a = redisStores({ url: REDIS_URL, logger: log.logger, prefix });
    b = redisStores({ url: REDIS_URL, logger: log.logger, prefix });
    await Promise.all([a.ready, b.ready]);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cleanPrefix(prefix);
    expect(await countKeys(prefix)).toBe(0);
  });

  it('shares values across clients, with their expiry', async () => {
    await a.shown.set('k', 'v', 200);
    expect(await b.shown.get('k')).toBe('v');
    await sleep(250);
    expect(await b.shown.get('k')).toBeUndefined();
  });

  it('keeps a value for another ttl when a get touches it', async () => {
    await a.shown.set('t', 'v', 300);
    await sleep(200);
    expect(await b.shown.get('t', 300)).toBe('v');
    await sleep(200);
    expect(await a.shown.get('t')).toBe('v');
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).answered.claim('interaction-1', 10_000)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('lets exactly one of many concurrent cooldown takes through, and says how long is left', async () => {
    const taken = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).cooldowns.take('user-1', 2000)),
    );
    expect(taken.filter((left) => left === 0)).toHaveLength(1);
    for (const left of taken.filter((l) => l !== 0)) {
      expect(left).toBeGreaterThan(1000);
      expect(left).toBeLessThanOrEqual(2000);
    }
  });

  it('sets a TTL on every key it writes', async () => {
    const { createClient } = await import('redis');
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*` })) {
      for (const key of batch) expect(await client.pTTL(key), key).toBeGreaterThan(0);
    }
    await client.close();
  });

  it('rejects at once while Redis is away, says so in the log once, and works again when it is back', async () => {
    const proxy = new RedisProxy();
    await proxy.start();
    const cutLog = captureLog();
    const stores = redisStores({ url: proxy.url, logger: cutLog.logger, prefix });
    await stores.ready;
    await stores.shown.set('p', 'v', 10_000);
    await proxy.cut();
    await cutLog.waitFor((l) => String(l.msg).startsWith('Redis is unreachable'));
    const started = Date.now();
    await expect(stores.shown.get('p')).rejects.toThrow(/store unavailable/);
    expect(Date.now() - started).toBeLessThan(1000);
    await sleep(300);
    expect(cutLog.lines().filter((l) => String(l.msg).startsWith('Redis is unreachable'))).toHaveLength(1);
    await proxy.start();
    await cutLog.waitFor((l) => String(l.msg).startsWith('Redis is back'), 10_000);
    expect(await stores.shown.get('p')).toBe('v');
    await stores.close();
    await proxy.cut();
  });

  it('starts without Redis, saying so, and goes on trying', async () => {
    const proxy = new RedisProxy();
    await proxy.start();
    const port = proxy.port;
    await proxy.cut();
    const downLog = captureLog();
    const stores = redisStores({ url: `redis://127.0.0.1:${port}`, logger: downLog.logger, prefix });
    await stores.ready;
    expect(downLog.lines().some((l) => String(l.msg).startsWith('Redis is unreachable'))).toBe(true);
    await expect(stores.cooldowns.take('u', 1000)).rejects.toThrow(/store unavailable/);
    await stores.close();
  });
});
