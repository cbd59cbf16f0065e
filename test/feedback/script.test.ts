import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFeedback } from '../../src/feedback/store.js';
import { captureLog } from '../support/captureLog.js';
import { runScript } from '../support/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'citebot-feedback-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run feedback', () => {
  it('prints the counts, the most down-voted and the most often not-found questions of FEEDBACK_DB', async () => {
    const path = join(dir, 'f.sqlite');
    const store = await openFeedback(path, captureLog().logger);
    store.recordAnswer({
      id: 'q1',
      command: 'ask',
      question: 'Who chairs the Norland port board?',
      found: false,
      citations: [],
      userId: 'a',
    });
    store.recordAnswer({
      id: 'q2',
      command: 'trade',
      question: 'Sudvia',
      found: true,
      citations: ['s.txt:2'],
      userId: 'b',
    });
    store.vote('q2', 'b', 'down', 'old figure');
    store.close();
    const run = await runScript('scripts/feedback.ts', [], { env: { FEEDBACK_DB: path } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 answers shown, 1 not found (50%); 0 👍, 1 👎 (1 with a reason)');
    expect(run.stdout).toMatch(/Most 👎:\n {2}1× \/trade "Sudvia"/);
    expect(run.stdout).toMatch(/Most often not found:\n {2}1× \/ask "Who chairs the Norland port board\?"/);
  });

  it('exits 1 with a message when there is no database yet', async () => {
    const run = await runScript('scripts/feedback.ts', [], {
      env: { FEEDBACK_DB: join(dir, 'none.sqlite') },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no feedback database at/);
  });

  it('is the package script `feedback`', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.feedback).toContain('scripts/feedback.ts');
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^12\./);
  });
});
