import { describe, expect, it } from 'vitest';
import { runScript } from '../support/runCli.js';

const ask = (...args: string[]) => runScript('src/cli/ask.ts', ['--corpus', 'test/fixtures/check', ...args]);

describe('npm run ask -- /check', () => {
  it('prints a verdict per claim with its citations in --json', async () => {
    const run = await ask(
      '--json',
      '/check text:Trade between Norway and Iceland reached $840 million in 2022. The forum will be held in Akureyri in 2019. Penguins nest on the roof of the opera house.',
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { command: string; claims: Record<string, unknown>[] };
    expect(out.command).toBe('check');
    expect(out.claims.map((c) => c.verdict)).toEqual(['supported', 'unrelated', 'unrelated']);
    expect(out.claims[0]).toMatchObject({
      claim: 'Trade between Norway and Iceland reached $840 million in 2022.',
      supports: [{ file: 'test/fixtures/check/norway_iceland_talks.txt', line: 3 }],
      disagrees: [],
    });
  });

  it('shows the verdicts in the terminal, and says so when the text is empty', async () => {
    const run = await ask(
      '/check Haldorsen and Thorsdottir signed the Agreement on Fisheries Cooperation in 2021.',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 claim checked: 0 supported, 1 contradicted/);
    expect(run.stdout).toMatch(/another date for its signing/);
    expect(run.stdout).toContain('norway_iceland_talks.txt:2');
    const empty = await ask('/check text:');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/option "text" is empty/);
  });
});
