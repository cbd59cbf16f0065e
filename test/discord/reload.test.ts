import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import { createEngine } from '../../src/engine.js';
import { createReloader, type Reloader } from '../../src/reload.js';
import { captureLog } from '../support/captureLog.js';
import { FakeDiscord, type RestCall } from '../support/fakeDiscord.js';
import { ADMIN, BOB, chatInput, type Interaction } from '../support/interactions.js';
import { tempCorpus } from '../support/tempCorpus.js';

const EPHEMERAL = 64;
const FRIENDSHIP = 'The Treaty of Friendship was signed in Bishkek on March 3.\n';
const PIPELINE = 'The gas pipeline to Almaty opened in October.\n';
const OLD_QUESTION = 'Where was the Treaty of Friendship signed?';
const NEW_QUESTION = 'When did the gas pipeline to Almaty open?';

let fake: FakeDiscord;
let bot: Bot;
let reloader: Reloader;
let corpus: ReturnType<typeof tempCorpus>;
/** Holds rebuilds back while set, so that a test can ask questions during one. */
let gate: Promise<void> | null = null;
let builds = 0;
const log = captureLog();

async function callback(interaction: Interaction): Promise<RestCall> {
  fake.send(interaction);
  return fake.answered(await fake.callback(interaction.id));
}

/** The message a command finally showed (its reply, or the edit of its deferral), and whether only the user sees it. */
async function shown(interaction: Interaction): Promise<{ private: boolean; body: Record<string, unknown> }> {
  const first = await callback(interaction);
  const isPrivate = (first.body.data.flags & EPHEMERAL) === EPHEMERAL;
  if (first.body.type !== 5) return { private: isPrivate, body: first.body.data };
  const edit = await fake.waitFor(
    (c) => c.method === 'PATCH' && c.path.includes(interaction.token) && c.status === 200,
    'the edit of a deferred reply',
    30_000,
  );
  return { private: isPrivate, body: edit.body };
}

beforeAll(async () => {
  corpus = tempCorpus({ 'a.txt': FRIENDSHIP });
  const build = async () => {
    builds++;
    await gate;
    return createEngine({ corpusDir: corpus.dir, root: corpus.dir });
  };
  const engine = await build();
  if ('error' in engine) throw new Error(engine.error);
  reloader = createReloader({
    context: { engine, commands: await loadCommands() },
    build,
    logger: log.logger,
  });
  fake = await FakeDiscord.start();
  bot = createBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    context: reloader.current,
    logger: log.logger,
    deferAfterMs: 300,
  });
  await bot.start();
});

afterAll(async () => {
  reloader?.close();
  await bot?.stop();
  await fake?.close();
  corpus?.cleanup();
});

describe('/reload', () => {
  it('refuses, privately and without rebuilding, a member without Manage Server', async () => {
    const before = builds;
    const reply = await shown(chatInput(fake, 'reload', {}, BOB));
    expect(reply.private).toBe(true);
    expect(reply.body.content).toBe('/reload is for members with the Manage Server permission.');
    expect(builds).toBe(before);
    expect(await log.waitFor((l) => l.outcome === 'forbidden')).toMatchObject({
      command: 'reload',
      userId: BOB.id,
    });
  });

  it('answers questions asked during a rebuild from the old index, then from the new one', async () => {
    let release: () => void = () => {};
    gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    writeFileSync(path.join(corpus.dir, 'b.txt'), PIPELINE);
    const reload = chatInput(fake, 'reload', {}, ADMIN);
    const deferred = await callback(reload);
    // The rebuild is under way (held by the gate): the reply was deferred, privately.
    expect(deferred.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });

    for (let i = 0; i < 5; i++) {
      const during = (await callback(chatInput(fake, 'ask', { question: OLD_QUESTION }))).body;
      expect(during.type).toBe(4);
      expect(during.data.embeds[0].description).toContain('Bishkek');
      const unknown = (await callback(chatInput(fake, 'ask', { question: NEW_QUESTION }))).body;
      expect(unknown.data.content).toMatch(/^Nothing in the corpus answers that/);
    }

    release();
    gate = null;
    const edit = await fake.waitFor(
      (c) => c.method === 'PATCH' && c.path.includes(reload.token) && c.status === 200,
      'the reload result',
      30_000,
    );
    expect(edit.body.embeds[0].description).toMatch(
      /^Reloaded the corpus: 2 articles, 2 sentences \(before: 1 article, 1 sentence\)\./,
    );
    const after = (await callback(chatInput(fake, 'ask', { question: NEW_QUESTION }))).body;
    expect(after.data.embeds[0].description).toContain('Almaty');
    expect(log.lines().filter((l) => l.msg === 'interaction failed')).toEqual([]);
  });

  it('answers every question sent in a burst while the index is rebuilt, none with an error', async () => {
    const asked = Array.from({ length: 30 }, () => chatInput(fake, 'ask', { question: OLD_QUESTION }));
    const rebuilt = reloader.reload('test');
    for (const interaction of asked) fake.send(interaction);
    expect(await rebuilt).toMatchObject({ ok: true });
    for (const interaction of asked) {
      // In a burst the bot may acknowledge first (type 5) and edit the answer in.
      const { body } = await shown(interaction);
      expect((body as { embeds: Array<{ description: string }> }).embeds[0]!.description).toContain(
        'Bishkek',
      );
    }
    expect(log.lines().filter((l) => l.msg === 'interaction failed')).toEqual([]);
  });

  it('tells the member a failed reload kept the old index, which goes on answering, and logs why', async () => {
    rmSync(corpus.dir, { recursive: true });
    const reply = await shown(chatInput(fake, 'reload', {}, ADMIN));
    expect(reply.private).toBe(true);
    expect(reply.body.content).toMatch(
      /^The reload failed: corpus folder .* does not exist\. citebot still answers from the previous index \(2 articles, 2 sentences\)\.$/,
    );
    const line = await log.waitFor((l) => String(l.msg).startsWith('corpus reload failed'));
    expect(line).toMatchObject({
      level: 50,
      reason: '/reload',
      error: expect.stringMatching(/does not exist/),
    });
    const still = (await callback(chatInput(fake, 'ask', { question: NEW_QUESTION }))).body;
    expect(still.data.embeds[0].description).toContain('Almaty');
  });
});
