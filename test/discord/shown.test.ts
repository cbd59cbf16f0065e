import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { ShownAnswers } from '../../src/discord/shown.js';

const answer = (query: string): Answer => ({
  command: 'ask',
  query,
  found: true,
  answer: query,
  citations: [],
  facts: [],
  matched: 0,
  unmatched: [],
  tookMs: 0,
});

describe('ShownAnswers', () => {
  it('returns the answer and its asker by key until it expires', () => {
    let now = 0;
    const shown = new ShownAnswers({ ttlMs: 1000, now: () => now });
    const key = shown.put(answer('a'), 'u1');
    expect(key).toMatch(/^[\w-]{8}$/);
    now = 900;
    expect(shown.get(key)).toMatchObject({ answer: { query: 'a' }, userId: 'u1', posted: false });
    now = 1800; // used at 900: still fresh
    expect(shown.get(key)).toBeDefined();
    now = 2801;
    expect(shown.get(key)).toBeUndefined();
  });

  it('returns undefined for the least recently used answer once capacity is passed', () => {
    const shown = new ShownAnswers({ capacity: 2 });
    const a = shown.put(answer('a'), 'u');
    const b = shown.put(answer('b'), 'u');
    shown.get(a);
    const c = shown.put(answer('c'), 'u');
    expect(shown.size).toBe(2);
    expect(shown.get(b)).toBeUndefined();
    expect(shown.get(a)?.answer.query).toBe('a');
    expect(shown.get(c)?.answer.query).toBe('c');
  });
});
