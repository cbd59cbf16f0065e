import { describe, expect, it } from 'vitest';
import { runScript } from '../support/runCli.js';

const ask = (...args: string[]) => runScript('src/cli/ask.ts', args);

describe('npm run ask', () => {
  it('prints exactly one JSON object of the documented shape with --json', async () => {
    const run = await ask('--json', 'What is the trade target?');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ command: 'ask', query: 'What is the trade target?', found: true });
    expect(Array.isArray(out.facts)).toBe(true);
    expect(typeof out.answer).toBe('string');
    const citations = out.citations as Array<Record<string, unknown>>;
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['n', 'file', 'line', 'text', 'url']));
      expect(c.file).toMatch(/^seeds\/\d{3}_[0-9a-f]+\.txt$/);
    }
  });

  it('answers slash commands in Discord syntax', async () => {
    const run = await ask('--json', '/source file:000_5c82c171a96e32aa.txt line:23');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'source', found: true });
  });

  it('exits 0 with found: false for a question the corpus does not answer', async () => {
    const run = await ask('--json', 'How do I bake bread?');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ found: false, citations: [] });
  });

  it('prints a readable answer with numbered quotes and file:line without --json', async () => {
    const run = await ask('What does Kazakhstan export to Tajikistan?');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\[1\] “Kazakhstan primarily exports/);
    expect(run.stdout).toMatch(/seeds\/004_3650a434f87c96d2\.txt:9/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('exits 2 with a message for an unknown command', async () => {
    const run = await ask('/nosuch thing:1');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/unknown command "\/nosuch"/);
  });

  it('exits 2 for a bad option and for a missing corpus folder', async () => {
    const bad = await ask('/source file:000 line:abc');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"line" must be a whole number/);
    const missing = await ask('--corpus', 'no-such-folder', 'trade');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-folder does not exist/);
  });
});

describe('npm start without DISCORD_TOKEN', () => {
  it('runs the offline console over piped input until EOF', async () => {
    const run = await runScript('src/main.ts', [], { input: 'What is the trade target?\n/nosuch\n/help\n' });
    expect(run.code).toBe(0);
    const [first, ...rest] = run.stdout.split('\n');
    expect(first).toMatch(/DISCORD_TOKEN/);
    const body = rest.join('\n');
    expect(body).toMatch(/\[1\] “/);
    expect(body).toMatch(/unknown command "\/nosuch"/);
    expect(body).toMatch(/\/source file:… line:…/);
  });
});
