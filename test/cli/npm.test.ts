import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../support/runCli.js';
import { ROOT } from '../support/seedEngine.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};

describe('npm around citebot', () => {
  it('lets npm speak: a mistyped script fails with npm’s own message', async () => {
    const run = await runCommand('npm', ['run', 'no-such-script']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/Missing script: "no-such-script"/);
  }, 60_000);

  it('keeps `npm run -s ask -- --json` to exactly one JSON object on stdout', async () => {
    const run = await runCommand('npm', ['run', '-s', 'ask', '--', '--json', 'What is the trade target?']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { found: boolean }).found).toBe(true);
  }, 60_000);

  it('runs the citebot bin: ask with --json prints one JSON object, and tsx stays a runtime dependency', async () => {
    expect(pkg.bin.citebot).toBe('bin/citebot.js');
    expect(pkg.dependencies.tsx).toBeDefined();
    const bin = path.join(ROOT, 'bin/citebot.js');
    const run = await runCommand(process.execPath, [bin, 'ask', '--json', '/source file:000 line:1']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { command: string }).command).toBe('source');
    const unknown = await runCommand(process.execPath, [bin, 'nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "nosuch"\nusage: citebot <ask\|start\|deploy\|invite>/);
  }, 60_000);
});
