import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import type { Bot } from '../../src/discord/bot.js';
import { QUEUEING_AFTER_MS } from '../../src/discord/restWatch.js';
import type { Engine } from '../../src/engine.js';
import { captureLog } from '../support/captureLog.js';
import type { FakeDiscord, RestCall } from '../support/fakeDiscord.js';
import { chatInput, type Interaction } from '../support/interactions.js';
import { slowCommand, startTestBot } from '../support/testBot.js';

/**
 * While Discord's REST is rate limiting (or slow), a reply sent after the work
 * could wait in @discordjs/rest's queue past Discord's 3 s: commands then
 * acknowledge before they work. The bot here never defers on its own timer
 * (60 s), so a deferral seen while the command is still running can only be
 * that rule.
 */

const slow = slowCommand();
const log = captureLog();
let fake: FakeDiscord;
let bot: Bot;
let engine: Engine;

const ofInteraction = (interaction: Interaction) => (c: RestCall) =>
  c.method === 'POST' && c.path.startsWith(`/interactions/${interaction.id}/`);

/** The first callback of an interaction that the fake accepted. */
function accepted(interaction: Interaction): Promise<RestCall> {
  const match = ofInteraction(interaction);
  return fake.waitFor((c) => match(c) && c.status === 204, `accepted callback for ${interaction.id}`, 20_000);
}

/** The accepted edit of an interaction's deferral. */
function edited(interaction: Interaction): Promise<RestCall> {
  return fake.waitFor(
    (c) => c.method === 'PATCH' && c.path.includes(interaction.token) && c.status === 200,
    'the accepted edit',
    20_000,
  );
}

beforeAll(async () => {
  ({ fake, bot, engine } = await startTestBot({ log, commands: [slow.command], deferAfterMs: 60_000 }));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('createBot, while REST queues or rate limits', () => {
  it('returns a deferral at once, before the work is done, while another call of its waits in REST', async () => {
    // A deferred answer whose edit Discord holds back: a REST call of the bot's, waiting.
    const firstAnswer = slow.next();
    const first = chatInput(fake, 'slow');
    fake.send(first);
    // Not deferred (nothing strains REST yet, and the timer is 60 s): the reply is held instead.
    const held = fake.hold(ofInteraction(first));
    firstAnswer.resolve(ask(engine, 'What is the trade target?'));
    await held.reached;
    await new Promise((resolve) => setTimeout(resolve, QUEUEING_AFTER_MS * 2));

    const secondAnswer = slow.next();
    const second = chatInput(fake, 'slow');
    fake.send(second);
    const ack = await accepted(second);
    expect(ack.body).toEqual({ type: 5, data: { flags: 0 } });

    held.release();
    expect((await accepted(first)).body.type).toBe(4);
    secondAnswer.resolve(ask(engine, 'What is the trade target?'));
    expect((await edited(second)).body.embeds[0].description).toMatch(/\*\*\[1\]\*\*/);
  });

  it('returns a deferral at once, before the work is done, after a 429 with retry-after 1 s on every 4th call', async () => {
    fake.rateLimitEvery(4, 1);
    try {
      // Enough calls for the fake to have answered one 429.
      for (let i = 0; i < 4; i++) {
        const asked = chatInput(fake, 'ask', { question: 'What is the trade target?' });
        fake.send(asked);
        await accepted(asked);
      }
      expect(fake.calls.filter((c) => c.status === 429)).toHaveLength(1);

      const answer = slow.next();
      const interaction = chatInput(fake, 'slow');
      fake.send(interaction);
      const ack = await accepted(interaction);
      expect(ack.body).toEqual({ type: 5, data: { flags: 0 } });
      answer.resolve(ask(engine, 'What is the trade target?'));
      expect((await edited(interaction)).body.embeds[0].description).toMatch(/\*\*\[1\]\*\*/);
    } finally {
      fake.rateLimitEvery(null);
    }
  });
});
