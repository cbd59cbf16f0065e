import { execFileSync, spawnSync } from 'node:child_process';
import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createBot } from '../src/discord/bot.js';
import { scrubSecrets } from '../src/logger.js';
import { captureLog } from './support/captureLog.js';
import { FakeDiscord } from './support/fakeDiscord.js';
import { ROOT } from './support/seedEngine.js';

/** Shaped like a real bot token (user id, timestamp, HMAC), but not one. */
const REAL_SHAPED = 'MTAxNTk2OTY4NjYyMDAwMjQ1OA.GdDY3f.q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9';
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTAxNTk2OTY4NjYyMDAwMjQ1OTpzZWNyZXQ';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

describe('createLogger', () => {
  it('writes no token, whether in a field, a message, an error, its stack or a header of any case', () => {
    const log = captureLog('info', [fake.token]);
    const token = fake.token;
    const err = Object.assign(new Error(`request with Bot ${token} failed`), {
      config: { headers: { Authorization: `Bot ${token}` } },
      request: { headers: { authorization: `Bot ${token}` } },
      cause: new Error(`cause: ${token}`),
    });
    log.logger.error({ err }, 'request failed');
    log.logger.info(
      { token, config: { DISCORD_TOKEN: token }, nested: { deeper: { value: token } } },
      'fields',
    );
    log.logger.warn(`a message naming ${token} and ${REAL_SHAPED}`);
    log.logger.info(
      { url: `https://discord.com/api/v10/interactions/123/${INTERACTION_TOKEN}/callback` },
      'url',
    );

    const text = log.text();
    expect(log.lines()).toHaveLength(4);
    expect(text).not.toContain(token);
    expect(text).not.toContain(REAL_SHAPED);
    expect(text).not.toContain(INTERACTION_TOKEN);
    expect(text).toContain('[redacted]');
    expect(text).toContain('/interactions/123/[redacted]/callback');
  });

  it('writes no token from a real discord.js REST error, which carries the request URL and body', async () => {
    const log = captureLog('info', [fake.token]);
    const rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
    const route = Routes.webhookMessage(fake.applicationId, INTERACTION_TOKEN, '@original');
    fake.answerNext((c) => c.path.includes(INTERACTION_TOKEN), {
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035 },
    });
    const err = await rest.patch(route, { body: { content: `echo ${fake.token}` } }).catch((e: unknown) => e);
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    expect((err as { url?: string }).url).toContain(INTERACTION_TOKEN);
    log.logger.error({ err }, 'edit failed');
    expect(log.text()).toContain('Invalid Form Body');
    expect(log.text()).not.toContain(INTERACTION_TOKEN);
    expect(log.text()).not.toContain(fake.token);
  });

  it('writes no token when Discord refuses it at login', async () => {
    const log = captureLog('info', [REAL_SHAPED]);
    const bot = createBot({
      token: REAL_SHAPED,
      apiUrl: fake.apiUrl,
      context: () => {
        throw new Error('not reached');
      },
      logger: log.logger,
    });
    const err = await bot.start().catch((e: unknown) => e);
    await bot.client.destroy();
    expect((err as { code?: string }).code).toBe('TokenInvalid');
    log.logger.error({ err }, 'login failed');
    expect(log.text()).toContain('TokenInvalid');
    expect(log.text()).not.toContain(REAL_SHAPED);
  });
});

describe('scrubSecrets', () => {
  it('returns the text with token-shaped strings redacted even when no secret is given', () => {
    expect(scrubSecrets(`token=${REAL_SHAPED};`)).toBe('token=[redacted];');
    expect(scrubSecrets('/webhooks/123456789012345678/abc-DEF_123/messages/@original')).toBe(
      '/webhooks/123456789012345678/[redacted]/messages/@original',
    );
    expect(scrubSecrets('seeds/000_5c82c171a96e32aa.txt:23 and 2024-08-22')).toBe(
      'seeds/000_5c82c171a96e32aa.txt:23 and 2024-08-22',
    );
  });
});

describe('loadConfig', () => {
  it('returns problems that do not repeat a malformed token', () => {
    const token = 'not a token but still a secret 0123456789';
    const result = loadConfig({ DISCORD_TOKEN: token }, null);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(token);
  });
});

const inGitRepo = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT }).status === 0;

describe('.gitignore', () => {
  it.skipIf(!inGitRepo)('ignores .env, which is not tracked, and not .env.example', () => {
    // Exit status 0: ignored; 1: not ignored.
    expect(spawnSync('git', ['check-ignore', '-q', '.env'], { cwd: ROOT }).status).toBe(0);
    expect(spawnSync('git', ['check-ignore', '-q', '.env.example'], { cwd: ROOT }).status).toBe(1);
    expect(execFileSync('git', ['ls-files', '--', '.env'], { cwd: ROOT, encoding: 'utf8' })).toBe('');
  });
});
