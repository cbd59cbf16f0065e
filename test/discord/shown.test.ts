import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { ShownAnswers } from '../../src/discord/shown.js';
import { MemoryStore } from '../../src/store/memory.js';
import { type Store, StoreUnavailable } from '../../src/store/types.js';

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

const query = (lookup: Awaited<ReturnType<ShownAnswers['get']>>) =>
  lookup.ok ? lookup.shown.answer.query : lookup.why;

describe('ShownAnswers', () => {
  it('returns the answer and its asker by key until it expires', async () => {
    let now = 0;
    const shown = new ShownAnswers({ ttlMs: 1000, now: () => now });
    const key = (await shown.put(answer('a'), 'u1'))!;
    expect(key).toMatch(/^[\w-]{8}$/);
    now = 900;
    expect(await shown.get(key)).toMatchObject({ ok: true, shown: { answer: { query: 'a' }, userId: 'u1' } });
    now = 1800; // used at 900: still fresh
    expect((await shown.get(key)).ok).toBe(true);
    now = 2801;
    expect(await shown.get(key)).toEqual({ ok: false, why: 'expired' });
  });

  it('returns expired for the least recently used answer once capacity is passed', async () => {
    const store = new MemoryStore({ capacity: 2 });
    const shown = new ShownAnswers({ store });
    const a = (await shown.put(answer('a'), 'u'))!;
    const b = (await shown.put(answer('b'), 'u'))!;
    await shown.get(a);
    const c = (await shown.put(answer('c'), 'u'))!;
    expect(store.size).toBe(2);
    expect(query(await shown.get(b))).toBe('expired');
    expect(query(await shown.get(a))).toBe('a');
    expect(query(await shown.get(c))).toBe('c');
  });

  it('lets an answer be posted once', async () => {
    const shown = new ShownAnswers();
    const key = (await shown.put(answer('a'), 'u'))!;
    expect(await shown.claimPost(key)).toBe(true);
    expect(await shown.claimPost(key)).toBe(false);
  });

  it('returns no key, and unavailable for a key, when the store cannot be reached', async () => {
    const down: Store = {
      set: () => Promise.reject(new StoreUnavailable('Redis is not connected')),
      get: () => Promise.reject(new StoreUnavailable('Redis is not connected')),
      claim: () => Promise.reject(new StoreUnavailable('Redis is not connected')),
      take: () => Promise.reject(new StoreUnavailable('Redis is not connected')),
    };
    const shown = new ShownAnswers({ store: down });
    expect(await shown.put(answer('a'), 'u')).toBeNull();
    expect(await shown.get('abcdefgh')).toMatchObject({ ok: false, why: 'unavailable' });
  });
});
