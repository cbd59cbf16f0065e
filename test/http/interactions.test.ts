import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import type { Answer } from '../../src/answer/types.js';
import { type CommandContext, defineCommand } from '../../src/commands/contract.js';
import { loadCommands } from '../../src/commands/registry.js';
import { RESTARTING } from '../../src/discord/reply.js';
import { createHttpBot, type HttpBot } from '../../src/http/transport.js';
import { captureLog } from '../support/captureLog.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { autocomplete, BOB, button, chatInput, customIds } from '../support/interactions.js';
import { seedEngine } from '../support/seedEngine.js';
import { appKeys, postSigned } from '../support/signed.js';
import { settable } from '../support/testBot.js';

const EPHEMERAL = 64;

let slowAnswer = settable<Answer>();
const slow = defineCommand({
  name: 'slow',
  description: 'Answers when the test says so',
  options: [],
  run: () => slowAnswer.promise,
});

/** A fast answer with a file: the file cannot ride in the POST's answer. */
const filed = defineCommand({
  name: 'filed',
  description: 'Answers at once, with a file',
  options: [],
  run: (context) => ask(context.engine, 'What is the trade target?'),
  files: async () => [{ name: 'note.txt', data: Buffer.from('a file of the answer'), description: 'a note' }],
});

const keys = appKeys();
const log = captureLog();
let fake: FakeDiscord;
let bot: HttpBot;
let url: string;

const post = (payload: unknown, options = {}) => postSigned(url, keys, JSON.stringify(payload), options);

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const engine = await seedEngine();
  const context: CommandContext = {
    engine,
    commands: new Map([...(await loadCommands()), [slow.name, slow], [filed.name, filed]]),
  };
  bot = createHttpBot({
    publicKey: keys.publicKeyHex,
    host: '127.0.0.1',
    port: 0,
    apiUrl: fake.apiUrl,
    context: () => context,
    logger: log.logger,
    deferAfterMs: 300,
  });
  await bot.start();
  url = `http://127.0.0.1:${bot.port}/interactions`;
});

afterAll(async () => {
  await bot?.stop(500);
  await fake?.close();
});

describe('createHttpBot', () => {
  it('answers a PING with {"type":1}', async () => {
    const answer = await post({
      id: '1',
      type: 1,
      application_id: fake.applicationId,
      token: 't',
      version: 1,
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('{"type":1}');
  });

  it('answers a slash command in the response to the POST, through the gateway bot’s handlers', async () => {
    const answer = await post(chatInput(fake, 'ask', { question: 'What is the trade target?' }));
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body.type).toBe(4);
    expect(body.data.embeds.length).toBeGreaterThan(0);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    // Nothing went to Discord's REST for it: the POST's answer was the callback.
    expect(fake.calls.filter((c) => c.path.startsWith('/interactions/'))).toEqual([]);
  });

  it('defers a slow command in the POST’s answer and edits the original response through the webhook route', async () => {
    slowAnswer = settable<Answer>();
    const interaction = chatInput(fake, 'slow');
    const answer = await post(interaction);
    expect(answer.json().type).toBe(5);
    slowAnswer.resolve(ask(await seedEngine(), 'What is the trade target?'));
    const edit = await fake.waitFor(
      (c) =>
        c.method === 'PATCH' &&
        c.path === `/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`,
      'the edit of the deferral',
    );
    expect(edit.body.embeds.length).toBeGreaterThan(0);
  });

  it('answers autocomplete with at most 25 choices', async () => {
    const answer = await post(autocomplete(fake, 'quotes', { name: 'person', value: '' }));
    const body = answer.json();
    expect(body.type).toBe(8);
    expect(Array.isArray(body.data.choices)).toBe(true);
    expect(body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('pages an answer with its Next button, in the response to the button’s POST', async () => {
    const first = (await post(chatInput(fake, 'search', { query: 'trade' }))).json();
    const next = customIds(first.data).find((id) => id.includes(':n'));
    expect(next, 'a /search for a common word has a second page').toBeDefined();
    const pressed = (await post(button(fake, next!, first.data))).json();
    expect(pressed.type).toBe(7);
    expect(pressed.data.embeds.length).toBeGreaterThan(0);
    expect(JSON.stringify(pressed.data.embeds)).not.toBe(JSON.stringify(first.data.embeds));
    // Only the asker pages: another user is told so, privately.
    const refused = (await post(button(fake, next!, first.data, BOB))).json();
    expect(refused.type).toBe(4);
    expect(refused.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('sends a reply with a file as a deferral, then the message and its file in the edit', async () => {
    const interaction = chatInput(fake, 'filed');
    const answer = (await post(interaction)).json();
    expect(answer.type).toBe(5);
    const edit = await fake.waitFor(
      (c) =>
        c.method === 'PATCH' &&
        c.path === `/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`,
      'the edit with the file',
    );
    expect(edit.files.map((f) => [f.name, f.data.toString()])).toEqual([
      ['note.txt', 'a file of the answer'],
    ]);
    expect(edit.body.embeds.length).toBeGreaterThan(0);
    const line = await log.waitFor((l) => l.msg === 'interaction' && l.command === 'filed');
    expect(line.deferred).toBeUndefined();
  });

  it('sends the trade chart of a deferred /trade in the edit', async () => {
    const interaction = chatInput(fake, 'trade', {});
    expect((await post(interaction)).json().type).toBe(5);
    const edit = await fake.waitFor(
      (c) =>
        c.method === 'PATCH' &&
        c.path === `/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`,
      'the edit with the chart',
    );
    expect(edit.files.map((f) => f.name)).toContain('trade-chart.png');
  });

  it('refuses a request with a bad, missing or forged signature with 401', async () => {
    const interaction = chatInput(fake, 'ask', { question: 'What is the trade target?' });
    const forger = generateKeyPairSync('ed25519').privateKey;
    expect((await post(interaction, { signWith: forger })).status).toBe(401);
    expect((await post(interaction, { headers: {} })).status).toBe(401);
    expect(
      (await post(interaction, { headers: { 'x-signature-ed25519': 'zz', 'x-signature-timestamp': '1' } }))
        .status,
    ).toBe(401);
    // Signed for one body, sent with another.
    const tampered = JSON.stringify({ ...interaction, id: `${interaction.id}9` });
    expect((await post(interaction, { bodyInstead: tampered })).status).toBe(401);
    expect(log.lines().some((l) => l.msg === 'interaction signature refused' && l.problem === 'bad')).toBe(
      true,
    );
  });

  it('refuses a correctly signed request replayed with an old timestamp', async () => {
    const interaction = chatInput(fake, 'ask', { question: 'What is the trade target?' });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const answer = await post(interaction, { timestamp: sixMinutesAgo });
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('stale');
    expect(fake.calls.some((c) => c.path.includes(interaction.token))).toBe(false);
  });

  it('refuses a 1 MB body with 413 and keeps serving', async () => {
    const big = Buffer.alloc(1024 * 1024, 'a');
    const answer = await postSigned(url, keys, big);
    expect(answer.status).toBe(413);
    const ping = await post({ id: '2', type: 1, application_id: fake.applicationId, token: 't', version: 1 });
    expect(ping.text).toBe('{"type":1}');
  });

  it('answers 404 off the endpoint and 405 to a GET', async () => {
    expect((await fetch(url.replace('/interactions', '/other'), { method: 'POST' })).status).toBe(404);
    expect((await fetch(url)).status).toBe(405);
  });

  it('keeps the connection alive between requests', async () => {
    const response = await fetch(url);
    await response.text();
    expect(response.headers.get('connection')).toBe('keep-alive');
  });
});

describe('HttpBot.stop', () => {
  it('turns away what comes while it stops, and tells a deferred user still waiting that citebot is restarting', async () => {
    const engine = await seedEngine();
    const context: CommandContext = {
      engine,
      commands: new Map([...(await loadCommands()), [slow.name, slow]]),
    };
    const stopping = createHttpBot({
      publicKey: keys.publicKeyHex,
      host: '127.0.0.1',
      port: 0,
      apiUrl: fake.apiUrl,
      context: () => context,
      logger: log.logger,
      deferAfterMs: 50,
    });
    await stopping.start();
    const endpoint = `http://127.0.0.1:${stopping.port}/interactions`;
    slowAnswer = settable<Answer>();
    const waiting = chatInput(fake, 'slow');
    expect((await postSigned(endpoint, keys, JSON.stringify(waiting))).json().type).toBe(5);
    const stopped = stopping.stop(300);
    const late = (await postSigned(endpoint, keys, JSON.stringify(chatInput(fake, 'help')))).json();
    expect(late.data.content).toBe(RESTARTING);
    expect(late.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    await stopped;
    const edit = await fake.waitFor(
      (c) =>
        c.method === 'PATCH' &&
        c.path === `/webhooks/${fake.applicationId}/${waiting.token}/messages/@original`,
      'the restarting edit',
    );
    expect(edit.body.content).toBe(RESTARTING);
  });
});

describe('npm start with DISCORD_PUBLIC_KEY and HTTP_PORT', () => {
  it('serves POST /interactions instead of the gateway, and exits 0 on SIGTERM', async () => {
    const { startMain } = await import('../support/child.js');
    const server = startMain({
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      HTTP_PORT: '0',
      DISCORD_TOKEN: '',
      DISCORD_API_URL: fake.apiUrl,
      REDIS_URL: '',
      WATCH_CORPUS: 'false',
    });
    try {
      await server.until(() => server.lines().some((l) => l.msg === 'ready'), 'ready log line');
      const ready = server.lines().find((l) => l.msg === 'ready')!;
      expect(ready).toMatchObject({ transport: 'http', store: 'memory' });
      const endpoint = `http://127.0.0.1:${ready.port}/interactions`;
      const ping = { id: '3', type: 1, application_id: fake.applicationId, token: 't', version: 1 };
      expect((await postSigned(endpoint, keys, JSON.stringify(ping))).text).toBe('{"type":1}');
      const answer = await postSigned(endpoint, keys, JSON.stringify(chatInput(fake, 'help')));
      expect(answer.json().type).toBe(4);
      // No gateway: nothing asked Discord for one.
      expect(fake.calls.some((c) => c.path === '/gateway/bot')).toBe(false);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 90_000);
});
