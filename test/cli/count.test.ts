import { describe, expect, it } from 'vitest';
import { runScript } from '../support/runCli.js';

describe('npm run ask -- "how many …"', () => {
  it('prints the count, each counted meeting, and its file:line', async () => {
    const run = await runScript('src/cli/ask.ts', ['How many times did Tokayev and Rahmon meet?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Kassym-Jomart Tokayev and Emomali Rahmon met once in the articles: 2024-08-22/,
    );
    expect(run.stdout).toContain('• 2024-08-22: state visit in Dushanbe');
  });

  it('gives every counted item as a fact with its sources in --json', async () => {
    const run = await runScript('src/cli/ask.ts', ['--json', 'Which agreements did Muhriddin sign?']);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as {
      found: boolean;
      facts: Array<{ kind: string; sources: unknown[] }>;
    };
    expect(answer.found).toBe(true);
    expect(answer.facts.length).toBeGreaterThan(0);
    expect(answer.facts.every((f) => f.kind === 'agreement' && f.sources.length > 0)).toBe(true);
  });
});
