import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../src/commands/registry.js';
import { loadConfig } from '../src/config.js';
import { gatewayTransport } from '../src/discord/bot.js';
import type { Engine } from '../src/engine.js';
import { type HealthReport, startHealthServer } from '../src/health.js';
import { createReloader } from '../src/reload.js';
import { captureLog } from './support/captureLog.js';
import { withBotOn } from './support/child.js';
import { FakeDiscord } from './support/fakeDiscord.js';
import { seedEngine } from './support/seedEngine.js';

let fake: FakeDiscord;
let cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function get(url: string): Promise<{ status: number; body: HealthReport }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as HealthReport };
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`no ${what} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('startHealthServer', () => {
  it('returns 200 with the report when ready, 503 when not, and 404 / 405 off its one route', async () => {
    const engine = await seedEngine();
    let accepting = false;
    const health = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      logger: captureLog().logger,
      accepting: () => accepting,
      gatewayConnected: () => true,
      engine: () => engine,
    });
    cleanups.push(() => health.close());
    const url = `http://127.0.0.1:${health.port}/healthz`;
    const notReady = await get(url);
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ ready: false, gateway: { connected: true } });
    accepting = true;
    const ready = await get(url);
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      ready: true,
      gateway: { connected: true },
      index: { ageSeconds: expect.any(Number), from: 'built' },
      corpus: {
        files: 5,
        sentences: engine.stats.sentences,
        facts: engine.stats.facts,
        skipped: 0,
      },
      uptimeSeconds: expect.any(Number),
    });
    expect((await fetch(`http://127.0.0.1:${health.port}/`)).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });

  it('rejects with a message naming the port when it is taken', async () => {
    const engine = await seedEngine();
    const inputs = { accepting: () => true, gatewayConnected: () => true, engine: () => engine };
    const first = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      logger: captureLog().logger,
      ...inputs,
    });
    cleanups.push(() => first.close());
    await expect(
      startHealthServer({ host: '127.0.0.1', port: first.port, logger: captureLog().logger, ...inputs }),
    ).rejects.toThrow(
      new RegExp(`cannot serve the health check on 127\\.0\\.0\\.1:${first.port}.*HEALTH_PORT`),
    );
  });
});

describe('gatewayTransport with HEALTH_PORT', () => {
  it('answers 503 while logging in and after a gateway drop, 200 once connected, and counts the index from its swap', async () => {
    const loaded = loadConfig(
      { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, HEALTH_PORT: '0', COOLDOWN_SECONDS: '0' },
      null,
    );
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    const log = captureLog();
    const engine = await seedEngine();
    let next: Engine = engine;
    const reloader = createReloader({
      context: { engine, commands: await loadCommands() },
      build: async () => next,
      logger: log.logger,
    });
    cleanups.push(() => reloader.close());
    const held = fake.hold((c) => c.method === 'GET' && c.path === '/gateway/bot');
    const transport = gatewayTransport({ config: loaded.config, logger: log.logger, reloader, json: false });
    const starting = transport.start();
    cleanups.push(() => transport.stop());
    const listening = await log.waitFor(
      (l) => typeof l.port === 'number' && String(l.msg).startsWith('health'),
    );
    const url = `http://127.0.0.1:${listening.port as number}/healthz`;
    await held.reached;

    const loggingIn = await get(url);
    expect(loggingIn.status).toBe(503);
    expect(loggingIn.body).toMatchObject({ ready: false, gateway: { connected: false } });

    held.release();
    await starting;
    const up = await get(url);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ ready: true, gateway: { connected: true }, corpus: { files: 5 } });

    fake.dropConnections();
    await until(async () => (await get(url)).status === 503, '503 after the drop');
    await until(async () => (await get(url)).status === 200, '200 after resuming');

    // A reload swaps in a new engine: its age starts again.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await get(url)).body.index.ageSeconds).toBeGreaterThanOrEqual(1);
    next = { ...engine };
    await reloader.reload('test');
    expect((await get(url)).body.index.ageSeconds).toBe(0);

    await transport.stop();
    await expect(fetch(url)).rejects.toThrow();
  }, 60_000);
});

describe('npm start with DISCORD_TOKEN and HEALTH_PORT', () => {
  it('serves /healthz on 127.0.0.1 with the gateway connected and the corpus counts', async () => {
    await withBotOn(fake, { HEALTH_PORT: '0' }, async (bot) => {
      await bot.until(() => bot.lines().some((l) => typeof l.port === 'number'), 'health log line');
      const line = bot.lines().find((l) => typeof l.port === 'number');
      expect(line).toMatchObject({ host: '127.0.0.1' });
      const { status, body } = await get(`http://127.0.0.1:${line?.port as number}/healthz`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        ready: true,
        gateway: { connected: true },
        corpus: { files: 5, skipped: 0 },
      });
    });
  }, 60_000);
});
