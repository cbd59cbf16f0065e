import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import type { Answer } from '../../src/answer/types.js';
import { defineCommand } from '../../src/commands/contract.js';
import { RESTARTING } from '../../src/discord/reply.js';
import { sendBurst } from '../support/burst.js';
import { captureLog } from '../support/captureLog.js';
import { startMain, withBotOn } from '../support/child.js';
import { limitProblems } from '../support/discordLimits.js';
import { FakeDiscord, type RestCall } from '../support/fakeDiscord.js';
import { ALICE, BOB, chatInput, type Interaction, type Who } from '../support/interactions.js';
import { startTestBot } from '../support/testBot.js';

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

/** Interactions in flight at SIGTERM, and those sent after it. */
const IN_FLIGHT = 600;
const LATE = 50;
const USERS = 50;

function question(i: number): Interaction {
  const who: Who = { id: String(330000000000000000n + BigInt(i % USERS)), username: `user${i % USERS}` };
  return i % 3 === 0
    ? chatInput(fake, 'search', { query: 'Kazakhstan trade' }, who)
    : chatInput(fake, 'ask', { question: i % 2 ? 'What is the trade target?' : 'capital of Peru' }, who);
}

describe('npm start with DISCORD_TOKEN, on SIGTERM under load', () => {
  it(`leaves none of ${IN_FLIGHT} interactions in flight on "thinking…", tells ${LATE} late ones at once, and exits 0`, async () => {
    await withBotOn(fake, { WATCH_CORPUS: 'false', COOLDOWN_SECONDS: '0' }, async (bot) => {
      const inFlight = Array.from({ length: IN_FLIGHT }, (_, i) => question(i));
      const late = Array.from({ length: LATE }, (_, i) => question(IN_FLIGHT + i));
      const deferrals = () => fake.calls.filter((c) => c.status === 204 && c.body?.type === 5).length;
      const before = deferrals();
      const sent = sendBurst(fake, inFlight, 60_000);
      // SIGTERM once half of them are acknowledged, then more: they reach a bot still busy with the burst.
      await bot.until(() => deferrals() - before >= IN_FLIGHT / 2, 'half of the burst deferred');
      bot.child.kill('SIGTERM');
      // Late means sent once the bot has taken the signal: on a loaded machine an interaction sent just
      // after kill() can reach the bot before the signal does, and is then rightly answered.
      await bot.until(() => bot.lines().some((l) => l.msg === 'shutting down'), 'shutting down log line');
      for (const interaction of late) fake.send(interaction);
      expect(await bot.exited).toBe(0);
      const burst = await sent;
      burst.stop();

      // Each interaction was acknowledged once, and none is left on "thinking…": each deferral ended
      // with its answer or with an edit saying that citebot is restarting.
      expect(burst.lost()).toEqual([]);
      expect(burst.duplicated()).toEqual([]);
      expect(burst.unfinished()).toEqual([]);
      const saysRestarting = (body: RestCall['body']) => (body.data?.content ?? body.content) === RESTARTING;
      const deferred = inFlight.filter((i) => burst.callbacks.get(i.id)?.[0]?.body.type === 5);
      expect(deferred.length).toBeGreaterThanOrEqual(IN_FLIGHT / 2);
      const editedToRestarting = deferred.filter((i) => saysRestarting(burst.finals.get(i.id)!.body));
      const told = bot.lines().find((l) => String(l.msg).startsWith('interactions still under way'));
      expect(editedToRestarting).toHaveLength(told ? Number(told.told) : 0);
      // Those not yet acknowledged when SIGTERM came were turned away at once, not left unanswered.
      for (const i of inFlight.filter((i) => !deferred.includes(i))) {
        const reply = burst.callbacks.get(i.id)![0]!.body;
        if (saysRestarting(reply)) expect(reply.data.flags).toBe(EPHEMERAL);
        else expect(limitProblems(reply.data)).toEqual([]);
      }

      // Late arrivals: each told at once, privately, that citebot is restarting, and nothing else.
      for (const interaction of late) {
        const calls = fake.calls.filter((c) => c.path.includes(interaction.token));
        expect(
          calls.map((c) => c.body),
          `late interaction ${interaction.id}`,
        ).toEqual([
          {
            type: 4,
            data: {
              content: RESTARTING,
              flags: EPHEMERAL,
              allowed_mentions: { parse: [] },
              tts: false,
              enforce_nonce: false,
            },
          },
        ]);
      }
    });
  }, 120_000);
});

describe('createBot stop', () => {
  it('edits a deferred reply still being worked on at the end of the grace period to say citebot is restarting, and sends nothing after', async () => {
    let finish: (answer: Answer) => void = () => {};
    const never = defineCommand({
      name: 'never',
      description: 'Answers when the test says so',
      options: [],
      run: () =>
        new Promise<Answer>((resolve) => {
          finish = resolve;
        }),
    });
    const log = captureLog();
    const { bot, engine } = await startTestBot({ log, commands: [never], deferAfterMs: 50, fake });
    const interaction = chatInput(fake, 'never');
    fake.send(interaction);
    const deferral = await fake.answered(await fake.callback(interaction.id));
    expect(deferral.body.type).toBe(5);

    await bot.stop(100);
    const edits = fake.webhookCalls(interaction.token);
    expect(edits.map((c) => [c.method, c.status, c.body.content])).toEqual([['PATCH', 200, RESTARTING]]);
    expect(edits[0]!.body.embeds).toEqual([]);
    expect(log.lines().find((l) => String(l.msg).startsWith('interactions still under way'))).toMatchObject({
      unfinished: 1,
      told: 1,
    });

    // The command finishing later changes nothing: the user was told to ask again.
    finish(ask(engine, 'What is the trade target?'));
    await log.waitFor((l) => l.msg === 'interaction' && l.outcome === 'restarting');
    expect(fake.webhookCalls(interaction.token)).toHaveLength(1);
  });
});
