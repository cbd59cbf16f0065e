/**
 * Load benchmark: bursts of interactions (1,000 each by default) sent on the
 * fake gateway as fast as it can send them, answered by the real discord.js
 * client and citebot's handler. Checks that every one is answered exactly
 * once, and reports throughput and two latencies, queueing in the burst
 * included: acknowledgement (gateway send → first interaction callback
 * received by the fake REST: a reply, or a deferral) and final answer (→ the
 * reply, or the edit or follow-up that replaces a deferral's "thinking…").
 *
 *   npm run bench:load -- [--n 1000] [--rounds 3] [--corpus seeds] [--cooldown 2] [--users N] [--reloads 1] [--rate-limit-every N]
 *
 * With --rate-limit-every N, the fake answers every N-th interaction callback
 * or webhook call of the bursts with a 429 (retry after 1 s), as a
 * rate-limiting Discord would.
 *
 * Then, --reloads times, the corpus is rebuilt (as /reload does: in a worker
 * thread, the index swapped in) while questions keep coming, one every 20 ms:
 * their latency shows what a rebuild costs the users asking meanwhile.
 *
 * The fake Discord runs in a worker thread, so the bot's event loop is its
 * own, as in production; both share the machine's cores. Each interaction
 * comes from its own user unless --users is smaller than --n (then the
 * cooldown turns some away, which still counts as answered). Everything is
 * local (127.0.0.1); log lines are written as JSON (to a counter), as in
 * production. Exits 1 if any interaction is lost, answered twice or fails.
 */
import { cpus } from 'node:os';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { sendBurst } from '../test/support/burst.js';
import { FakeDiscord } from '../test/support/fakeDiscord.js';
import { autocomplete, chatInput, type Interaction, type Who } from '../test/support/interactions.js';
import questions from './questions.json' with { type: 'json' };

/** Discord drops a first response that comes later than this. */
const DEADLINE_MS = 3000;
const WARM_UP = 300;

interface Settings {
  n: number;
  rounds: number;
  users: number;
  /** Every n-th callback or webhook call of a burst is answered 429 (retry after 1 s); 0: none. */
  rateLimitEvery: number;
}

/** Questions sent at a steady pace while the corpus is rebuilt. */
const TRICKLE_MS = 20;

/** Questions asked during a rebuild, as the fake saw them. */
interface DuringReload {
  sent: number;
  answered: number;
  p50: number;
  p99: number;
  max: number;
  late: number;
}

/** One burst as the fake saw it. */
interface Round {
  answered: number;
  lost: number;
  duplicated: number;
  /** Interactions per second, from the first send to the last first callback. */
  throughput: number;
  wallMs: number;
  /** Acknowledgement latency. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  late: number;
  /** Final-answer latency. */
  final: { p50: number; p90: number; p99: number; max: number };
  /** Interactions still without their final message 60 s after the burst. */
  unfinished: number;
  types: Record<string, number>;
}

type ToMain =
  | { type: 'ready'; apiUrl: string; token: string }
  | { type: 'answered' }
  | ({ type: 'round' } & Round)
  | { type: 'done' }
  | ({ type: 'trickled' } & DuringReload);
type ToWorker =
  | { type: 'run'; settings: Settings }
  | { type: 'settled' }
  | { type: 'close' }
  | { type: 'trickle' }
  | { type: 'stop' };

const asked = (questions as { question?: unknown }[])
  .map((q) => q.question)
  .filter((q): q is string => typeof q === 'string');

/** What users send: mostly questions, some searches and views, some autocomplete keystrokes. */
const MIX: { share: number; label: string; make: (fake: FakeDiscord, i: number, who: Who) => Interaction }[] =
  [
    {
      share: 5,
      label: '/ask',
      make: (f, i, who) => chatInput(f, 'ask', { question: asked[i % asked.length] ?? 'trade' }, who),
    },
    {
      share: 2,
      label: '/search',
      make: (f, i, who) => chatInput(f, 'search', { query: asked[(i * 7) % asked.length] ?? 'trade' }, who),
    },
    {
      share: 1,
      label: '/trade',
      make: (f, i, who) => chatInput(f, 'trade', i % 2 ? { year: 2024 } : {}, who),
    },
    { share: 1, label: '/meetings', make: (f, _i, who) => chatInput(f, 'meetings', {}, who) },
    {
      share: 1,
      label: 'autocomplete',
      make: (f, i, who) =>
        autocomplete(f, 'source', { name: 'file', value: String(i % 5).padStart(3, '0') }, {}, who),
    },
  ];
const SHARES = MIX.reduce((sum, m) => sum + m.share, 0);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Resolves with the next message of a kind from a port. */
function next<M extends { type: string }, T extends M['type']>(
  port: {
    once(event: 'message', listener: (message: M) => void): unknown;
    on(event: 'message', listener: (message: M) => void): unknown;
    off(event: 'message', listener: (message: M) => void): unknown;
  },
  type: T,
): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve) => {
    const listener = (message: M) => {
      if (message.type !== type) return;
      port.off('message', listener);
      resolve(message as Extract<M, { type: T }>);
    };
    port.on('message', listener);
  });
}

/** The worker: the fake Discord, sending the bursts and timing the callbacks. */
async function fakeSide(): Promise<void> {
  const port = parentPort!;
  const fake = await FakeDiscord.start();
  const send = (message: ToMain) => port.postMessage(message);
  const run = next<ToWorker, 'run'>(port, 'run');
  send({ type: 'ready', apiUrl: fake.apiUrl, token: fake.token });
  const { settings } = await run;

  const interaction = (i: number): Interaction => {
    const user = i % settings.users;
    const who: Who = { id: String(310000000000000000n + BigInt(user)), username: `user${user}` };
    let slot = i % SHARES;
    for (const kind of MIX) {
      if (slot < kind.share) return kind.make(fake, i, who);
      slot -= kind.share;
    }
    throw new Error('bench/load: the mix does not add up');
  };

  for (let i = 0; i < WARM_UP; i++) {
    const warm = interaction(settings.n + i);
    fake.send(warm);
    await fake.callback(warm.id);
  }
  if (settings.rateLimitEvery > 0) fake.rateLimitEvery(settings.rateLimitEvery, 1);
  for (let round = 0; round < settings.rounds; round++) {
    fake.calls.length = 0;
    const burst = await sendBurst(
      fake,
      Array.from({ length: settings.n }, (_, i) => interaction(i)),
    );
    await burst.settled(60_000);
    const settled = next<ToWorker, 'settled'>(port, 'settled');
    send({ type: 'answered' });
    await settled;
    burst.stop();
    const latencies = burst.latencies().sort((a, b) => a - b);
    const finals = burst.finalLatencies().sort((a, b) => a - b);
    const types: Record<string, number> = {};
    for (const calls of burst.callbacks.values()) {
      const type = String(calls[0]!.body.type);
      types[type] = (types[type] ?? 0) + 1;
    }
    const wallMs = burst.lastAnsweredAt - burst.firstSentAt;
    const lost = burst.lost().length;
    send({
      type: 'round',
      answered: burst.callbacks.size,
      lost,
      duplicated: burst.duplicated().length,
      throughput: lost === 0 ? settings.n / (wallMs / 1000) : Number.NaN,
      wallMs,
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
      late: latencies.filter((ms) => ms > DEADLINE_MS).length,
      final: {
        p50: percentile(finals, 50),
        p90: percentile(finals, 90),
        p99: percentile(finals, 99),
        max: finals.at(-1) ?? Number.NaN,
      },
      unfinished: burst.unfinished().length,
      types,
    });
  }
  const close = next<ToWorker, 'close'>(port, 'close');
  const trickles = (message: ToWorker) => {
    if (message.type === 'trickle') void trickle().then(send);
  };
  port.on('message', trickles);
  send({ type: 'done' });
  await close;
  port.off('message', trickles);
  await fake.close();

  /** One question every TRICKLE_MS until told to stop; then waits for every answer. */
  async function trickle(): Promise<{ type: 'trickled' } & DuringReload> {
    const stop = next<ToWorker, 'stop'>(port, 'stop');
    let stopped = false;
    void stop.then(() => {
      stopped = true;
    });
    const sent: { id: string; at: number }[] = [];
    let i = 0;
    while (!stopped) {
      const question = chatInput(
        fake,
        'ask',
        { question: asked[i % asked.length] ?? 'trade' },
        {
          id: String(320000000000000000n + BigInt(i)),
          username: `asker${i}`,
        },
      );
      i++;
      sent.push({ id: question.id, at: fake.send(question) });
      await new Promise((resolve) => setTimeout(resolve, TRICKLE_MS));
    }
    const answers = await Promise.all(sent.map(({ id }) => fake.callback(id).catch(() => null)));
    const latencies = answers
      .map((call, k) => (call ? call.at - sent[k]!.at : Number.NaN))
      .filter((ms) => !Number.isNaN(ms))
      .sort((a, b) => a - b);
    return {
      type: 'trickled',
      sent: sent.length,
      answered: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
      late: latencies.filter((ms) => ms > DEADLINE_MS).length,
    };
  }
}

/** Counts the log lines written, and the failed interactions among them. */
function countingSink() {
  const counts = { interactions: 0, failed: 0 };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n')) {
        if (line.includes('"msg":"interaction"')) counts.interactions++;
        if (line.includes('"msg":"interaction failed"')) counts.failed++;
      }
      callback();
    },
  });
  return { counts, stream };
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The main thread: citebot itself, as `npm start` runs it. */
async function botSide(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '1000' },
      rounds: { type: 'string', default: '3' },
      corpus: { type: 'string', default: 'seeds' },
      cooldown: { type: 'string', default: '2' },
      users: { type: 'string' },
      reloads: { type: 'string', default: '1' },
      'rate-limit-every': { type: 'string', default: '0' },
    },
  });
  const settings: Settings = {
    n: Number(values.n),
    rounds: Number(values.rounds),
    users: Number(values.users ?? values.n),
    rateLimitEvery: Number(values['rate-limit-every']),
  };
  // Imported here, so that the worker does not load the corpus machinery it never uses.
  const { bootstrap, engineOptions } = await import('../src/app.js');
  const { createEngineHost } = await import('../src/engine.js');
  const { createReloader } = await import('../src/reload.js');
  const { createBot } = await import('../src/discord/bot.js');
  const { Cooldown } = await import('../src/discord/cooldown.js');
  const { createLogger } = await import('../src/logger.js');

  const sink = countingSink();
  const logger = createLogger({ level: 'info', destination: sink.stream });
  const config = { CORPUS_DIR: values.corpus, SOURCE_BASE_URL: undefined };
  const context = await bootstrap(config, logger);
  if ('error' in context) throw new Error(context.error);
  const reloader = createReloader({
    context,
    host: createEngineHost(context.engine, engineOptions(config)),
    logger,
  });

  // tsx's loader, registered in the worker before it imports this file.
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(import.meta.url)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: 'fake',
  });
  worker.on('error', (err) => {
    process.stderr.write(`bench/load: the fake Discord failed: ${err.stack ?? String(err)}\n`);
    process.exit(1);
  });
  const ready = await next<ToMain, 'ready'>(worker, 'ready');
  const bot = createBot({
    token: ready.token,
    apiUrl: ready.apiUrl,
    context: reloader.current,
    logger,
    cooldown: new Cooldown({ ms: Number(values.cooldown) * 1000 }),
  });
  await bot.start();

  const cpu = cpus();
  const mix = MIX.map((m) => `${m.label} ${Math.round((m.share / SHARES) * 100)}%`).join(', ');
  process.stdout.write(
    `citebot load benchmark: ${settings.n} interactions per burst, ${settings.rounds} bursts after ${WARM_UP} to warm up, ` +
      `${Math.min(settings.users, settings.n)} users, cooldown ${values.cooldown} s` +
      `${settings.rateLimitEvery > 0 ? `, every ${settings.rateLimitEvery}th REST call answered 429 (retry after 1 s)` : ''}\nmix: ${mix}\n` +
      `corpus: ${context.engine.stats.files} articles, ${context.engine.stats.sentences} sentences; ` +
      `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}; fake Discord in a worker thread\n` +
      'latency, ms, queueing in the burst included: ack = gateway send → first interaction callback received; ' +
      'final = → the reply, or the edit or follow-up replacing a deferral\n',
  );

  worker.postMessage({ type: 'run', settings } satisfies ToWorker);
  let failed = false;
  for (let round = 1; round <= settings.rounds; round++) {
    const before = { ...sink.counts };
    await next<ToMain, 'answered'>(worker, 'answered');
    // Each interaction writes its log line after its reply: once all are in, no late duplicate can come.
    const logged = () => sink.counts.interactions + sink.counts.failed - before.interactions - before.failed;
    await until(() => logged() >= settings.n, 30_000);
    const result = next<ToMain, 'round'>(worker, 'round');
    worker.postMessage({ type: 'settled' } satisfies ToWorker);
    const r = await result;
    const errors = sink.counts.failed - before.failed;
    process.stdout.write(
      `burst ${round}: answered ${r.answered}/${settings.n}, lost ${r.lost}, duplicated ${r.duplicated}, errors ${errors}; ` +
        `${Math.round(r.throughput)} interactions/s (all answered in ${r.wallMs.toFixed(0)} ms)\n` +
        `  ack   p50 ${r.p50.toFixed(1)}  p90 ${r.p90.toFixed(1)}  p99 ${r.p99.toFixed(1)}  max ${r.max.toFixed(1)}; ` +
        `over ${DEADLINE_MS} ms: ${r.late}\n` +
        `  final p50 ${r.final.p50.toFixed(1)}  p90 ${r.final.p90.toFixed(1)}  p99 ${r.final.p99.toFixed(1)}  max ${r.final.max.toFixed(1)}; ` +
        `never finished: ${r.unfinished}; callback types ${Object.entries(r.types)
          .map(([t, n]) => `${t}:${n}`)
          .join(' ')}; rss ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB\n`,
    );
    if (r.lost > 0 || r.duplicated > 0 || r.unfinished > 0 || errors > 0) failed = true;
  }
  await next<ToMain, 'done'>(worker, 'done');

  for (let reload = 1; reload <= Number(values.reloads); reload++) {
    const before = sink.counts.failed;
    const trickled = next<ToMain, 'trickled'>(worker, 'trickled');
    worker.postMessage({ type: 'trickle' } satisfies ToWorker);
    // Some questions before the rebuild starts, so that the old index is seen answering.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const outcome = await reloader.reload('bench');
    await new Promise((resolve) => setTimeout(resolve, 200));
    worker.postMessage({ type: 'stop' } satisfies ToWorker);
    const t = await trickled;
    const errors = sink.counts.failed - before;
    process.stdout.write(
      `during rebuild ${reload} (${outcome.ok ? `${outcome.tookMs.toFixed(0)} ms, ${outcome.sentences} sentences` : outcome.error}): ` +
        `${t.answered}/${t.sent} questions answered, one every ${TRICKLE_MS} ms, errors ${errors}; ` +
        `latency p50 ${t.p50.toFixed(1)}  p99 ${t.p99.toFixed(1)}  max ${t.max.toFixed(1)}; over ${DEADLINE_MS} ms: ${t.late}\n`,
    );
    if (t.answered < t.sent || errors > 0 || !outcome.ok) failed = true;
  }
  reloader.close();
  await bot.stop();
  worker.postMessage({ type: 'close' } satisfies ToWorker);
  await new Promise((resolve) => worker.once('exit', resolve));
  if (failed) {
    process.stderr.write('bench/load: some interactions were lost, answered twice or failed\n');
    process.exit(1);
  }
}

const side = isMainThread ? botSide() : workerData === 'fake' ? fakeSide() : Promise.resolve();
side.catch((err: unknown) => {
  process.stderr.write(`bench/load: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
