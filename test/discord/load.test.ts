import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import { Cooldown } from '../../src/discord/cooldown.js';
import { sendBurst } from '../support/burst.js';
import { captureLog } from '../support/captureLog.js';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { autocomplete, chatInput, type Interaction, type Who } from '../support/interactions.js';
import { seedEngine } from '../support/seedEngine.js';

/** Small enough for every test run; `npm run bench:load` sends 1,000 and times them. */
const N = 300;

let fake: FakeDiscord;
let bot: Bot;
const log = captureLog();

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const context = { engine: await seedEngine(), commands: await loadCommands() };
  bot = createBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    context: () => context,
    logger: log.logger,
    cooldown: new Cooldown({ ms: 2000 }),
  });
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

function mixed(i: number): Interaction {
  const who: Who = { id: String(310000000000000000n + BigInt(i)), username: `user${i}` };
  switch (i % 5) {
    case 0:
      return chatInput(fake, 'search', { query: 'Kazakhstan trade' }, who);
    case 1:
      return autocomplete(fake, 'source', { name: 'file', value: '00' }, {}, who);
    case 2:
      return chatInput(fake, 'trade', {}, who);
    default:
      return chatInput(
        fake,
        'ask',
        { question: i % 2 ? 'What is the trade target?' : 'capital of Peru' },
        who,
      );
  }
}

describe('createBot under a burst of interactions', () => {
  it(`returns exactly one callback to each of ${N} interactions sent at once`, async () => {
    const interactions = Array.from({ length: N }, (_, i) => mixed(i));
    const burst = await sendBurst(fake, interactions);
    expect(burst.lost()).toEqual([]);
    // Each interaction's log line is written after its reply: once all are in, no late duplicate can come.
    await log.waitFor(() => log.lines().filter((l) => l.msg === 'interaction').length >= N, 60_000);
    burst.stop();
    expect(burst.duplicated()).toEqual([]);
    expect(log.lines().filter((l) => l.msg === 'interaction failed')).toEqual([]);
    const types = [...burst.callbacks.values()].map((calls) => calls[0]!.body.type);
    expect(types.filter((t) => t === 8)).toHaveLength(N / 5);
    // Commands are answered at once (4), or, with others under way, acknowledged first (5) and edited in.
    expect(types.filter((t) => t === 4 || t === 5)).toHaveLength(N - N / 5);
    const deferred = interactions.filter((i) => burst.callbacks.get(i.id)?.[0]?.body.type === 5);
    for (const i of deferred) {
      await fake.waitFor(
        (c) => c.method === 'PATCH' && c.path.includes(i.token),
        'the edit of a deferred reply',
        60_000,
      );
    }
    expect(bot.inFlight).toBe(0);
  }, 180_000);
});
