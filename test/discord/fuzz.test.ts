import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../../src/commands/contract.js';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import { createReloader } from '../../src/reload.js';
import { captureLog } from '../support/captureLog.js';
import { limitProblems } from '../support/discordLimits.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import {
  CONTROL,
  HOSTILE_PIECES,
  hostileInteger,
  hostileString,
  LIVE_MENTION,
  LONE_SURROGATE,
  strings,
} from '../support/hostile.js';
import {
  ADMIN,
  ALICE,
  autocomplete,
  BOB,
  button,
  chatInput,
  type Interaction,
  type OptionValue,
} from '../support/interactions.js';
import { seedEngine } from '../support/seedEngine.js';

/**
 * Every command, fed hostile option values through the real discord.js client
 * and the real handler and renderer. `FUZZ_RUNS=2000 npx vitest run
 * test/discord/fuzz.test.ts` fuzzes longer.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** Room for a long fuzz run on a slow machine; a round trip through the fake takes a few ms. */
const TIMEOUT_MS = 30_000 + RUNS * 4 * 50;
/** The commands of commands/, known before any test runs so that each gets a test of its own. */
const COMMANDS = [...(await loadCommands()).keys()];

let fake: FakeDiscord;
let bot: Bot;
let registry: ReadonlyMap<string, Command>;
/** A found answer on show, whose message the button fuzz clicks on. */
let shownMessage: Record<string, unknown>;
const log = captureLog();

async function callback(interaction: Interaction) {
  fake.send(interaction);
  return (await fake.callback(interaction.id)).body;
}

/** What must hold for any reply citebot sends, whatever it was sent. */
function expectSafeReply(body: { type: number; data: Record<string, unknown> }, types: number[]): void {
  expect(types).toContain(body.type);
  expect(limitProblems(body.data)).toEqual([]);
  expect(body.data.allowed_mentions).toEqual({ parse: [] });
  for (const text of strings(body.data)) {
    expect(text).not.toMatch(LIVE_MENTION);
    expect(text).not.toMatch(LONE_SURROGATE);
    expect(text).not.toMatch(CONTROL);
  }
  // The handler's last resort: seeing it means something threw.
  expect(String(body.data.content ?? '')).not.toMatch(/Something went wrong/);
}

/** Option values for a command: declared options with hostile values, sometimes missing, sometimes extra. */
function optionsFor(command: Command): fc.Arbitrary<Record<string, OptionValue>> {
  const declared: Record<string, fc.Arbitrary<OptionValue>> = {};
  for (const option of command.options) {
    declared[option.name] =
      option.type === 'string'
        ? hostileString
        : option.type === 'integer'
          ? hostileInteger(option.min, option.max)
          : fc.oneof(fc.boolean(), hostileString);
  }
  const extra = {
    private: fc.oneof(fc.boolean(), hostileString) as fc.Arbitrary<OptionValue>,
    unknown_option: hostileString as fc.Arbitrary<OptionValue>,
  };
  return fc.oneof(
    { arbitrary: fc.record(declared), weight: 3 },
    { arbitrary: fc.record({ ...declared, ...extra }, { requiredKeys: [] }), weight: 1 },
  );
}

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const engine = await seedEngine();
  registry = await loadCommands();
  const reloader = createReloader({
    context: { engine, commands: registry } satisfies CommandContext,
    build: () => seedEngine(),
    logger: log.logger,
  });
  // Never deferred: every first response is then the whole reply, however slow a loaded machine is.
  bot = createBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    context: reloader.current,
    logger: log.logger,
    deferAfterMs: 60_000,
  });
  await bot.start();
  const shown = await callback(chatInput(fake, 'search', { query: 'Kazakhstan', private: true }));
  shownMessage = shown.data;
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('createInteractionHandler', () => {
  it.each(COMMANDS)(
    'returns one reply within Discord limits, pinging nobody, for any options of /%s',
    async (name) => {
      const command = registry.get(name)!;
      await fc.assert(
        fc.asyncProperty(optionsFor(command), fc.constantFrom(ALICE, ADMIN), async (options, who) => {
          const body = await callback(chatInput(fake, command.name, options, who));
          expectSafeReply(body, [4]);
        }),
        { numRuns: RUNS },
      );
      expect(log.lines().filter((l) => l.msg === 'interaction failed')).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it('returns found answers for some fuzzed inputs, so that echoing them in an answer is fuzzed too', () => {
    const outcomes = log
      .lines()
      .filter((l) => l.kind === 'command')
      .map((l) => l.outcome);
    expect(outcomes).toContain('answered');
    expect(outcomes).toContain('bad_option');
  });

  it(
    'returns at most 25 valid choices for any text typed into any autocompleted option',
    async () => {
      const options = [...registry.values()].flatMap((command) =>
        command.options.filter((o) => o.autocomplete).map((o) => [command.name, o.name] as const),
      );
      expect(options.length).toBeGreaterThan(0);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...options), hostileString, async ([command, option], typed) => {
          const body = await callback(autocomplete(fake, command, { name: option, value: typed }));
          expect(body.type).toBe(8);
          expect(body.data.choices.length).toBeLessThanOrEqual(25);
          for (const choice of body.data.choices as { name: string; value: string | number }[]) {
            expect(choice.name.length).toBeGreaterThanOrEqual(1);
            expect(choice.name.length).toBeLessThanOrEqual(100);
            expect(String(choice.value).length).toBeGreaterThanOrEqual(1);
            expect(String(choice.value).length).toBeLessThanOrEqual(100);
            expect(choice.name).not.toMatch(LONE_SURROGATE);
          }
        }),
        { numRuns: RUNS * 2 },
      );
      expect(log.lines().filter((l) => l.msg === 'interaction failed')).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'returns a safe reply for any button custom id, known shape or not, from the asker or anyone',
    async () => {
      const key = /pg:([\w-]+):/.exec(JSON.stringify(shownMessage))?.[1] ?? 'nokey';
      const customId = fc
        .oneof(
          hostileString,
          hostileString.map((s) => `pg:${key}:${s}`),
          fc
            .tuple(fc.integer({ min: -5, max: 99_999 }), fc.constantFrom('p', 'n'))
            .map(([p, w]) => `pg:${key}:${p}:${w}`),
          hostileString.map((s) => `post:${key}:${s}`),
          fc
            .tuple(fc.integer({ min: 0, max: 2 ** 31 }), hostileString)
            .map(([line, file]) => `ctx:${line}:${file}`),
          fc.constantFrom(...HOSTILE_PIECES).map((p) => `ctx:1:${p}`),
        )
        // Discord only ever sends back an id of 1-100 characters.
        .map((id) => [...id].slice(0, 100).join('').slice(0, 100))
        .filter((id) => id.length >= 1);
      await fc.assert(
        fc.asyncProperty(customId, fc.constantFrom(ALICE, BOB), async (id, who) => {
          const body = await callback(button(fake, id, shownMessage, who));
          expectSafeReply(body, [4, 7]);
        }),
        { numRuns: RUNS * 4 },
      );
      expect(log.lines().filter((l) => l.msg === 'interaction failed')).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
