/**
 * Discord transport benchmark: the time from an interaction arriving (the fake
 * gateway sending INTERACTION_CREATE) to its callback being sent (the fake
 * REST receiving POST /interactions/{id}/{token}/callback), through the real
 * discord.js client, for /ask and /trade (or /search until /trade exists).
 *
 *   node --import tsx bench/discord.ts [--runs 500] [--corpus seeds]
 *
 * Everything is local (127.0.0.1). Interactions are sent one at a time, so
 * each figure is latency, not throughput. Log lines are written (to
 * /dev/null), as they are in production.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { bootstrap } from '../src/app.js';
import type { Command } from '../src/commands/contract.js';
import { createBot } from '../src/discord/bot.js';
import { createLogger } from '../src/logger.js';
import { FakeDiscord } from '../test/support/fakeDiscord.js';
import { chatInput, type OptionValue } from '../test/support/interactions.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '500' }, corpus: { type: 'string', default: 'seeds' } },
});
const runs = Number(values.runs);
const WARM_UP = 200;

function questions(): string[] {
  try {
    const list = JSON.parse(readFileSync(new URL('./questions.json', import.meta.url), 'utf8')) as {
      question?: unknown;
    }[];
    const asked = list.map((q) => q.question).filter((q): q is string => typeof q === 'string');
    if (asked.length > 0) return asked;
  } catch {
    // The fixed list below is enough to measure with.
  }
  return [
    'What is the trade target?',
    'Who visited Dushanbe?',
    'Treaty on Allied Relations',
    'capital of Peru',
  ];
}

/** /trade's own variety: the whole view, one year, the two countries. */
const TRADE_OPTIONS: Record<string, OptionValue>[] = [
  {},
  { year: 2024 },
  { countries: 'Kazakhstan, Tajikistan' },
];

/** Options for one run of a command: the question list for its first string option, bounds-respecting values for the rest. */
function optionsFor(command: Command, question: string, i: number): Record<string, OptionValue> {
  if (command.name === 'trade') {
    const pick = TRADE_OPTIONS[i % TRADE_OPTIONS.length]!;
    return Object.fromEntries(
      Object.entries(pick).filter(([name]) => command.options.some((o) => o.name === name)),
    );
  }
  const options: Record<string, OptionValue> = {};
  let firstString = true;
  for (const option of command.options) {
    if (option.type === 'string' && firstString) {
      options[option.name] = question;
      firstString = false;
    } else if (option.required && option.type === 'string') options[option.name] = 'Kazakhstan';
    else if (option.required && option.type === 'integer') {
      options[option.name] = Math.min(Math.max(2024 - (i % 3), option.min ?? 1), option.max ?? 2024);
    } else if (option.required) options[option.name] = false;
  }
  return options;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const logger = createLogger({
    level: 'info',
    destination: pino.destination({ dest: '/dev/null', sync: true }),
  });
  const context = await bootstrap({ CORPUS_DIR: values.corpus, SOURCE_BASE_URL: undefined }, logger);
  if ('error' in context) throw new Error(context.error);
  const fake = await FakeDiscord.start();
  const bot = createBot({ token: fake.token, apiUrl: fake.apiUrl, context: () => context, logger });
  await bot.start();

  const trade = context.commands.has('trade') ? 'trade' : 'search';
  const asked = questions();
  process.stdout.write(
    `citebot Discord benchmark: ${context.engine.stats.files} articles, ${context.engine.stats.sentences} sentences; ` +
      `${runs} interactions per command after ${WARM_UP} to warm up; Node ${process.version}\n` +
      `interaction arrival (gateway send) → callback sent (REST received), ms\n`,
  );
  for (const name of ['ask', trade]) {
    const command = context.commands.get(name);
    if (!command) continue;
    const times: number[] = [];
    const kinds = new Map<number, number>();
    for (let i = 0; i < WARM_UP + runs; i++) {
      const interaction = chatInput(fake, name, optionsFor(command, asked[i % asked.length]!, i));
      const sent = fake.send(interaction);
      const callback = await fake.callback(interaction.id);
      if (i < WARM_UP) continue;
      times.push(callback.at - sent);
      kinds.set(callback.body.type, (kinds.get(callback.body.type) ?? 0) + 1);
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((s, t) => s + t, 0) / times.length;
    const types = [...kinds].map(([type, n]) => `type ${type}: ${n}`).join(', ');
    process.stdout.write(
      `/${name.padEnd(7)} median ${percentile(times, 50).toFixed(2)}  p99 ${percentile(times, 99).toFixed(2)}  ` +
        `mean ${mean.toFixed(2)}  max ${times.at(-1)?.toFixed(2)}  (${types})\n`,
    );
    fake.calls.length = 0;
  }
  await bot.stop();
  await fake.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/discord: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
