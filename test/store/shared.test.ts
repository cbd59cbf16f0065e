import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/commands/registry.js';
import { createBot } from '../../src/discord/bot.js';
import { PAGING_UNAVAILABLE } from '../../src/discord/handleComponent.js';
import { ShownAnswers } from '../../src/discord/shown.js';
import { createHttpBot } from '../../src/http/transport.js';
import { redisStores } from '../../src/store/redis.js';
import { captureLog } from '../support/captureLog.js';
import { type Started, startMain } from '../support/child.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { ALICE, button, chatInput, customIds } from '../support/interactions.js';
import { cleanPrefix, countKeys, REDIS_URL, RedisProxy, redisProblem, testPrefix } from '../support/redis.js';
import { seedEngine } from '../support/seedEngine.js';
import { appKeys, postSigned } from '../support/signed.js';

const EPHEMERAL = 64;
const problem = await redisProblem();
if (problem) console.warn(`test/store/shared.test.ts: two-process Redis tests SKIPPED: ${problem}`);
const skipped = problem ? ` (SKIPPED: ${problem})` : '';
const signer = appKeys();

describe.skipIf(problem !== null)(`two citebot processes with one Redis${skipped}`, () => {
  const prefix = testPrefix();
  const keys = appKeys();
  const dir = mkdtempSync(path.join(tmpdir(), 'citebot-shared-'));
  let fake: FakeDiscord;
  let a: Started;
  let b: Started;
  let urlA: string;
  let urlB: string;

  /** `npm start` serving HTTP interactions, sharing the test run's Redis keys. */
  async function start(name: string): Promise<{ bot: Started; url: string }> {
    const bot = startMain({
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      HTTP_PORT: '0',
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_TOKEN: '',
      REDIS_URL,
      REDIS_PREFIX: prefix,
      COOLDOWN_SECONDS: '600',
      WATCH_CORPUS: 'false',
      FEEDBACK_DB: path.join(dir, `${name}.sqlite`),
    });
    await bot.until(() => bot.lines().some((l) => l.msg === 'ready'), `${name} ready`);
    const ready = bot.lines().find((l) => l.msg === 'ready')!;
    expect(ready).toMatchObject({ transport: 'http', store: 'redis' });
    return { bot, url: `http://127.0.0.1:${ready.port}/interactions` };
  }

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    [{ bot: a, url: urlA }, { bot: b, url: urlB }] = await Promise.all([start('a'), start('b')]);
  }, 120_000);

  afterAll(async () => {
    a?.child.kill('SIGKILL');
    b?.child.kill('SIGKILL');
    await fake?.close();
    await cleanPrefix(prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages on process B an answer process A gave', async () => {
    const first = await postSigned(urlA, keys, JSON.stringify(chatInput(fake, 'search', { query: 'trade' })));
    const answer = first.json();
    const next = customIds(answer.data).find((id) => id.includes(':n'));
    expect(next).toBeDefined();
    const paged = (await postSigned(urlB, keys, JSON.stringify(button(fake, next!, answer.data)))).json();
    expect(paged.type).toBe(7);
    expect(JSON.stringify(paged.data.embeds)).not.toBe(JSON.stringify(answer.data.embeds));
  });

  it('holds on process B a cooldown taken on process A', async () => {
    const who = { id: '300000000000000077', username: 'carol' };
    const onA = await postSigned(
      urlA,
      keys,
      JSON.stringify(chatInput(fake, 'ask', { question: 'What is the trade target?' }, who)),
    );
    expect(onA.json().data.embeds.length).toBeGreaterThan(0);
    const onB = (await postSigned(urlB, keys, JSON.stringify(chatInput(fake, 'help', {}, who)))).json();
    expect(onB.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(onB.data.content).toMatch(/you can run another in \d+ seconds/);
  });

  it('answers once an interaction delivered to both', async () => {
    const body = JSON.stringify(chatInput(fake, 'help', {}, { id: '300000000000000078', username: 'dan' }));
    const both = await Promise.all([postSigned(urlA, keys, body), postSigned(urlB, keys, body)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('writes its keys under the run’s prefix, each with a TTL', async () => {
    expect(await countKeys(prefix)).toBeGreaterThan(0);
    const { createClient } = await import('redis');
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*` })) {
      for (const key of batch) expect(await client.pTTL(key), key).toBeGreaterThan(0);
    }
    await client.close();
  });
});

describe.skipIf(problem !== null)(`gateway bots sharing one Redis${skipped}`, () => {
  it('answers once an interaction both gateway connections deliver', async () => {
    const prefix = testPrefix();
    const fake = await FakeDiscord.start();
    const engine = await seedEngine();
    const context = { engine, commands: await loadCommands() };
    const log = captureLog();
    const stores = [0, 1].map(() => redisStores({ url: REDIS_URL, logger: log.logger, prefix }));
    const bots = stores.map((s) =>
      createBot({
        token: fake.token,
        apiUrl: fake.apiUrl,
        context: () => context,
        logger: log.logger,
        shown: new ShownAnswers({ store: s.shown }),
        answered: s.answered,
      }),
    );
    try {
      await Promise.all(stores.map((s) => s.ready));
      await Promise.all(bots.map((bot) => bot.start()));
      const interactions = Array.from({ length: 10 }, () => chatInput(fake, 'help'));
      // The fake delivers every dispatch on every connection: both bots get each interaction.
      for (const interaction of interactions) fake.send(interaction);
      for (const interaction of interactions) await fake.callback(interaction.id);
      await log.waitFor((l) => l.msg === 'interaction delivered again; already answered');
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const interaction of interactions) {
        const callbacks = fake.calls.filter((c) => c.path.startsWith(`/interactions/${interaction.id}/`));
        expect(callbacks).toHaveLength(1);
      }
    } finally {
      await Promise.all(bots.map((bot) => bot.stop(500)));
      await Promise.all(stores.map((s) => s.close()));
      await fake.close();
      await cleanPrefix(prefix);
    }
  }, 60_000);
});

describe.skipIf(problem !== null)(`a bot whose Redis goes away${skipped}`, () => {
  it('keeps answering, says paging is unavailable, and logs why', async () => {
    const prefix = testPrefix();
    const proxy = new RedisProxy();
    await proxy.start();
    const fake = await FakeDiscord.start();
    const log = captureLog();
    const stores = redisStores({ url: proxy.url, logger: log.logger, prefix });
    const engine = await seedEngine();
    const context = { engine, commands: await loadCommands() };
    const bot = createHttpBot({
      publicKey: signer.publicKeyHex,
      host: '127.0.0.1',
      port: 0,
      apiUrl: fake.apiUrl,
      context: () => context,
      logger: log.logger,
      shown: new ShownAnswers({ store: stores.shown }),
      answered: stores.answered,
    });
    await stores.ready;
    await bot.start();
    const url = `http://127.0.0.1:${bot.port}/interactions`;
    try {
      const before = (
        await postSigned(url, signer, JSON.stringify(chatInput(fake, 'search', { query: 'trade' })))
      ).json();
      const next = customIds(before.data).find((id) => id.includes(':n'))!;
      expect(next).toBeDefined();
      await proxy.cut();
      await log.waitFor((l) => String(l.msg).startsWith('Redis is unreachable'));

      const during = (
        await postSigned(url, signer, JSON.stringify(chatInput(fake, 'search', { query: 'trade' }, ALICE)))
      ).json();
      expect(during.type).toBe(4);
      expect(during.data.embeds.length).toBeGreaterThan(0);
      // Shown without paging: nothing could keep its pages.
      expect(customIds(during.data).some((id) => id.includes(':n'))).toBe(false);

      const paged = (await postSigned(url, signer, JSON.stringify(button(fake, next, before.data)))).json();
      expect(paged.type).toBe(4);
      expect(paged.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(paged.data.content).toBe(PAGING_UNAVAILABLE);
      const line = await log.waitFor((l) => l.msg === 'interaction' && l.outcome === 'store_unavailable');
      expect(String(line.store)).toMatch(/Redis/);
    } finally {
      await bot.stop(500);
      await stores.close();
      await proxy.cut();
      await fake.close();
      await cleanPrefix(prefix);
    }
  }, 60_000);
});
