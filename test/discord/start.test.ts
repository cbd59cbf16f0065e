import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMain, withBotOn } from '../support/child.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { ADMIN, ALICE, BOB, chatInput } from '../support/interactions.js';
import { tempCorpus } from '../support/tempCorpus.js';

const EPHEMERAL = 64;
let cleanup: () => void = () => {};
afterEach(() => cleanup());

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

describe('npm start with DISCORD_TOKEN', () => {
  it('connects, logs ready with corpus stats, answers, and exits 0 on SIGTERM', async () => {
    const bot = startMain({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    try {
      await bot.until(() => bot.stderr().includes('"msg":"ready"'), 'ready log line');
      const ready = bot
        .stderr()
        .split('\n')
        .map((l) => (l.startsWith('{') ? (JSON.parse(l) as Record<string, unknown>) : {}))
        .find((l) => l.msg === 'ready');
      expect(ready).toMatchObject({
        applicationId: fake.applicationId,
        files: 5,
        sentences: expect.any(Number),
      });
      expect(ready?.dateRange).toEqual(['2024-08-22', '2025-02-12']);

      const interaction = chatInput(fake, 'ask', { question: 'What is the trade target?' });
      fake.send(interaction);
      expect((await fake.callback(interaction.id)).body.type).toBe(4);

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(bot.stderr()).toMatch(/"msg":"stopped"/);
      expect(bot.stderr()).not.toContain(fake.token);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 90_000);

  it('holds a user to the cooldown of COOLDOWN_SECONDS, as configured', async () => {
    await withBotOn(fake, { WATCH_CORPUS: 'false', COOLDOWN_SECONDS: '600' }, async (bot) => {
      const first = chatInput(fake, 'ask', { question: 'What is the trade target?' }, ALICE);
      fake.send(first);
      expect((await fake.callback(first.id)).body.data.embeds).toHaveLength(1);
      const second = chatInput(fake, 'search', { query: 'Kazakhstan' }, ALICE);
      fake.send(second);
      const body = (await fake.callback(second.id)).body;
      expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      // 600 s less the moment between the two commands (rounded up): never the default 2 s.
      expect(body.data.content).toMatch(
        /^One command at a time, please: you can run another in (600|599) seconds\.$/,
      );
      // Another user is not held up by Alice's cooldown.
      const other = chatInput(fake, 'ask', { question: 'What is the trade target?' }, BOB);
      fake.send(other);
      expect((await fake.callback(other.id)).body.data.embeds).toHaveLength(1);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    });
  }, 90_000);

  it('exits 0 on SIGINT', async () => {
    const bot = startMain({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    try {
      await bot.until(() => bot.stderr().includes('"msg":"ready"'), 'ready log line');
      bot.child.kill('SIGINT');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 90_000);

  it('starts on an empty corpus folder, says it is empty, and answers so', async () => {
    const empty = tempCorpus();
    cleanup = empty.cleanup;
    const bot = startMain({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, CORPUS_DIR: empty.dir });
    try {
      await bot.until(() => bot.lines().some((l) => l.msg === 'ready'), 'ready log line');
      expect(bot.lines().find((l) => l.msg === 'ready')).toMatchObject({ files: 0, sentences: 0 });
      const warning = bot.lines().find((l) => String(l.msg).startsWith('the corpus is empty'));
      expect(warning).toMatchObject({ level: 40, dir: empty.dir });

      const interaction = chatInput(fake, 'ask', { question: 'What is the trade target?' });
      fake.send(interaction);
      const body = (await fake.callback(interaction.id)).body;
      expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(body.data.content).toMatch(/^The corpus is empty/);

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 90_000);

  it('answers from a new article once the watched folder changes, and reloads on /reload', async () => {
    const corpus = tempCorpus({ 'a.txt': 'The Treaty of Friendship was signed in Bishkek on March 3.\n' });
    cleanup = corpus.cleanup;
    const bot = startMain({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: corpus.dir,
      COOLDOWN_SECONDS: '0',
    });
    try {
      await bot.until(() => bot.lines().some((l) => l.msg === 'ready'), 'ready log line');
      expect(bot.lines().find((l) => l.msg === 'ready')).toMatchObject({ files: 1, watching: true });
      writeFileSync(path.join(corpus.dir, 'b.txt'), 'The gas pipeline to Almaty opened in October.\n');
      await bot.until(() => bot.lines().some((l) => l.msg === 'corpus reloaded'), 'reload after the change');
      expect(bot.lines().find((l) => l.msg === 'corpus reloaded')).toMatchObject({
        reason: 'corpus folder changed',
        files: 2,
        changed: true,
      });
      const asked = chatInput(fake, 'ask', { question: 'When did the gas pipeline to Almaty open?' });
      fake.send(asked);
      expect((await fake.callback(asked.id)).body.data.embeds[0].description).toContain('Almaty');

      const reload = chatInput(fake, 'reload', {}, ADMIN);
      fake.send(reload);
      const first = (await fake.callback(reload.id)).body;
      const shown =
        first.type === 5
          ? (
              await fake.waitFor(
                (c) => c.method === 'PATCH' && c.path.includes(reload.token),
                'reload edit',
                60_000,
              )
            ).body
          : first.data;
      expect(shown.embeds[0].description).toMatch(/^Reloaded the corpus; no article changed: 2 articles/);

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 90_000);

  it('exits 1 with what to do, and no stack trace, when Discord refuses the token', async () => {
    const bot = startMain({
      DISCORD_TOKEN: 'refused.token.for-tests-0123456789',
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/Discord refused DISCORD_TOKEN.*Reset Token/);
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
    expect(bot.stderr()).not.toContain('refused.token.for-tests-0123456789');
  }, 90_000);
});
