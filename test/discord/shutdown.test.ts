import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMain } from '../support/child.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { ALICE, BOB, chatInput } from '../support/interactions.js';

const EPHEMERAL = 64;

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

describe('npm start with DISCORD_TOKEN, on SIGTERM', () => {
  it('stops taking interactions, finishes the one in flight, destroys the client, then exits 0, in that order', async () => {
    const bot = startMain({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, WATCH_CORPUS: 'false' });
    try {
      await bot.until(() => bot.lines().some((l) => l.msg === 'ready'), 'ready log line');

      // In flight: the bot has sent its reply, and Discord has not answered yet.
      const first = chatInput(fake, 'ask', { question: 'What is the trade target?' }, ALICE);
      const held = fake.hold((c) => c.method === 'POST' && c.path.startsWith(`/interactions/${first.id}/`));
      fake.send(first);
      const inFlight = await held.reached;

      bot.child.kill('SIGTERM');
      await bot.until(
        () => bot.lines().some((l) => l.msg === 'no longer taking interactions; finishing those under way'),
        'the bot to stop taking interactions',
      );
      // 1. A new interaction is turned away while the first is still under way.
      const second = chatInput(fake, 'ask', { question: 'Who visited Dushanbe?' }, BOB);
      fake.send(second);
      const refused = await fake.answered(await fake.callback(second.id));
      expect(refused.body.data.content).toMatch(/restarting/);
      expect(refused.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(fake.closes).toEqual([]);

      // 2. The one in flight finishes.
      held.release();
      await fake.answered(inFlight);
      // 4. The process exits 0.
      expect(await bot.exited).toBe(0);

      // 3. Only then was the client destroyed: a normal close (1000) after the reply was through.
      const close = fake.closes[0];
      expect(close?.code).toBe(1000);
      expect(inFlight.answeredOrder).toBeLessThan(close!.order);
      expect(refused.order).toBeLessThan(inFlight.answeredOrder!);

      const messages = bot.lines().map((l) => l.msg);
      const at = (msg: string) => messages.indexOf(msg);
      const answered = bot
        .lines()
        .findIndex(
          (l) =>
            l.msg === 'interaction' &&
            (l.options as { question?: string })?.question === 'What is the trade target?',
        );
      expect(at('shutting down')).toBeGreaterThanOrEqual(0);
      expect(at('shutting down')).toBeLessThan(
        at('no longer taking interactions; finishing those under way'),
      );
      expect(at('no longer taking interactions; finishing those under way')).toBeLessThan(answered);
      expect(answered).toBeLessThan(at('interactions under way are answered'));
      expect(at('interactions under way are answered')).toBeLessThan(at('discord client destroyed'));
      expect(at('discord client destroyed')).toBeLessThan(at('stopped'));
      expect(bot.stderr()).not.toContain(fake.token);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 120_000);
});
