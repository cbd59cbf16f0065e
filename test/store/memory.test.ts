import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.js';

describe('MemoryStore', () => {
  it('returns a value until it expires, and a touch keeps it', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    await store.set('k', 'v', 100);
    now = 90;
    expect(await store.get('k', 100)).toBe('v');
    now = 180;
    expect(await store.get('k')).toBe('v');
    now = 191;
    expect(await store.get('k')).toBeUndefined();
  });

  it('lets one caller claim a key until it expires', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    expect(await store.claim('id', 50)).toBe(true);
    expect(await store.claim('id', 50)).toBe(false);
    now = 51;
    expect(await store.claim('id', 50)).toBe(true);
  });

  it('returns 0 for a free cooldown and the ms left for a taken one', async () => {
    let now = 0;
    const store = new MemoryStore({ now: () => now });
    expect(await store.take('u', 1000)).toBe(0);
    now = 400;
    expect(await store.take('u', 1000)).toBe(600);
    now = 1000;
    expect(await store.take('u', 1000)).toBe(0);
  });

  it('keeps at most its capacity, dropping the least recently used', async () => {
    const store = new MemoryStore({ capacity: 3 });
    for (const k of ['a', 'b', 'c']) await store.set(k, k, 1000);
    await store.get('a', 1000);
    await store.set('d', 'd', 1000);
    expect(store.size).toBe(3);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe('a');
  });
});
