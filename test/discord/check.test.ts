import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/contract.js';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import { registerCommands } from '../../src/discord/register.js';
import { createEngine } from '../../src/engine.js';
import { captureLog } from '../support/captureLog.js';
import { limitProblems } from '../support/discordLimits.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { button, customIds, GUILD_ID, type Interaction, messageCommand } from '../support/interactions.js';
import { ROOT } from '../support/seedEngine.js';

const EPHEMERAL = 64;

let fake: FakeDiscord;
let bot: Bot;
let context: CommandContext;
const log = captureLog();

async function callback(interaction: Interaction) {
  fake.send(interaction);
  return (await fake.callback(interaction.id)).body;
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const engine = await createEngine({ corpusDir: 'test/fixtures/check', root: ROOT });
  if ('error' in engine) throw new Error(engine.error);
  context = { engine, commands: await loadCommands() };
  bot = createBot({ token: fake.token, apiUrl: fake.apiUrl, context: () => context, logger: log.logger });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('Check sources (message command)', () => {
  it('is registered by deploy beside the slash commands, as a message command with a name only', async () => {
    const result = await registerCommands({
      token: fake.token,
      apiUrl: fake.apiUrl,
      guildId: GUILD_ID,
      commands: context.commands.values(),
    });
    expect(result.ok).toBe(true);
    const registered = fake.commands.get(GUILD_ID) as { name: string; type: number; description?: string }[];
    expect(registered.find((c) => c.name === 'check')?.type).toBe(1);
    const menu = registered.find((c) => c.name === 'Check sources');
    expect(menu?.type).toBe(3);
    expect(menu).not.toHaveProperty('description');
    expect(menu).not.toHaveProperty('options');
  });

  it('replies privately with each claim’s verdict and evidence, and a Post to channel button', async () => {
    const body = await callback(
      messageCommand(fake, 'Check sources', {
        content:
          'Norway and Iceland traded $950 million in 2022. They signed the Agreement on Fisheries Cooperation. ' +
          'Penguins nest on the roof of the Oslo opera house @everyone.',
      }),
    );
    expect(body.type).toBe(4);
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const description: string = body.data.embeds[0].description;
    expect(description).toMatch(/3 claims checked: 1 supported, 1 contradicted, 1 not covered/);
    expect(description).toMatch(
      /Contradicted \(the articles give \$840 million\): “Norway and Iceland traded \$950 million in 2022\.”/,
    );
    expect(description).toMatch(/Supported: “They signed the Agreement on Fisheries Cooperation\.”/);
    expect(description).toMatch(/Nothing in the articles speaks to this: “Penguins/);
    expect(description).toContain('norway\\_iceland\\_talks.txt:3');
    expect(description).not.toMatch(/@everyone/);
    expect(limitProblems(body.data)).toEqual([]);

    const post = customIds(body.data).find((id) => id.startsWith('post:'));
    expect(post).toBeDefined();
    const posted = await callback(button(fake, post!, body.data));
    expect(posted.data.flags & EPHEMERAL).toBe(0);
    expect(posted.data.embeds[0].description).toBe(description);
  });

  it('tells the user clearly when the message has only an image, or is empty', async () => {
    const image = await callback(
      messageCommand(fake, 'Check sources', {
        attachments: [
          {
            id: '1',
            filename: 'chart.png',
            size: 10,
            url: 'https://cdn.example/c.png',
            proxy_url: 'https://cdn.example/c.png',
          },
        ],
      }),
    );
    expect(image.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(image.data.content).toMatch(/nothing to check: that message has only an attachment or an image/);
    const empty = await callback(messageCommand(fake, 'Check sources', { content: '   ' }));
    expect(empty.data.content).toMatch(/nothing to check/);
  });

  it('checks the first claims of a 4000-character message and says the rest were not checked', async () => {
    const sentence = 'Trade between Norway and Iceland reached $840 million in 2022. ';
    const content = sentence.repeat(Math.floor(4000 / sentence.length)).slice(0, 4000);
    const body = await callback(messageCommand(fake, 'Check sources', { content }));
    expect(body.data.embeds[0].description).toMatch(
      /8 claims checked: 8 supported.*were not checked \(at most 8/s,
    );
    expect(limitProblems(body.data)).toEqual([]);
  });

  it('answers a message command it does not know with a short private notice', async () => {
    const body = await callback(messageCommand(fake, 'Translate', { content: 'Hello there, friends.' }));
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/no "Translate" message command/);
  });
});
