import { describe, expect, it } from 'vitest';
import { runScript } from '../support/runCli.js';

const ask = (...args: string[]) => runScript('src/cli/ask.ts', args);

describe('npm run ask', () => {
  it('prints exactly one JSON object of the documented shape with --json', async () => {
    const run = await ask('--json', 'What is the trade target?');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([
      'command',
      'query',
      'found',
      'answer',
      'citations',
      'facts',
      'matched',
      'unmatched',
      'tookMs',
    ]);
    expect(out).toMatchObject({
      command: 'ask',
      query: 'What is the trade target?',
      found: true,
      answer: 'Kazakhstan–Tajikistan trade target: $2 billion (4 sources)',
      unmatched: [],
    });
    expect((out.facts as Array<Record<string, unknown>>).map((f) => [f.kind, f.statement])).toEqual([
      ['trade', 'Kazakhstan–Tajikistan trade target: $2 billion (4 sources)'],
    ]);
    const citations = out.citations as Array<Record<string, unknown>>;
    expect(citations.map((c) => [c.n, c.file, c.line, c.url])).toEqual([
      [1, 'seeds/004_3650a434f87c96d2.txt', 5, null],
      [2, 'seeds/002_a5be58d35a5fd42e.txt', 11, null],
      [3, 'seeds/001_51aa8cafb4572964.txt', 37, null],
    ]);
    expect(Object.keys(citations[0]!)).toEqual(['n', 'file', 'line', 'text', 'url', 'date', 'also', 'score']);
    expect(citations[1]!.text).toMatch(/^We’re setting a goal to bring the volume of mutual/);
  });

  it('answers slash commands in Discord syntax', async () => {
    const run = await ask('--json', '/source file:000_5c82c171a96e32aa.txt line:23');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      command: 'source',
      query: '000_5c82c171a96e32aa.txt:23',
      found: true,
      matched: 2,
    });
    expect(out.answer).toMatch(
      /^The volume of mutual trade between Kazakhstan and Tajikistan reached \$1\.2 billio/,
    );
    expect((out.citations as Array<Record<string, unknown>>).map((c) => [c.file, c.line, c.score])).toEqual([
      ['seeds/000_5c82c171a96e32aa.txt', 23, 1],
      ['seeds/000_5c82c171a96e32aa.txt', 23, 0],
    ]);
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
    expect(missing.stderr).toMatch(
      /no-such-folder does not exist\. Set CORPUS_DIR in \.env or pass --corpus DIR\.\n$/,
    );
  });
});

describe('npm start exit codes', () => {
  it('exits 2, as the README says, for a missing corpus folder, with or without a token, and for an unknown option', async () => {
    for (const env of [
      { CORPUS_DIR: 'no-such-folder' },
      { CORPUS_DIR: 'no-such-folder', DISCORD_TOKEN: `${'x'.repeat(24)}.abcdef.${'y'.repeat(27)}` },
    ]) {
      const run = await runScript('src/main.ts', [], { env });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^citebot: corpus folder no-such-folder does not exist\. Set CORPUS_DIR/);
    }
    const unknown = await runScript('src/main.ts', ['--nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--nosuch'[\s\S]*usage: npm start/);
  }, 60_000);

  it('exits 1 for a configuration problem', async () => {
    const run = await runScript('src/main.ts', [], { env: { COOLDOWN_SECONDS: 'soon' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/COOLDOWN_SECONDS: must be a number/);
  }, 60_000);
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
