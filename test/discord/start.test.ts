import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { chatInput } from '../support/interactions.js';
import { ROOT } from '../support/seedEngine.js';

/** `npm start`'s entry point with a token; resolves with the process once it logs ready. */
function startBot(env: Record<string, string>): {
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DISCORD_GUILD_ID: '',
      LOG_LEVEL: '',
      SOURCE_BASE_URL: '',
      CORPUS_DIR: 'seeds',
      ...env,
    },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`no ${what} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

describe('npm start with DISCORD_TOKEN', () => {
  it('connects, logs ready with corpus stats, answers, and exits 0 on SIGTERM', async () => {
    const bot = startBot({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    try {
      await until(() => bot.stderr().includes('"msg":"ready"'), 'ready log line');
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
  });

  it('exits 0 on SIGINT', async () => {
    const bot = startBot({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    try {
      await until(() => bot.stderr().includes('"msg":"ready"'), 'ready log line');
      bot.child.kill('SIGINT');
      expect(await bot.exited).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('exits 1 with what to do, and no stack trace, when Discord refuses the token', async () => {
    const bot = startBot({
      DISCORD_TOKEN: 'refused.token.for-tests-0123456789',
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/Discord refused DISCORD_TOKEN.*Reset Token/);
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  });
});
