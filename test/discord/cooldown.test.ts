import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';

describe('Cooldown', () => {
  it('returns how long to wait when a user runs a second command within the cooldown', () => {
    let now = 1_000_000;
    const cooldown = new Cooldown({ ms: 2000, now: () => now });
    expect(cooldown.take('alice')).toEqual({ ok: true });
    now += 500;
    expect(cooldown.take('alice')).toEqual({ ok: false, retryAfterMs: 1500 });
    expect(cooldown.take('bob')).toEqual({ ok: true });
    now += 1500;
    expect(cooldown.take('alice')).toEqual({ ok: true });
  });

  it('returns ok every time when the cooldown is 0', () => {
    const cooldown = new Cooldown({ ms: 0 });
    for (let i = 0; i < 5; i++) expect(cooldown.take('alice')).toEqual({ ok: true });
    expect(cooldown.size).toBe(0);
  });

  it('forgets users whose cooldown is over, so memory stays bounded however many users ask', () => {
    let now = 0;
    const cooldown = new Cooldown({ ms: 2000, now: () => now });
    for (let i = 0; i < 10_000; i++) {
      now += 10;
      cooldown.take(`user-${i}`);
    }
    // Only those of the last 2 s are left: 200 users at one every 10 ms.
    expect(cooldown.size).toBeLessThanOrEqual(201);
  });
});
