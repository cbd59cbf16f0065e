/**
 * Scale benchmark: the same interactions answered by 1 and 2 HTTP workers
 * (behind a small round-robin proxy here, on 127.0.0.1, with one Redis), and
 * by the gateway bot with 1 and 2 shards, on `seeds/` and on SOTU ×1; each
 * configuration is real `npm start` processes against the fake Discord. Then
 * how one process's start-up, heap and snapshot load grow with the corpus
 * (SOTU ×1, ×2, ×4), each in a fresh process. Writes docs/scale-results.json
 * and prints the tables docs/scale.md quotes. Ratios matter, not absolute
 * times: the machine is shared.
 *
 *   npm run bench:scale -- [--n 400] [--concurrency 16] [--skip-engine]
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine.js';
import { defaultSnapshotPath } from '../src/index/snapshot.js';
import { type Started, startMain } from '../test/support/child.js';
import { FakeDiscord } from '../test/support/fakeDiscord.js';
import { chatInput, type Interaction } from '../test/support/interactions.js';
import { cleanPrefix, REDIS_URL, redisProblem } from '../test/support/redis.js';
import { appKeys, postSigned } from '../test/support/signed.js';
import { ROOT, sotuCorpus } from './sotu.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '16' },
    'skip-engine': { type: 'boolean', default: false },
    engine: { type: 'string' },
  },
});

/** Child mode: one corpus in a fresh process; prints what it measured as one JSON line. */
if (values.engine) {
  const dir = values.engine;
  const gc = (globalThis as { gc?: () => void }).gc;
  const snapshotFile = path.join(mkdtempSync(path.join(tmpdir(), 'citebot-scale-')), 'index.snapshot');
  let started = performance.now();
  const built = await createEngine({ corpusDir: dir, snapshotFile });
  const buildMs = performance.now() - started;
  if ('error' in built) throw new Error(built.error);
  gc?.();
  gc?.();
  const heapBuilt = process.memoryUsage().heapUsed;
  started = performance.now();
  const loaded = await createEngine({ corpusDir: dir, snapshotFile });
  const loadMs = performance.now() - started;
  if ('error' in loaded) throw new Error(loaded.error);
  rmSync(path.dirname(snapshotFile), { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({
      sentences: built.stats.sentences,
      facts: built.stats.facts,
      buildMs,
      factMs: built.stats.factMs ?? null,
      loadMs,
      loadedFrom: loaded.stats.indexFrom,
      heapBytes: heapBuilt,
      rssBytes: process.memoryUsage().rss,
    })}\n`,
  );
  process.exit(0);
}

const N = Number(values.n);
const CONCURRENCY = Number(values.concurrency);

interface Run {
  corpus: string;
  config: string;
  processes: number;
  n: number;
  wallMs: number;
  throughput: number;
  p50: number;
  p99: number;
  deferred: number;
  rssMb: number[];
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Questions made of a corpus's own words, so that a bigger corpus is asked about what it holds. */
function questionsFor(dir: string): string[] {
  const out = execFileSync('sh', ['-c', `cat "${dir}"/*.txt "${dir}"/*.md 2>/dev/null | head -c 4000000`], {
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
  const sentences = out
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.split(/\s+/).length >= 8 && !s.startsWith('---'));
  const questions: string[] = [];
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  while (questions.length < 200 && sentences.length) {
    const words = sentences[next() % sentences.length]!.replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
      .split(/\s+/)
      .filter(Boolean);
    const start = next() % Math.max(1, words.length - 6);
    questions.push(`What about ${words.slice(start, start + 2 + (next() % 4)).join(' ')}?`);
  }
  return questions;
}

/** A round-robin proxy over HTTP workers: each POST to the next worker, keep-alive both ways. */
async function roundRobin(ports: number[]): Promise<{ url: string; close: () => Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = createServer((req, res) => {
    const port = ports[next++ % ports.length]!;
    const upstream = request(
      { host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers, agent },
      (answer) => {
        // Hop-by-hop headers are the proxy's own: the client must not keep a socket by the worker's timeout.
        const { connection: _c, 'keep-alive': _k, ...headers } = answer.headers;
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/interactions`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

async function readyOf(bot: Started, what: string): Promise<Record<string, unknown>> {
  await bot.until(() => bot.lines().some((l) => l.msg === 'ready'), what);
  return bot.lines().find((l) => l.msg === 'ready')!;
}

/** Sends N interactions, CONCURRENCY at a time; resolves with each one's time to its final answer. */
async function drive(
  fake: FakeDiscord,
  questions: string[],
  send: (interaction: Interaction) => Promise<{ type: number }>,
): Promise<{ latencies: number[]; wallMs: number; deferred: number }> {
  const latencies: number[] = [];
  let deferred = 0;
  let i = 0;
  const edited = (token: string) =>
    fake.waitFor(
      (c) => c.method === 'PATCH' && c.path === `/webhooks/${fake.applicationId}/${token}/messages/@original`,
      'the edit of a deferral',
      60_000,
    );
  const worker = async () => {
    while (i < N) {
      const k = i++;
      const who = { id: `3${String(k).padStart(17, '0')}`, username: `u${k}` };
      const interaction = chatInput(fake, 'ask', { question: questions[k % questions.length]! }, who);
      const sent = performance.now();
      const first = await send(interaction);
      if (first.type === 5) {
        deferred++;
        await edited(interaction.token);
      }
      latencies.push(performance.now() - sent);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies: latencies.sort((a, b) => a - b), wallMs: performance.now() - started, deferred };
}

const baseEnv = (corpus: string, dir: string) => ({
  CORPUS_DIR: corpus,
  WATCH_CORPUS: 'false',
  COOLDOWN_SECONDS: '0',
  FEEDBACK_DB: path.join(dir, `${randomBytes(4).toString('hex')}.sqlite`),
  LOG_LEVEL: 'warn',
  HEALTH_PORT: '',
});

async function runHttp(
  corpus: string,
  label: string,
  workers: number,
  questions: string[],
  dir: string,
): Promise<Run> {
  const fake = await FakeDiscord.start();
  const keys = appKeys();
  const prefix = `citebot-bench:${randomBytes(4).toString('hex')}:`;
  const bots = Array.from({ length: workers }, () =>
    startMain({
      ...baseEnv(corpus, dir),
      // The ready line is at info: the rest of the log at warn would hide it; info it is, as in production.
      LOG_LEVEL: 'info',
      DISCORD_TOKEN: '',
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      HTTP_PORT: '0',
      DISCORD_API_URL: fake.apiUrl,
      REDIS_URL,
      REDIS_PREFIX: prefix,
    }),
  );
  try {
    const ports = (await Promise.all(bots.map((b, k) => readyOf(b, `worker ${k} ready`)))).map((l) =>
      Number(l.port),
    );
    const proxy = await roundRobin(ports);
    const send = async (interaction: Interaction) =>
      (await postSigned(proxy.url, keys, JSON.stringify(interaction))).json();
    await drive(fake, questions, send); // warm-up: the same work, not counted
    const result = await drive(fake, questions, send);
    await proxy.close();
    return summary(
      corpus,
      label,
      workers,
      result,
      bots.map((b) => rssOf(b.child.pid!)),
    );
  } finally {
    for (const b of bots) b.child.kill('SIGKILL');
    await fake.close();
    await cleanPrefix(prefix);
  }
}

async function runGateway(
  corpus: string,
  label: string,
  shards: number,
  questions: string[],
  dir: string,
): Promise<Run> {
  const fake = await FakeDiscord.start({ recommendedShards: shards });
  const prefix = `citebot-bench:${randomBytes(4).toString('hex')}:`;
  const bot = startMain({
    ...baseEnv(corpus, dir),
    LOG_LEVEL: 'info',
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    REDIS_URL,
    REDIS_PREFIX: prefix,
    ...(shards > 1 ? { SHARDS: String(shards) } : {}),
  });
  try {
    await bot.until(
      () => bot.lines().some((l) => l.msg === 'ready' && (shards === 1 || l.transport === 'shards')),
      'gateway ready',
    );
    let k = 0;
    const send = async (interaction: Interaction) => {
      if (shards > 1) fake.sendToShard(k++ % shards, interaction);
      else fake.send(interaction);
      return (await fake.callback(interaction.id)).body as { type: number };
    };
    await drive(fake, questions, send);
    const result = await drive(fake, questions, send);
    const pids = shards > 1 ? childrenOf(bot.child.pid!) : [bot.child.pid!];
    const rss = pids.map(rssOf);
    if (shards > 1) rss.push(rssOf(bot.child.pid!)); // the manager, last
    return summary(corpus, label, shards, result, rss);
  } finally {
    for (const pid of childrenOf(bot.child.pid!)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    bot.child.kill('SIGKILL');
    await fake.close();
    await cleanPrefix(prefix);
  }
}

function summary(
  corpus: string,
  config: string,
  processes: number,
  r: { latencies: number[]; wallMs: number; deferred: number },
  rss: number[],
): Run {
  return {
    corpus,
    config,
    processes,
    n: r.latencies.length,
    wallMs: Math.round(r.wallMs),
    throughput: Math.round((r.latencies.length / r.wallMs) * 1000),
    p50: Number(quantile(r.latencies, 0.5).toFixed(1)),
    p99: Number(quantile(r.latencies, 0.99).toFixed(1)),
    deferred: r.deferred,
    rssMb: rss.map((b) => Math.round(b / 1e6)),
  };
}

function engineGrowth(dir: string): Record<string, number | string | null> {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      path.join(ROOT, 'bench/scale.ts'),
      '--engine',
      dir,
    ],
    { cwd: ROOT, maxBuffer: 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
  ).toString();
  return JSON.parse(out.trim().split('\n').pop()!);
}

async function main(): Promise<void> {
  const problem = await redisProblem();
  if (problem) throw new Error(`bench:scale needs Redis for the 2-worker runs: ${problem}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'citebot-bench-scale-'));
  const corpora: [string, string][] = [
    ['seeds', 'seeds'],
    [
      'SOTU ×1',
      path.relative(
        ROOT,
        sotuCorpus(1, (l) => console.error(l)),
      ),
    ],
  ];
  const runs: Run[] = [];
  for (const [label, corpus] of corpora) {
    // The snapshot every process loads, built once here (as the shard manager does).
    await createEngine({ corpusDir: corpus, root: ROOT, snapshotFile: defaultSnapshotPath(corpus, ROOT) });
    const questions = questionsFor(path.resolve(ROOT, corpus));
    for (const [config, run] of [
      ['HTTP, 1 worker', () => runHttp(corpus, 'HTTP, 1 worker', 1, questions, dir)],
      ['HTTP, 2 workers', () => runHttp(corpus, 'HTTP, 2 workers', 2, questions, dir)],
      ['gateway, 1 shard', () => runGateway(corpus, 'gateway, 1 shard', 1, questions, dir)],
      ['gateway, 2 shards', () => runGateway(corpus, 'gateway, 2 shards', 2, questions, dir)],
    ] as const) {
      console.error(`${label}: ${config}…`);
      const result = await run();
      runs.push({ ...result, corpus: label });
      console.error(`  ${JSON.stringify(result)}`);
    }
  }
  const growth: Record<string, unknown>[] = [];
  if (!values['skip-engine']) {
    for (const [label, multiple] of [
      ['SOTU ×1', 1],
      ['SOTU ×2', 2],
      ['SOTU ×4', 4],
    ] as const) {
      console.error(`engine: ${label}…`);
      const measured = engineGrowth(sotuCorpus(multiple, (l) => console.error(l)));
      growth.push({ corpus: label, ...measured });
      console.error(`  ${JSON.stringify(measured)}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });

  const table = [
    '| corpus | configuration | processes | throughput (/s) | vs 1 HTTP worker | final p50 (ms) | final p99 (ms) | deferred | RSS per process (MB) |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of runs) {
    const base = runs.find((b) => b.corpus === r.corpus && b.config === 'HTTP, 1 worker')!;
    table.push(
      `| ${r.corpus} | ${r.config} | ${r.processes} | ${r.throughput} | ${(r.throughput / base.throughput).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.deferred}/${r.n} | ${r.rssMb.join(' / ')} |`,
    );
  }
  const growthTable = [
    '| corpus | sentences | facts | cold start (load, facts, index) | snapshot start | heap after GC | heap per sentence |',
    '|---|---|---|---|---|---|---|',
    ...growth.map(
      (g) =>
        `| ${g.corpus} | ${g.sentences} | ${g.facts} | ${((g.buildMs as number) / 1000).toFixed(1)} s | ${((g.loadMs as number) / 1000).toFixed(1)} s | ${Math.round((g.heapBytes as number) / 1e6)} MB | ${((g.heapBytes as number) / (g.sentences as number) / 1024).toFixed(2)} KB |`,
    ),
  ];
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`;
  writeFileSync(
    path.join(ROOT, 'docs/scale-results.json'),
    `${JSON.stringify({ machine, n: N, concurrency: CONCURRENCY, runs, growth }, null, 2)}\n`,
  );
  // In the house format, so that the file a run writes passes `npm run lint`.
  execFileSync(path.join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', 'docs/scale-results.json'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  process.stdout.write(
    `${machine}; ${N} /ask per run, ${CONCURRENCY} at a time\n\n${table.join('\n')}\n\n${growthTable.join('\n')}\n`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
