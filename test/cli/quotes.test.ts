import { describe, expect, it } from 'vitest';
import { runScript } from '../support/runCli.js';

describe('npm run ask -- /quotes', () => {
  it('prints the person’s statements on the topic with their file:line', async () => {
    const run = await runScript('src/cli/ask.ts', ['/quotes', 'person:Tokayev', 'topic:trade']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^1 statement by Kassym-Jomart Tokayev on "trade"\./);
    expect(run.stdout).toContain('— seeds/002_a5be58d35a5fd42e.txt:11 (2024-08-22)');
  });
});
