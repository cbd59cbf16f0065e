import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { tempCorpus } from './support/tempCorpus.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    expect(loadConfig({}, null)).toEqual({ ok: true, config: { CORPUS_DIR: 'seeds', LOG_LEVEL: 'info' } });
  });

  it('treats blank values as unset', () => {
    const result = loadConfig({ DISCORD_TOKEN: '', SOURCE_BASE_URL: '  ' }, null);
    expect(result).toEqual({ ok: true, config: { CORPUS_DIR: 'seeds', LOG_LEVEL: 'info' } });
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
      config: { CORPUS_DIR: 'articles', LOG_LEVEL: 'warn' },
    });
  });
});
