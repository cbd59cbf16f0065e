import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/feedback/schema.js';
import { type FeedbackStore, openFeedback, type ShownRecord } from '../../src/feedback/store.js';
import { summaryLines } from '../../src/feedback/summary.js';
import { captureLog } from '../support/captureLog.js';

const dirs: string[] = [];
const stores: FeedbackStore[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'citebot-feedback-'));
  dirs.push(dir);
  return dir;
}
async function open(path: string, log = captureLog()) {
  const store = await openFeedback(path, log.logger);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function shown(id: string, question: string, found = true, userId = 'u1'): ShownRecord {
  return { id, command: 'ask', question, found, citations: found ? ['seeds/x.txt:3'] : [], userId };
}

describe('openFeedback', () => {
  it('creates its folder and the schema, at the current user_version, once', async () => {
    const path = join(tempDir(), 'deep', 'feedback.sqlite');
    (await open(path)).close();
    const again = await open(path);
    expect(again.ok).toBe(true);
    const db = new Sqlite(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(['answers', 'meta', 'votes']);
    expect(db.prepare("SELECT count(*) FROM meta WHERE key = 'salt'").pluck().get()).toBe(1);
    db.close();
  });

  it('stores the question, command, citations, vote and reason, time, and the user only as a salted hash', async () => {
    const path = join(tempDir(), 'f.sqlite');
    const store = await open(path);
    expect(store.recordAnswer(shown('a1', 'Where did the ministers of Norland meet?'))).toBe(true);
    expect(store.vote('a1', '777000111', 'down')).toBe(true);
    expect(store.vote('a1', '777000111', 'down', 'quotes the wrong year')).toBe(true);
    store.close();
    const db = new Sqlite(path, { readonly: true });
    const answer = db.prepare('SELECT * FROM answers').get() as Record<string, unknown>;
    expect(answer).toMatchObject({ id: 'a1', command: 'ask', found: 1, citations: '["seeds/x.txt:3"]' });
    expect(answer.question).toBe('Where did the ministers of Norland meet?');
    const vote = db.prepare('SELECT * FROM votes').get() as Record<string, unknown>;
    expect(vote).toMatchObject({ answer_id: 'a1', vote: -1, reason: 'quotes the wrong year' });
    expect(new Date(String(vote.at)).getTime()).not.toBeNaN();
    expect(vote.user_hash).toMatch(/^[0-9a-f]{64}$/);
    const all = JSON.stringify([
      db.prepare('SELECT * FROM votes').raw().all(),
      db.prepare('SELECT * FROM answers').raw().all(),
    ]);
    expect(all).not.toContain('777000111');
    db.close();
  });

  it('keeps every vote of a concurrent burst, from many users and from a second connection', async () => {
    const path = join(tempDir(), 'f.sqlite');
    const store = await open(path);
    const other = await open(path);
    store.recordAnswer(shown('b1', 'How much did Sudvia export?'));
    const votes = Array.from({ length: 200 }, (_, i) =>
      Promise.resolve().then(() => (i % 2 ? store : other).vote('b1', `user-${i}`, i % 3 ? 'up' : 'down')),
    );
    expect((await Promise.all(votes)).every(Boolean)).toBe(true);
    const summary = store.summary();
    expect(summary?.up).toBe(133);
    expect(summary?.down).toBe(67);
  });

  it('summarises counts, the most down-voted and the most often not-found questions', async () => {
    const store = await open(join(tempDir(), 'f.sqlite'));
    store.recordAnswer(shown('c1', 'Who signed the Westmark accord?'));
    store.recordAnswer(shown('c2', 'Who signed the westmark accord? '));
    store.recordAnswer(shown('c3', 'What is the ferry tariff to Sudvia?', false));
    store.recordAnswer(shown('c4', 'what is the ferry tariff to sudvia?', false));
    store.recordAnswer(shown('c5', 'When is the Norland fair?', false));
    store.vote('c1', 'u1', 'down', 'wrong signatory');
    store.vote('c2', 'u2', 'down');
    store.vote('c1', 'u3', 'up');
    const summary = store.summary()!;
    expect(summary).toMatchObject({ answers: 5, notFound: 3, up: 1, down: 2, reasons: 1 });
    expect(summary.downVoted[0]).toMatchObject({ count: 2, command: 'ask' });
    expect(summary.downVoted[0]?.question.toLowerCase()).toContain('westmark accord');
    expect(summary.notFoundQuestions.map((q) => q.count)).toEqual([2, 1]);
    const text = summaryLines(summary).join('\n');
    expect(text).toContain('5 answers shown, 3 not found (60%)');
    expect(text).toContain('2× /ask "What is the ferry tariff to Sudvia?"');
    expect(text).toContain('"wrong signatory"');
  });

  it('returns a store that keeps nothing, with a warning, for a path it cannot create (read-only or missing)', async () => {
    const fileAsFolder = join(tempDir(), 'plain-file');
    writeFileSync(fileAsFolder, 'not a folder');
    for (const path of ['/sys/citebot-test/feedback.sqlite', join(fileAsFolder, 'feedback.sqlite')]) {
      const log = captureLog();
      const store = await open(path, log);
      expect(store.ok).toBe(false);
      expect(store.recordAnswer(shown('d1', 'anything'))).toBe(false);
      expect(store.vote('d1', 'u1', 'up')).toBe(false);
      expect(store.summary()).toBeNull();
      expect(log.lines().find((l) => l.level === 40)).toMatchObject({
        path,
        msg: expect.stringMatching(/cannot open FEEDBACK_DB/),
      });
    }
  });

  it('returns false and warns once, without throwing, when a write fails (the database locked by another writer)', async () => {
    const path = join(tempDir(), 'f.sqlite');
    const log = captureLog();
    const store = await open(path, log);
    const locker = new Sqlite(path);
    locker.prepare('BEGIN EXCLUSIVE').run();
    try {
      expect(store.vote('e1', 'u1', 'up')).toBe(false);
      expect(store.vote('e1', 'u2', 'up')).toBe(false);
    } finally {
      locker.prepare('ROLLBACK').run();
      locker.close();
    }
    const warnings = log.lines().filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      path,
      what: 'vote',
      msg: expect.stringMatching(/cannot write to FEEDBACK_DB/),
    });
    expect(store.vote('e1', 'u1', 'up')).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)(
    'warns and keeps nothing for a database file it may not write',
    async () => {
      const path = join(tempDir(), 'f.sqlite');
      (await open(path)).close();
      const { chmodSync } = await import('node:fs');
      chmodSync(path, 0o444);
      const log = captureLog();
      const store = await open(path, log);
      expect(store.vote('f1', 'u1', 'up')).toBe(false);
      expect(log.lines().some((l) => l.level === 40)).toBe(true);
    },
  );
});
