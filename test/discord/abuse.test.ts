import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import { Cooldown } from '../../src/discord/cooldown.js';
import type { Engine } from '../../src/engine.js';
import { captureLog } from '../support/captureLog.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import {
  ALICE,
  autocomplete,
  BOB,
  button,
  chatInput,
  customIds,
  type Interaction,
} from '../support/interactions.js';
import { seedEngine } from '../support/seedEngine.js';

const EPHEMERAL = 64;
const COOLDOWN_MS = 60_000;

let fake: FakeDiscord;
let bot: Bot;
let engine: Engine;
/** The cooldown's clock: the tests move it, so nothing depends on how fast the machine is. */
let now = 1_000_000;
const log = captureLog();

async function callback(interaction: Interaction) {
  fake.send(interaction);
  return (await fake.callback(interaction.id)).body;
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  engine = await seedEngine();
  const context = { engine, commands: await loadCommands() };
  bot = createBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    context: () => context,
    logger: log.logger,
    cooldown: new Cooldown({ ms: COOLDOWN_MS, now: () => now }),
  });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('createBot with a cooldown', () => {
  it('tells a user who runs a second command within the cooldown, privately, how long to wait', async () => {
    now += COOLDOWN_MS;
    const first = await callback(chatInput(fake, 'ask', { question: 'What is the trade target?' }, ALICE));
    expect(first.data.embeds).toHaveLength(1);
    now += 15_000;
    const second = await callback(chatInput(fake, 'search', { query: 'Kazakhstan' }, ALICE));
    expect(second.type).toBe(4);
    expect(second.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(second.data.content).toBe('One command at a time, please: you can run another in 45 seconds.');
    expect(second.data.embeds).toEqual([]);
    expect(await log.waitFor((l) => l.outcome === 'cooldown')).toMatchObject({
      command: 'search',
      userId: ALICE.id,
    });
  });

  it('returns answers to other users, and to the same user once the cooldown is over', async () => {
    const bob = await callback(chatInput(fake, 'ask', { question: 'What is the trade target?' }, BOB));
    expect(bob.data.embeds).toHaveLength(1);
    now += COOLDOWN_MS;
    const alice = await callback(chatInput(fake, 'ask', { question: 'What is the trade target?' }, ALICE));
    expect(alice.data.embeds).toHaveLength(1);
  });

  it('returns autocomplete choices and pages during a cooldown: only commands count', async () => {
    now += COOLDOWN_MS;
    const asked = await callback(chatInput(fake, 'search', { query: 'Kazakhstan' }, ALICE));
    const choices = await callback(autocomplete(fake, 'source', { name: 'file', value: '00' }, {}, ALICE));
    expect(choices.data.choices.map((c: { value: string }) => c.value)).toEqual(
      engine.corpus.articles.map((a) => a.name).filter((name) => name.startsWith('00')),
    );
    const next = customIds(asked.data).find((id) => id.startsWith('pg:') && id.endsWith(':n'))!;
    const paged = await callback(button(fake, next, asked.data, ALICE));
    expect(paged.type).toBe(7);
    expect(paged.data.embeds[0].footer.text).toMatch(/page 2 of 2/);
  });
});

describe('createBot, buttons', () => {
  it('refuses Post to channel to anyone but the asker, and still lets the asker post', async () => {
    now += COOLDOWN_MS;
    const asked = await callback(
      chatInput(fake, 'ask', { question: 'What is the trade target?', private: true }, ALICE),
    );
    const post = customIds(asked.data).find((id) => id.startsWith('post:'))!;
    const refused = await callback(button(fake, post, asked.data, BOB));
    expect(refused.type).toBe(4);
    expect(refused.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.data.content).toMatch(/^Only the person who asked can post this answer/);
    expect(refused.data.embeds).toEqual([]);

    const posted = await callback(button(fake, post, asked.data, ALICE));
    expect(posted.data.flags & EPHEMERAL).toBe(0);
    expect(posted.data.embeds[0].description).toBe(asked.data.embeds[0].description);
  });

  it('refuses paging to anyone but the asker, leaving the message as it was', async () => {
    now += COOLDOWN_MS;
    const asked = await callback(chatInput(fake, 'search', { query: 'Kazakhstan' }, ALICE));
    const next = customIds(asked.data).find((id) => id.startsWith('pg:') && id.endsWith(':n'))!;
    const refused = await callback(button(fake, next, asked.data, BOB));
    expect(refused.type).toBe(4);
    expect(refused.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.data.content).toMatch(/^Only the person who asked can turn these pages/);
  });
});
