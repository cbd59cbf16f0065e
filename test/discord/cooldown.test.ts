import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';
import { MemoryStore } from '../../src/store/memory.js';
import { type Store, StoreUnavailable } from '../../src/store/types.js';

describe('Cooldown', () => {
  it('returns how long to wait when a user runs a second command within the cooldown', async () => {
    let now = 1_000_000;
    const cooldown = new Cooldown({ ms: 2000, now: () => now });
    expect(await cooldown.take('alice')).toEqual({ ok: true });
    now += 500;
    expect(await cooldown.take('alice')).toEqual({ ok: false, retryAfterMs: 1500 });
    expect(await cooldown.take('bob')).toEqual({ ok: true });
    now += 1500;
    expect(await cooldown.take('alice')).toEqual({ ok: true });
  });

  it('returns ok every time when the cooldown is 0', async () => {
    const store = new MemoryStore();
    const cooldown = new Cooldown({ ms: 0, store });
    for (let i = 0; i < 5; i++) expect(await cooldown.take('alice')).toEqual({ ok: true });
    expect(store.size).toBe(0);
  });

  it('forgets users whose cooldown is over, so memory stays bounded however many users ask', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    const cooldown = new Cooldown({ ms: 2000, store });
    for (let i = 0; i < 10_000; i++) {
      now += 10;
      await cooldown.take(`user-${i}`);
    }
    // Only those of the last 2 s are left: 200 users at one every 10 ms.
    expect(store.size).toBeLessThanOrEqual(201);
  });

  it('lets the user through when the store cannot be reached', async () => {
    const down: Store = {
      set: () => Promise.reject(new StoreUnavailable('test')),
      get: () => Promise.reject(new StoreUnavailable('test')),
      claim: () => Promise.reject(new StoreUnavailable('test')),
      take: () => Promise.reject(new StoreUnavailable('test')),
    };
    const cooldown = new Cooldown({ ms: 2000, store: down });
    expect(await cooldown.take('alice')).toEqual({ ok: true });
    expect(await cooldown.take('alice')).toEqual({ ok: true });
  });
});
