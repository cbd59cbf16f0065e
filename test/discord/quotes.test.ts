import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/contract.js';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import { captureLog } from '../support/captureLog.js';
import { limitProblems } from '../support/discordLimits.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { autocomplete, chatInput, type Interaction } from '../support/interactions.js';
import { seedEngine } from '../support/seedEngine.js';

const EPHEMERAL = 64;
let fake: FakeDiscord;
let bot: Bot;
const log = captureLog();

async function callback(interaction: Interaction) {
  fake.send(interaction);
  return (await fake.callback(interaction.id)).body;
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const context: CommandContext = { engine: await seedEngine(), commands: await loadCommands() };
  bot = createBot({ token: fake.token, apiUrl: fake.apiUrl, context: () => context, logger: log.logger });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('/quotes on Discord', () => {
  it('replies with the person’s statements on the topic, the quote cited with its source', async () => {
    const body = await callback(chatInput(fake, 'quotes', { person: 'Muhriddin', topic: 'partner' }));
    expect(body.type).toBe(4);
    expect(body.data.flags & EPHEMERAL).toBe(0);
    const [embed] = body.data.embeds;
    expect(JSON.stringify(embed)).toContain('Sirojiddin Muhriddin');
    expect(embed.description).toContain('Tajikistan values the close fraternal ties with Kazakhstan.');
    expect(embed.description).toContain('5c82c171a96e32aa.txt:13 (2025-02-12)');
    expect(limitProblems(body.data)).toEqual([]);
  });

  it('says privately that the person is not quoted on the topic', async () => {
    const body = await callback(chatInput(fake, 'quotes', { person: 'Muhriddin', topic: 'football' }));
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(body.data)).toContain('not on \\"football\\"');
  });

  it('offers the quoted people as the user types a person', async () => {
    const body = await callback(autocomplete(fake, 'quotes', { name: 'person', value: 'Tok' }));
    expect(body.type).toBe(8);
    expect(body.data.choices.map((c: { value: string }) => c.value)).toEqual(['Kassym-Jomart Tokayev']);
  });
});
