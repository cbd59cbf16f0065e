import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../support/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'citebot-chart-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run ask -- --chart', () => {
  it('writes the /trade chart as a PNG and prints the series in --json', async () => {
    const file = join(dir, 'trade.png');
    const run = await runScript('src/cli/ask.ts', ['--json', '--chart', file, '/trade'], {
      env: { INDEX_SNAPSHOT: 'false' },
    });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.series.points.map((p: { year: number }) => p.year)).toEqual([2023, 2024]);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 800]);
  });

  it('says so on stderr, and writes nothing, for an answer without a chart', async () => {
    const file = join(dir, 'none.png');
    const run = await runScript('src/cli/ask.ts', ['--chart', file, 'What is the trade target?']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/has no chart/);
  });
});
