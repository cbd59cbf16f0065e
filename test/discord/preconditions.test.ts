import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';
import { type Check, firstRefusal, isAsker, offCooldown } from '../../src/discord/preconditions.js';
import type { ShownAnswer } from '../../src/discord/shown.js';

describe('offCooldown', () => {
  it('returns ok, then a refusal naming the whole seconds left, for a second command within the cooldown', async () => {
    let now = 1000;
    const cooldown = new Cooldown({ ms: 2000, now: () => now });
    expect(await offCooldown(cooldown, 'u1')).toEqual({ ok: true });
    now += 500;
    expect(await offCooldown(cooldown, 'u1')).toEqual({
      ok: false,
      outcome: 'cooldown',
      message: 'One command at a time, please: you can run another in 2 seconds.',
    });
    expect(await offCooldown(undefined, 'u1')).toEqual({ ok: true });
  });
});

describe('isAsker', () => {
  const shown = { userId: 'u1' } as ShownAnswer;

  it('returns ok for the asker and a refusal saying what only they can do for anyone else', () => {
    expect(isAsker(shown, 'u1', 'page')).toEqual({ ok: true });
    expect(isAsker(shown, 'u2', 'post')).toMatchObject({
      ok: false,
      outcome: 'refused',
      message: 'Only the person who asked can post this answer. Run the command yourself to browse.',
    });
  });
});

describe('firstRefusal', () => {
  it('returns the first refusal and runs no check after it', () => {
    const ran: string[] = [];
    const check = (name: string, ok: boolean) => (): Check => {
      ran.push(name);
      return ok ? { ok: true } : { ok: false, outcome: name, message: 'no' };
    };
    const refusal = firstRefusal(check('a', true), check('b', false), check('c', false));
    expect(refusal?.outcome).toBe('b');
    expect(ran).toEqual(['a', 'b']);
  });
});
