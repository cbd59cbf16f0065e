import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import type { Answer } from '../../src/answer/types.js';
import { type Command, type CommandContext, defineCommand } from '../../src/commands/contract.js';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import type { Engine } from '../../src/engine.js';
import { captureLog } from '../support/captureLog.js';
import { limitProblems } from '../support/discordLimits.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import {
  ALICE,
  autocomplete,
  BOB,
  button,
  chatInput,
  customIds,
  GUILD_ID,
  type Interaction,
  type OptionValue,
} from '../support/interactions.js';
import { seedEngine } from '../support/seedEngine.js';
import { settable } from '../support/testBot.js';

const EPHEMERAL = 64;
const SUPPRESS_EMBEDS = 4;
const BASE_URL = 'https://example.test/citebot/blob/main';

// Commands only these tests have: one that fails, and one that finishes when the test says so.
let slowAnswer = settable<Answer>();
const boom = defineCommand({
  name: 'boom',
  description: 'Fails, as a bug would',
  options: [],
  run: () => {
    throw new Error('boom: a bug in a command');
  },
});
const slow = defineCommand({
  name: 'slow',
  description: 'Answers when the test says so',
  options: [],
  run: () => slowAnswer.promise,
});

let fake: FakeDiscord;
let bot: Bot;
let engine: Engine;
let registry: ReadonlyMap<string, Command>;
const log = captureLog();

/** Sends an interaction and returns the body of the callback the bot answered it with. */
async function callback(interaction: Interaction) {
  fake.send(interaction);
  return (await fake.callback(interaction.id)).body;
}

/** Every string anywhere in a body, for checks that no raw mention or token slipped through. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  engine = await seedEngine({ sourceBaseUrl: `${BASE_URL}/seeds` });
  registry = await loadCommands();
  const context: CommandContext = {
    engine,
    commands: new Map([...registry, ['boom', boom], ['slow', slow]]),
  };
  bot = createBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    context: () => context,
    logger: log.logger,
    deferAfterMs: 1000,
  });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('createBot', () => {
  it('becomes ready on the fake gateway, with the application id from READY', () => {
    expect(bot.client.isReady()).toBe(true);
    expect(bot.client.application?.id).toBe(fake.applicationId);
    expect(fake.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot' });
  });

  it('replies to /ask with an embed: answer, numbered quotes, linked dated sources, footer', async () => {
    const body = await callback(chatInput(fake, 'ask', { question: 'What is the trade target?' }));
    expect(body.type).toBe(4);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.flags & EPHEMERAL).toBe(0);
    const [embed] = body.data.embeds;
    expect(embed.title).toBe('What is the trade target?');
    expect(embed.description).toMatch(/^> \*\*\[1\]\*\* .*2 billion/m);
    expect(embed.description).toContain(`](${BASE_URL}/seeds/002_a5be58d35a5fd42e.txt#L11) (2024-08-22)`);
    expect(embed.footer.text).toMatch(/^\d+ sentences matched · took [\d.]+ ms$/);
    expect(customIds(body.data)).toContain('ctx:11:002_a5be58d35a5fd42e.txt');
    expect(customIds(body.data).some((id) => id.startsWith('post:'))).toBe(false);
    expect(limitProblems(body.data)).toEqual([]);
  });

  it('replies privately with a Post to channel button when private is true, and posts it publicly on click', async () => {
    const asked = await callback(
      chatInput(fake, 'ask', { question: 'What is the trade target?', private: true }),
    );
    expect(asked.type).toBe(4);
    expect(asked.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const post = customIds(asked.data).find((id) => id.startsWith('post:'));
    expect(post).toBeDefined();

    const posted = await callback(button(fake, post!, asked.data));
    expect(posted.type).toBe(4);
    expect(posted.data.flags & EPHEMERAL).toBe(0);
    expect(posted.data.allowed_mentions).toEqual({ parse: [] });
    expect(posted.data.embeds[0].description).toBe(asked.data.embeds[0].description);
    expect(customIds(posted.data).some((id) => id.startsWith('post:'))).toBe(false);

    const again = await callback(button(fake, post!, asked.data));
    expect(again.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(again.data.content).toMatch(/already posted/);
  });

  it('pages with Prev / Next for the asker, updating the message in place', async () => {
    const first = await callback(chatInput(fake, 'search', { query: 'Kazakhstan' }));
    expect(first.data.embeds[0].footer.text).toMatch(/page 1 of 2/);
    const ids = customIds(first.data);
    const next = ids.find((id) => id.startsWith('pg:') && id.endsWith(':n'))!;
    expect(next).toBeDefined();
    expect(ids.filter((id) => id.length < 1 || id.length > 100)).toEqual([]);

    const second = await callback(button(fake, next, first.data, ALICE));
    expect(second.type).toBe(7);
    expect(second.data.embeds[0].footer.text).toMatch(/page 2 of 2/);
    expect(second.data.embeds[0].description).toMatch(/\*\*\[6\]\*\*/);
    expect(second.data.allowed_mentions).toEqual({ parse: [] });
    expect(limitProblems(second.data)).toEqual([]);
  });

  it('refuses paging by a different user with a private reply, leaving the message alone', async () => {
    const first = await callback(chatInput(fake, 'search', { query: 'Kazakhstan' }, ALICE));
    const next = customIds(first.data).find((id) => id.startsWith('pg:') && id.endsWith(':n'))!;
    const refused = await callback(button(fake, next, first.data, BOB));
    expect(refused.type).toBe(4);
    expect(refused.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.data.content).toMatch(/Only the person who asked/);
    expect(refused.data.embeds).toEqual([]);
  });

  it('shows the paragraph around a quote, privately, when Show context is clicked', async () => {
    const asked = await callback(chatInput(fake, 'ask', { question: 'What is the trade target?' }));
    const context = customIds(asked.data).find((id) => id.startsWith('ctx:'))!;
    const shown = await callback(button(fake, context, asked.data, BOB));
    expect(shown.type).toBe(4);
    expect(shown.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(shown.data.embeds[0].description).toMatch(/^> .*\*\*.+\*\*/);
    expect(shown.data.embeds[0].title).toMatch(/^seeds\/\d{3}\\?_\w+\.txt:\d+$/);
  });

  it('checks a Show context button as /source checks its options, when its line is out of range', async () => {
    const shown = await callback(button(fake, 'ctx:20000000:002_a5be58d35a5fd42e.txt', {}, BOB));
    expect(shown.type).toBe(4);
    expect(shown.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(shown.data.content).toBe('option "line" must be at most 10000000');
    const line = await log.waitFor((l) => l.customId === 'ctx:20000000:002_a5be58d35a5fd42e.txt');
    expect(line).toMatchObject({ command: 'source', action: 'context', outcome: 'bad_option' });
  });

  it('says so privately when the results behind a button have expired', async () => {
    const expired = await callback(button(fake, 'pg:gone1234:1:n', {}));
    expect(expired.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(expired.data.content).toMatch(/expired/);
  });

  it('replies privately, with what the corpus covers, when nothing is found', async () => {
    const body = await callback(chatInput(fake, 'ask', { question: 'What is the capital of Peru?' }));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL | SUPPRESS_EMBEDS);
    expect(body.data.content).toMatch(/^Nothing in the corpus answers that\..*Kazakhstan/);
    expect(body.data.embeds).toEqual([]);
  });

  it('pings nobody and echoes no live mention when the query holds @everyone and <@&123>', async () => {
    for (const interaction of [
      chatInput(fake, 'ask', { question: '@everyone <@&123> what is the trade target?' }),
      chatInput(fake, 'source', { file: '@everyone <@&123>', line: 1 }),
      chatInput(fake, 'search', { query: '<@&123> @here Kazakhstan' }),
    ]) {
      const body = await callback(interaction);
      expect(body.data.allowed_mentions).toEqual({ parse: [] });
      const text = strings(body.data).join('\n');
      expect(text).not.toMatch(/@everyone|@here|<@&123>/);
      expect(limitProblems(body.data)).toEqual([]);
    }
  });

  it('answers a 6,000-character query with a short private message', async () => {
    const query = 'trade '.repeat(1000);
    for (const interaction of [
      chatInput(fake, 'ask', { question: query }),
      chatInput(fake, 'search', { query }),
    ]) {
      const body = await callback(interaction);
      expect(body.type).toBe(4);
      expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(body.data.content).toMatch(/too long \(5999 characters; at most 500\)/);
      expect(limitProblems(body.data)).toEqual([]);
    }
    const line = await log.waitFor((l) => l.kind === 'command' && l.outcome === 'bad_option');
    expect(String((line.options as Record<string, string>).question)).toMatch(
      /^(trade ){16}trad… \(6000 chars\)$/,
    );
  });

  it('tells the user privately about an unknown command', async () => {
    const body = await callback(chatInput(fake, 'weather', { city: 'Dushanbe' }));
    expect(body.type).toBe(4);
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/no \/weather command.*\/ask/);
  });

  it('offers the corpus files for /source file: with an empty prefix', async () => {
    const body = await callback(autocomplete(fake, 'source', { name: 'file', value: '' }));
    expect(body.type).toBe(8);
    const values = body.data.choices.map((c: { value: string }) => c.value);
    expect(values).toEqual(engine.corpus.articles.map((a) => a.name).slice(0, 25));
    for (const choice of body.data.choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
    }
  });

  it('narrows the choices as the user types, and offers none for a long prefix', async () => {
    const narrowed = await callback(autocomplete(fake, 'source', { name: 'file', value: '003' }));
    expect(narrowed.data.choices.map((c: { value: string }) => c.value)).toEqual([
      '003_d1b71018f3567910.txt',
    ]);
    const long = await callback(autocomplete(fake, 'source', { name: 'file', value: '0'.repeat(6000) }));
    expect(long).toEqual({ type: 8, data: { choices: [] } });
    const none = await callback(autocomplete(fake, 'ask', { name: 'question', value: 'trade' }));
    expect(none).toEqual({ type: 8, data: { choices: [] } });
  });

  it('answers autocomplete for every corpus-backed option, empty or long prefix, within Discord limits', async () => {
    for (const command of registry.values()) {
      for (const option of command.options.filter((o) => o.autocomplete)) {
        for (const value of ['', 'ka', 'x'.repeat(6000)]) {
          const body = await callback(autocomplete(fake, command.name, { name: option.name, value }));
          const where = `/${command.name} ${option.name}:${value.slice(0, 10)}`;
          expect(body.type, where).toBe(8);
          expect(body.data.choices.length, where).toBeLessThanOrEqual(25);
          for (const choice of body.data.choices) {
            expect(choice.name.length, where).toBeGreaterThanOrEqual(1);
            expect(choice.name.length, where).toBeLessThanOrEqual(100);
            expect(String(choice.value).length, where).toBeLessThanOrEqual(100);
          }
        }
      }
    }
  });

  it('answers every registered command with a reply within Discord limits', async () => {
    for (const command of registry.values()) {
      const options: Record<string, OptionValue> = {};
      for (const option of command.options.filter((o) => o.required)) {
        const suggested = option.autocomplete?.(engine, '')[0]?.value;
        if (option.type === 'boolean') options[option.name] = false;
        else if (option.type === 'integer')
          options[option.name] = Math.min(Math.max(2024, option.min ?? 1), option.max ?? 2024);
        else options[option.name] = suggested ?? 'Kazakhstan trade';
      }
      const interaction = chatInput(fake, command.name, options);
      const body = await callback(interaction);
      expect([4, 5], `/${command.name}`).toContain(body.type);
      // A deferred reply is checked in its edit (or its private follow-up), where the message is.
      const shown =
        body.type === 4
          ? body.data
          : (
              await fake.waitFor(
                (c) =>
                  c.method !== 'DELETE' &&
                  c.path.includes(interaction.token) &&
                  c.status === 200 &&
                  c.body.content !== '…',
                `the edit of /${command.name}'s deferral`,
                30_000,
              )
            ).body;
      expect(limitProblems(shown), `/${command.name}`).toEqual([]);
      expect(shown.allowed_mentions, `/${command.name}`).toEqual({ parse: [] });
      expect(strings(shown).join(' '), `/${command.name}`).not.toMatch(/Something went wrong/);
    }
  });

  it('tells the user "something went wrong" with a ref that is in the log, and keeps serving', async () => {
    const interaction = chatInput(fake, 'boom');
    const body = await callback(interaction);
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const ref = /ref ([0-9a-f]{8})/.exec(body.data.content)?.[1];
    expect(ref).toBeDefined();
    const line = await log.waitFor((l) => l.ref === ref);
    expect(line).toMatchObject({ level: 50, command: 'boom', outcome: 'error' });
    expect(JSON.stringify(line)).toContain('boom: a bug in a command');

    const after = await callback(chatInput(fake, 'ask', { question: 'What is the trade target?' }));
    expect(after.type).toBe(4);
    expect(after.data.embeds).toHaveLength(1);
  });

  it('defers a command that is still running, then edits the reply with the answer', async () => {
    slowAnswer = settable<Answer>();
    const interaction = chatInput(fake, 'slow');
    const deferred = await callback(interaction);
    expect(deferred).toEqual({ type: 5, data: { flags: 0 } });
    slowAnswer.resolve(ask(engine, 'What is the trade target?'));
    const edit = await fake.waitFor(
      (c) => c.method === 'PATCH' && c.path.includes(interaction.token),
      'edit',
    );
    expect(edit.path).toBe(`/webhooks/${fake.applicationId}/${interaction.token}/messages/@original`);
    expect(edit.body.embeds[0].description).toMatch(/\*\*\[1\]\*\*/);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('defers a command known to be slow at once, and keeps "not found" private after a public deferral', async () => {
    slowAnswer = settable<Answer>();
    const interaction = chatInput(fake, 'slow');
    const deferred = await callback(interaction);
    expect(deferred.type).toBe(5);
    slowAnswer.resolve(ask(engine, 'What is the capital of Peru?'));
    await fake.waitFor((c) => c.method === 'DELETE' && c.path.includes(interaction.token), 'delete');
    const followUp = fake.webhookCalls(interaction.token).find((c) => c.method === 'POST');
    expect(followUp?.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(followUp?.body.content).toMatch(/^Nothing in the corpus answers that/);
  });

  it('keeps answering after the gateway connection drops and the session resumes', async () => {
    const resumed = new Promise<void>((resolve) => bot.client.once('shardResume', () => resolve()));
    fake.dropConnections();
    await resumed;
    const body = await callback(chatInput(fake, 'ask', { question: 'What is the trade target?' }));
    expect(body.type).toBe(4);
  });

  it('writes one log line per interaction with its fields, and never the token', async () => {
    const handled = fake.calls.filter(
      (c) => c.method === 'POST' && c.path.startsWith('/interactions/'),
    ).length;
    await log.waitFor(() => log.lines().filter((l) => l.kind !== undefined).length >= handled);
    const lines = log.lines().filter((l) => l.msg === 'interaction' || l.msg === 'interaction failed');
    const answered = lines.find(
      (l) => l.kind === 'command' && l.command === 'ask' && l.outcome === 'answered',
    );
    expect(answered).toMatchObject({
      userId: ALICE.id,
      guildId: GUILD_ID,
      options: { question: 'What is the trade target?' },
      found: true,
    });
    expect(answered?.citations).toBe(ask(engine, 'What is the trade target?').citations.length);
    expect(typeof answered?.latencyMs).toBe('number');
    expect(lines.length).toBe(handled);
    expect(log.text()).not.toContain(fake.token);
  });
});
