import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import { captureLog } from '../support/captureLog.js';
import { FakeDiscord, type RestCall } from '../support/fakeDiscord.js';
import { ALICE, autocomplete, chatInput, type Interaction } from '../support/interactions.js';
import { seedEngine } from '../support/seedEngine.js';

/**
 * What Discord (or someone posing as it) may send that a well-formed
 * interaction would not be: the same interaction twice, options of the wrong
 * type, or a payload discord.js cannot build. Each is answered once, with a
 * clear private message where one is due, and nothing is left unhandled.
 */

const EPHEMERAL = 64;

let fake: FakeDiscord;
let bot: Bot;
const log = captureLog();
const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);

const ofInteraction = (interaction: Interaction) => (c: RestCall) =>
  c.method === 'POST' && c.path.startsWith(`/interactions/${interaction.id}/`);

async function callback(interaction: Interaction) {
  fake.send(interaction);
  return (await fake.callback(interaction.id)).body;
}

/** Waits for a later interaction to be answered: the bot handles them in order, so anything before is over. */
async function settle(): Promise<void> {
  await callback(autocomplete(fake, 'source', { name: 'file', value: '00' }));
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  fake = await FakeDiscord.start();
  const context = { engine: await seedEngine(), commands: await loadCommands() };
  bot = createBot({ token: fake.token, apiUrl: fake.apiUrl, context: () => context, logger: log.logger });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  process.off('unhandledRejection', onUnhandled);
});

describe('createBot, the same interaction delivered twice', () => {
  it('returns one answer when the gateway delivers an interaction id a second time', async () => {
    const interaction = chatInput(fake, 'ask', { question: 'What is the trade target?' });
    fake.send(interaction);
    await fake.answered(await fake.callback(interaction.id));
    // As a replay after a RESUME can: the same dispatch again, after it was answered.
    fake.send(interaction);
    await settle();
    expect(fake.calls.filter(ofInteraction(interaction))).toHaveLength(1);
    expect(log.lines().filter((l) => l.msg === 'interaction delivered again; already answered')).toEqual([
      expect.objectContaining({ interactionId: interaction.id }),
    ]);
  });

  it('returns one answer when both deliveries arrive before the first is answered', async () => {
    const interaction = chatInput(fake, 'search', { query: 'Kazakhstan' });
    fake.send(interaction);
    fake.send(interaction);
    await fake.callback(interaction.id);
    await settle();
    expect(fake.calls.filter(ofInteraction(interaction))).toHaveLength(1);
  });
});

/** A /command whose options Discord sent as given, unchecked. */
function withOptions(name: string, options: unknown): Interaction {
  const interaction = chatInput(fake, name);
  (interaction.data as { options: unknown }).options = options;
  return interaction;
}

describe('createBot, option values of the wrong type', () => {
  it.each([
    ['a boolean', true, 'option "question" must be text, not true/false (true)'],
    ['a number', 42, 'option "question" must be text, not a number (42)'],
    ['an object', { text: 'trade' }, 'option "question" cannot be an object'],
    ['a list', ['trade'], 'option "question" cannot be a list'],
    ['null', null, 'option "question" cannot be an object'],
  ])('returns a private error naming the option when a text option is %s', async (_what, value, message) => {
    const body = await callback(withOptions('ask', [{ name: 'question', type: 3, value }]));
    expect(body.type).toBe(4);
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toContain(message);
    expect(body.data.content).not.toMatch(/\[object Object\]|^true$/);
    expect(body.data.embeds).toEqual([]);
  });

  it('returns a private error when a whole-number option is an object', async () => {
    const body = await callback(
      withOptions('source', [
        { name: 'file', type: 3, value: '000' },
        { name: 'line', type: 4, value: { n: 1 } },
      ]),
    );
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toContain('option "line" cannot be an object');
  });
});

describe('createBot, payloads discord.js cannot build', () => {
  const cases: [string, (i: Interaction) => void, string][] = [
    [
      'options that are not a list',
      (i) => Object.assign(i.data as object, { options: { question: 'x' } }),
      'its options are not a list',
    ],
    [
      'an option without a name',
      (i) => Object.assign(i.data as object, { options: [{ type: 3, value: 'x' }] }),
      'one of its options has no name',
    ],
    ['no member and no user', (i) => delete i.member, 'it names no user'],
    ['a member without a user', (i) => Object.assign(i, { member: { roles: [] } }), 'it names no user'],
  ];
  it.each(cases)(
    'returns a clear private error, and nothing unhandled, for %s',
    async (_what, spoil, problem) => {
      const interaction = chatInput(fake, 'ask', { question: 'What is the trade target?' }, ALICE);
      spoil(interaction);
      const body = await callback(interaction);
      expect(body).toEqual({
        type: 4,
        data: {
          content: `citebot could not read this interaction: ${problem}. Run the command again; if this keeps happening, tell the bot's owner.`,
          flags: EPHEMERAL,
          allowed_mentions: { parse: [] },
        },
      });
      await settle();
      expect(fake.calls.filter(ofInteraction(interaction))).toHaveLength(1);
      expect(unhandled).toEqual([]);
      expect(log.lines().filter((l) => l.level === 50)).toEqual([]);
    },
  );

  it('returns no choices, and nothing unhandled, for an autocomplete whose options are not a list', async () => {
    const interaction = autocomplete(fake, 'source', { name: 'file', value: '00' });
    (interaction.data as { options: unknown }).options = 'file';
    expect(await callback(interaction)).toEqual({ type: 8, data: { choices: [] } });
    expect(unhandled).toEqual([]);
  });
});
