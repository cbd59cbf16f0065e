import type { Answer } from '../../src/answer/types.js';
import { type Command, type CommandContext, defineCommand } from '../../src/commands/contract.js';
import { loadCommands } from '../../src/commands/registry.js';
import { type Bot, createBot } from '../../src/discord/bot.js';
import type { Engine } from '../../src/engine.js';
import type { CapturedLog } from './captureLog.js';
import { FakeDiscord } from './fakeDiscord.js';
import { seedEngine } from './seedEngine.js';

/** A promise and the function that settles it, for a command that answers when a test says so. */
export function settable<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export interface TestBot {
  fake: FakeDiscord;
  bot: Bot;
  engine: Engine;
  context: CommandContext;
}

/**
 * The fake Discord and a bot on it (the real discord.js client) answering from
 * the seeds, with the commands of commands/ plus a test's own.
 */
export async function startTestBot(options: {
  log: CapturedLog;
  commands?: readonly Command[];
  deferAfterMs?: number;
  fake?: FakeDiscord;
}): Promise<TestBot> {
  const fake = options.fake ?? (await FakeDiscord.start());
  const engine = await seedEngine();
  const context: CommandContext = {
    engine,
    commands: new Map([
      ...(await loadCommands()),
      ...(options.commands ?? []).map((c) => [c.name, c] as const),
    ]),
  };
  const bot = createBot({
    token: fake.token,
    apiUrl: fake.apiUrl,
    context: () => context,
    logger: options.log.logger,
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  await bot.start();
  return { fake, bot, engine, context };
}

/** A command that answers when the test says so: `next()` sets up the answer its next run waits for. */
export function slowCommand(name = 'slow') {
  let answer = settable<Answer>();
  return {
    command: defineCommand({
      name,
      description: 'Answers when the test says so',
      options: [],
      run: () => answer.promise,
    }),
    next() {
      answer = settable<Answer>();
      return answer;
    },
  };
}
