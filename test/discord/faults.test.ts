import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import type { Answer } from '../../src/answer/types.js';
import { type CommandContext, defineCommand } from '../../src/commands/contract.js';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import type { Engine } from '../../src/engine.js';
import { captureLog } from '../support/captureLog.js';
import { FakeDiscord, type RestCall } from '../support/fakeDiscord.js';
import { chatInput, type Interaction } from '../support/interactions.js';
import { seedEngine } from '../support/seedEngine.js';
import { settable } from '../support/testBot.js';

/**
 * Faults of the network and of Discord, through the real discord.js client:
 * each time, the bot gets through and answers the next interaction.
 */

const EPHEMERAL = 64;
const HEARTBEAT_MS = 41_250;

let slowAnswer = settable<Answer>();
let failAfterDefer = settable<void>();
const commands = [
  defineCommand({
    name: 'boom',
    description: 'Fails, as a bug would',
    options: [],
    run: () => {
      throw new Error('boom: a bug in a command');
    },
  }),
  defineCommand({
    name: 'slow',
    description: 'Answers when the test says so',
    options: [],
    run: () => slowAnswer.promise,
  }),
  defineCommand({
    name: 'lateboom',
    description: 'Fails after its reply was deferred',
    options: [],
    run: async () => {
      await failAfterDefer.promise;
      throw new Error('lateboom: a bug after the deferral');
    },
  }),
];

let fake: FakeDiscord;
let bot: Bot;
let engine: Engine;
const log = captureLog();

const ofInteraction = (interaction: Interaction) => (c: RestCall) =>
  c.method === 'POST' && c.path.startsWith(`/interactions/${interaction.id}/`);
const ofToken = (interaction: Interaction) => (c: RestCall) => c.path.includes(interaction.token);

/** The first callback of an interaction that Discord accepted. */
function accepted(interaction: Interaction): Promise<RestCall> {
  const match = ofInteraction(interaction);
  return fake.waitFor((c) => match(c) && c.status === 204, `accepted callback for ${interaction.id}`, 20_000);
}

/**
 * The message an interaction finally showed: its reply, or (once REST has been
 * rate limited, commands acknowledge first) the accepted edit of its deferral.
 */
async function shownMessage(interaction: Interaction): Promise<RestCall['body']> {
  const first = await accepted(interaction);
  if (first.body.type !== 5) return first.body.data;
  const edit = await fake.waitFor(
    (c) => c.method !== 'DELETE' && ofToken(interaction)(c) && c.status === 200 && c.body.content !== '…',
    'the edit of a deferred reply',
    20_000,
  );
  return edit.body;
}

/** Asks a question the seeds answer; resolves with the message shown for it. */
async function askAndAnswer(question = 'What is the trade target?') {
  const interaction = chatInput(fake, 'ask', { question });
  fake.send(interaction);
  return shownMessage(interaction);
}

function resumed(): Promise<void> {
  return new Promise((resolve) => bot.client.once('shardResume', () => resolve()));
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  engine = await seedEngine();
  const registry = await loadCommands();
  const context: CommandContext = {
    engine,
    commands: new Map([...registry, ...commands.map((c) => [c.name, c] as const)]),
  };
  bot = createBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    context: () => context,
    logger: log.logger,
    deferAfterMs: 500,
  });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('createBot, when the gateway fails', () => {
  it('resumes the session after Discord closes the socket, and answers the next interaction', async () => {
    const identifies = fake.opcodes.filter((op) => op === 2).length;
    const resumes = fake.opcodes.filter((op) => op === 6).length;
    const back = resumed();
    fake.closeConnections(4000);
    await back;
    expect(fake.opcodes.filter((op) => op === 6).length).toBe(resumes + 1);
    expect(fake.opcodes.filter((op) => op === 2).length).toBe(identifies);
    expect((await askAndAnswer()).embeds).toHaveLength(1);
  });

  it('returns, once resumed, one answer to an interaction sent while the connection was down', async () => {
    const back = resumed();
    const replayed = fake.replayed;
    fake.dropConnections();
    const meanwhile = chatInput(fake, 'ask', { question: 'What is the trade target?' });
    fake.send(meanwhile);
    await back;
    expect((await accepted(meanwhile)).body.type).toBe(4);
    expect(fake.replayed).toBeGreaterThan(replayed);
    // A later interaction answered means the replay is over: the first was answered exactly once.
    await askAndAnswer();
    expect(fake.calls.filter(ofInteraction(meanwhile))).toHaveLength(1);
  });

  it('resumes when heartbeats stop being acked (a zombie connection), and answers the next interaction', async () => {
    // A short heartbeat, so that the missed ack shows within a second, not 41 s.
    fake.heartbeatMs = 300;
    let back = resumed();
    fake.dropConnections();
    await back;
    fake.heartbeatMs = HEARTBEAT_MS;
    const resumes = fake.opcodes.filter((op) => op === 6).length;
    const closes = fake.closes.length;
    back = resumed();
    fake.stopAcking();
    await back;
    // The client itself gave up on the silent connection (4200: closing to resume) and resumed.
    expect(fake.closes.slice(closes).map((c) => c.code)).toContain(4200);
    expect(fake.opcodes.filter((op) => op === 6).length).toBe(resumes + 1);
    expect((await askAndAnswer()).embeds).toHaveLength(1);
  });
});

describe('createBot, when Discord REST fails', () => {
  it('returns the reply after the callback is answered 500 once', async () => {
    const interaction = chatInput(fake, 'ask', { question: 'What is the trade target?' });
    fake.answerNext(ofInteraction(interaction), {
      status: 500,
      body: { message: '500: Internal Server Error', code: 0 },
    });
    fake.send(interaction);
    const reply = await accepted(interaction);
    expect(reply.body.type).toBe(4);
    expect(fake.calls.filter(ofInteraction(interaction)).map((c) => c.status)).toEqual([500, 204]);
  });

  it('returns the reply after a 429 with retry_after, sent again once the wait is over', async () => {
    const interaction = chatInput(fake, 'ask', { question: 'What is the trade target?' });
    fake.answerNext(ofInteraction(interaction), {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
      headers: { 'retry-after': '0.3', 'x-ratelimit-scope': 'user' },
    });
    fake.send(interaction);
    const reply = await accepted(interaction);
    expect(reply.body.data.embeds).toHaveLength(1);
    const calls = fake.calls.filter(ofInteraction(interaction));
    expect(calls.map((c) => c.status)).toEqual([429, 204]);
    expect(calls[1]!.body).toEqual(calls[0]!.body);
  });

  it('returns the edit of a deferred reply after a global 429 and a 502 on it', async () => {
    slowAnswer = settable<Answer>();
    const interaction = chatInput(fake, 'slow');
    fake.answerNext(
      (c) => c.method === 'PATCH' && ofToken(interaction)(c),
      {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.2, global: true },
        headers: { 'retry-after': '0.2', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
      },
      { status: 502, body: { message: 'Bad Gateway', code: 0 } },
    );
    fake.send(interaction);
    expect((await accepted(interaction)).body.type).toBe(5);
    slowAnswer.resolve(ask(engine, 'What is the trade target?'));
    const edit = await fake.waitFor(
      (c) => c.method === 'PATCH' && ofToken(interaction)(c) && c.status === 200,
      'the accepted edit',
      20_000,
    );
    expect(edit.body.embeds[0].description).toMatch(/\*\*\[1\]\*\*/);
    expect(fake.webhookCalls(interaction.token).map((c) => c.status)).toEqual([429, 502, 200]);
  });

  it('logs an error with a ref, not the tokens, when Discord refuses the reply, and keeps serving', async () => {
    const interaction = chatInput(fake, 'ask', { question: 'What is the trade target?' });
    const unknown = { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    // The reply, then the error notice that follows it: both refused, as for an interaction that expired.
    fake.answerNext(ofInteraction(interaction), unknown, unknown);
    fake.send(interaction);
    const line = await log.waitFor(
      (l) => l.msg === 'interaction failed' && JSON.stringify(l).includes('10062'),
    );
    expect(line.ref).toMatch(/^[0-9a-f]{8}$/);
    expect(log.text()).not.toContain(fake.token);
    expect(log.text()).not.toContain(interaction.token);
    expect((await askAndAnswer()).embeds).toHaveLength(1);
  });
});

describe('createBot, when a command fails', () => {
  it('returns an ephemeral error with a ref that is in the log, then answers the next interaction', async () => {
    const interaction = chatInput(fake, 'boom');
    fake.send(interaction);
    const shown = await shownMessage(interaction);
    expect(shown.flags & EPHEMERAL).toBe(EPHEMERAL);
    const ref = /ref ([0-9a-f]{8})/.exec(shown.content)?.[1];
    expect(ref).toBeDefined();
    expect(await log.waitFor((l) => l.ref === ref)).toMatchObject({ outcome: 'error', command: 'boom' });
    expect((await askAndAnswer()).embeds).toHaveLength(1);
  });

  it('returns a private error with a ref when a command fails after its reply was deferred', async () => {
    failAfterDefer = settable<void>();
    const interaction = chatInput(fake, 'lateboom');
    fake.send(interaction);
    expect((await accepted(interaction)).body.type).toBe(5);
    failAfterDefer.resolve();
    await fake.waitFor((c) => c.method === 'DELETE' && ofToken(interaction)(c), 'the deferral removed');
    const followUp = fake.webhookCalls(interaction.token).find((c) => c.method === 'POST');
    expect(followUp?.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(followUp?.body.content).toMatch(/Something went wrong \(ref [0-9a-f]{8}\)/);
    expect((await askAndAnswer()).embeds).toHaveLength(1);
  });
});
