import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { tempCorpus } from './support/tempCorpus.js';

/** What every config holds when nothing else is set. */
const DEFAULTS = {
  CORPUS_DIR: 'seeds',
  HEALTH_HOST: '127.0.0.1',
  HTTP_HOST: '127.0.0.1',
  REDIS_PREFIX: 'citebot:',
  COOLDOWN_SECONDS: 2,
  WATCH_CORPUS: true,
  INDEX_SNAPSHOT: true,
  FEEDBACK_DB: '.cache/feedback.sqlite',
};

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    expect(loadConfig({}, null)).toEqual({ ok: true, config: DEFAULTS });
  });

  it('treats blank values as unset', () => {
    const result = loadConfig({ DISCORD_TOKEN: '', SOURCE_BASE_URL: '  ', COOLDOWN_SECONDS: ' ' }, null);
    expect(result).toEqual({ ok: true, config: DEFAULTS });
  });

  it('lists every malformed value with what to do', () => {
    const result = loadConfig(
      { SOURCE_BASE_URL: 'not a url', LOG_LEVEL: 'loud', DISCORD_GUILD_ID: 'abc' },
      null,
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/SOURCE_BASE_URL: must be an http\(s\) URL/);
    expect(problems.join('\n')).toMatch(/DISCORD_GUILD_ID: must be a server id/);
  });

  it('reads .env, with the real environment taking precedence', () => {
    const t = tempCorpus();
    cleanup = t.cleanup;
    const file = path.join(t.dir, '.env');
    writeFileSync(file, 'CORPUS_DIR=articles\nLOG_LEVEL=debug\n');
    expect(loadConfig({ LOG_LEVEL: 'warn' }, file)).toEqual({
      ok: true,
      config: { ...DEFAULTS, CORPUS_DIR: 'articles', LOG_LEVEL: 'warn' },
    });
  });

  it('reads the cooldown in seconds (0 turns it off) and whether to watch the corpus folder', () => {
    expect(loadConfig({ COOLDOWN_SECONDS: '0', WATCH_CORPUS: 'false' }, null)).toEqual({
      ok: true,
      config: { ...DEFAULTS, COOLDOWN_SECONDS: 0, WATCH_CORPUS: false },
    });
    expect(loadConfig({ COOLDOWN_SECONDS: '1.5', WATCH_CORPUS: 'Yes' }, null)).toEqual({
      ok: true,
      config: { ...DEFAULTS, COOLDOWN_SECONDS: 1.5, WATCH_CORPUS: true },
    });
    const bad = loadConfig({ COOLDOWN_SECONDS: '-1', WATCH_CORPUS: 'maybe' }, null);
    expect(bad).toEqual({
      ok: false,
      problems: [
        'COOLDOWN_SECONDS: must be 0 (no cooldown) or more seconds',
        'WATCH_CORPUS: must be true or false',
      ],
    });
    expect(loadConfig({ COOLDOWN_SECONDS: 'soon' }, null)).toEqual({
      ok: false,
      problems: ['COOLDOWN_SECONDS: must be a number of seconds, e.g. 2 (0 turns the cooldown off)'],
    });
  });

  it('reads the settings past one process: HTTP interactions, Redis, shards', () => {
    const key = 'ab'.repeat(32);
    expect(
      loadConfig(
        { DISCORD_PUBLIC_KEY: key, HTTP_PORT: '8080', REDIS_URL: 'redis://127.0.0.1:6379', SHARDS: 'Auto' },
        null,
      ),
    ).toEqual({
      ok: true,
      config: {
        ...DEFAULTS,
        DISCORD_PUBLIC_KEY: key,
        HTTP_PORT: 8080,
        REDIS_URL: 'redis://127.0.0.1:6379',
        SHARDS: 'auto',
      },
    });
    expect(loadConfig({ SHARDS: '2' }, null)).toEqual({ ok: true, config: { ...DEFAULTS, SHARDS: 2 } });
    const bad = loadConfig(
      { DISCORD_PUBLIC_KEY: 'abc', HTTP_PORT: '70000', REDIS_URL: 'http://x', SHARDS: '0' },
      null,
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.split(':')[0])).toEqual([
      'DISCORD_PUBLIC_KEY',
      'HTTP_PORT',
      'REDIS_URL',
      'SHARDS',
    ]);
  });

  it('leaves SHARDS to discord.js inside a shard the ShardingManager spawned', () => {
    expect(loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' }, null)).toEqual({
      ok: true,
      config: { ...DEFAULTS, shard: { id: 1, count: 2 } },
    });
  });
});
