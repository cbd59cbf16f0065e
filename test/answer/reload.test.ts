import { describe, expect, it } from 'vitest';
import { reloadAnswer } from '../../src/answer/reload.js';

describe('reloadAnswer', () => {
  it('returns the new size against the old, and what was skipped, after a reload', () => {
    const answer = reloadAnswer({
      ok: true,
      files: 6,
      sentences: 340,
      skipped: 1,
      stale: 0,
      before: { files: 5, sentences: 300 },
      changed: true,
      tookMs: 12.5,
    });
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(
      /^Reloaded the corpus: 6 articles, 340 sentences \(before: 5 articles, 300 sentences\)\./,
    );
    expect(answer.answer).toMatch(/1 file skipped/);
  });

  it('returns a not-found answer saying the old index stays when the reload failed', () => {
    const answer = reloadAnswer({
      ok: false,
      error: 'corpus folder seeds does not exist',
      kept: { files: 5, sentences: 300 },
    });
    expect(answer.found).toBe(false);
    expect(answer.answer).toBe(
      'The reload failed: corpus folder seeds does not exist. citebot still answers from the previous index (5 articles, 300 sentences).',
    );
  });
});
