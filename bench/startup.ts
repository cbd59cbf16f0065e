/**
 * `npm run bench:startup`: how fast citebot starts and whether it ever blocks
 * (issue 14), with the peers in the same run and the machine's load average.
 *
 *   node --import tsx bench/startup.ts                  # everything, this tree (about 4 minutes)
 *   node --import tsx bench/startup.ts --root=DIR       # another checkout of citebot (before/after)
 *   node --import tsx bench/startup.ts --only=cold,ask  # a subset: cold, engine, loop, ask
 *
 * - cold: spawn to exit of `citebot ask --json` on the seeds, through the
 *   package's `bin` (what `npx citebot` runs) and through `npm run -s ask`,
 *   beside a MiniSearch script doing the same job (load, index, one search).
 * - engine: engine start at SOTU ×1 without a snapshot (corpus load, facts,
 *   index), and the heap after it (after GC), each in a fresh process.
 * - loop: at SOTU ×4, the worst event-loop delay (`monitorEventLoopDelay`)
 *   while interactions are answered (one `ask()` on a small engine every
 *   10 ms) during a snapshot load and during a rebuild (the reload path).
 * - ask: `ask()` p99 over the bench's 1,000 queries beside FlexSearch's
 *   `strict` index over the same sentences, SOTU ×1 and ×4.
 *
 * Each figure is a median over fresh processes where a process is cheap.
 * The child processes are this file, with `--child=…`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { benchQueries } from './queries.js';
import { CACHE_DIR, ROOT, sotuCorpus } from './sotu.js';
import { latency, median } from './stats.js';

const QUESTION = 'What is the trade target?';

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const root = path.resolve(option('root') ?? ROOT);
const note = (line: string) => process.stderr.write(`${line}\n`);

function spawnTimed(command: string, args: string[], cwd: string): Promise<{ ms: number; out: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, out });
      else reject(new Error(`bench/startup: ${command} ${args.join(' ')} exited ${code}\n${err}`));
    });
  });
}

/** A child of this file, for a figure that needs a fresh process. */
async function child<T>(what: string, ...args: string[]): Promise<T> {
  const script = path.join(ROOT, 'bench', 'startup.ts');
  const { out } = await spawnTimed(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=6144',
      '--import',
      'tsx',
      script,
      `--child=${what}`,
      `--root=${root}`,
      ...args,
    ],
    ROOT,
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

// ─────────────── children ───────────────

/** The tree's lifecycle, whichever shape it has (before and after issue 14's changes). */
interface Lifecycle {
  start: (corpusDir: string, snapshotFile?: string) => Promise<EngineLike>;
  rebuild: (corpusDir: string, current: EngineLike) => Promise<EngineLike>;
  ask: (engine: EngineLike, q: string) => { found: boolean };
}
type EngineLike = { corpus: { sentences: Array<{ text: string }> }; stats: Record<string, unknown> };

async function lifecycle(): Promise<Lifecycle> {
  const load = (file: string) => import(pathToFileURL(path.join(root, file)).href);
  const engine = await load('src/engine.ts');
  const { ask } = await load('src/answer/ask.ts');
  const ok = (e: EngineLike | { error: string }): EngineLike => {
    if ('error' in e) throw new Error(`bench/startup: ${e.error}`);
    return e;
  };
  const start = async (corpusDir: string, snapshotFile?: string) =>
    ok(await engine.createEngine({ corpusDir, root, ...(snapshotFile ? { snapshotFile } : {}) }));
  if (typeof engine.createEngineInWorker === 'function') {
    return {
      start,
      rebuild: async (corpusDir, current) =>
        ok(await engine.createEngineInWorker({ corpusDir, root }, current)),
      ask,
    };
  }
  // After: a rebuild is the engine host's.
  return {
    start,
    rebuild: async (corpusDir, current) => {
      const rebuilt = await engine.createEngineHost(current, { corpusDir, root }).rebuild();
      return ok('error' in rebuilt ? rebuilt : rebuilt.engine);
    },
    ask,
  };
}

function heapMB(): number {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function childEngine(): Promise<object> {
  const life = await lifecycle();
  const dir = sotuCorpus(1);
  const started = performance.now();
  const engine = await life.start(dir);
  const ms = performance.now() - started;
  const heap = heapMB();
  const { factMs, buildMs } = engine.stats as { factMs: number; buildMs: number };
  return { ms, factMs, buildMs, heapMB: heap, sentences: engine.corpus.sentences.length };
}

/**
 * Interactions answered every 10 ms from a small engine while `work` runs;
 * the worst event-loop delay meanwhile, and how late the latest answer was.
 */
async function whileAnswering(small: EngineLike, life: Lifecycle, work: () => Promise<unknown>) {
  const questions = ['What is the trade target?', 'Who met whom?', 'agreements signed', 'trade volume'];
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let answered = 0;
  let worstLate = 0;
  let due = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    worstLate = Math.max(worstLate, now - due);
    life.ask(small, questions[answered % questions.length]!);
    answered++;
    due = now + 10;
  }, 10);
  delay.enable();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  clearInterval(timer);
  return { ms, worstDelayMs: delay.max / 1e6, answered, worstLateMs: worstLate };
}

async function childLoop(): Promise<object> {
  const life = await lifecycle();
  const dir = sotuCorpus(4);
  const small = await life.start('seeds');
  const file = path.join(CACHE_DIR, 'bench', `startup-x4-${process.pid}.snapshot`);
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(file, { force: true });
  note('  [loop] building the ×4 engine and its snapshot…');
  const built = await life.start(dir, file);
  const loads = [];
  for (let i = 0; i < 3; i++) {
    note(`  [loop] snapshot load ${i + 1}/3 while answering…`);
    let loaded: EngineLike | undefined;
    const m = await whileAnswering(small, life, async () => {
      loaded = await life.start(dir, file);
    });
    if (loaded?.stats.indexFrom !== 'snapshot')
      throw new Error(`bench/startup: not loaded (${loaded?.stats.snapshot})`);
    loads.push(m);
  }
  rmSync(file, { force: true });
  note('  [loop] rebuild while answering…');
  const rebuild = await whileAnswering(small, life, () => life.rebuild(dir, built));
  return { sentences: built.corpus.sentences.length, loads, rebuild };
}

async function childAsk(multiple: string): Promise<object> {
  const life = await lifecycle();
  const { loadCorpus } = await import(pathToFileURL(path.join(root, 'src/corpus/load.ts')).href);
  const { Index } = await import('flexsearch');
  const dir = sotuCorpus(Number(multiple));
  const file = path.join(CACHE_DIR, 'bench', `startup-ask-x${multiple}.snapshot`);
  const engine = await life.start(dir, file);
  const corpus = await loadCorpus(dir, { root });
  const queries = benchQueries(corpus, 1000);
  const time = (fn: () => unknown) => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };
  for (const q of queries.slice(0, 50)) life.ask(engine, q.text);
  const citebot = queries.map((q) => time(() => life.ask(engine, q.text)));
  const flex = new Index({ tokenize: 'strict' });
  const built = time(() => {
    for (const [i, s] of engine.corpus.sentences.entries()) flex.add(i, s.text);
  });
  for (const q of queries.slice(0, 50)) flex.search(q.text, { limit: 5 });
  const peer = queries.map((q) => time(() => flex.search(q.text, { limit: 5 })));
  return {
    sentences: engine.corpus.sentences.length,
    ask: latency(citebot),
    flexsearch: latency(peer),
    flexBuildMs: built,
  };
}

// ─────────────── the parent ───────────────

const ms = (x: number) =>
  x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`;
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

async function coldStart(runs = 9): Promise<string[]> {
  const miniScript = `
    import MiniSearch from 'minisearch';
    import { readdirSync, readFileSync } from 'node:fs';
    const docs = readdirSync('seeds').flatMap((f) => readFileSync('seeds/' + f, 'utf8').split(/(?<=[.!?])\\s+/)).map((text, id) => ({ id, text }));
    const mini = new MiniSearch({ fields: ['text'] });
    mini.addAll(docs);
    process.stdout.write(JSON.stringify(mini.search(${JSON.stringify(QUESTION)}, { fuzzy: 0.2, prefix: true }).slice(0, 5)));`;
  const ways: Array<[string, string, string[]]> = [
    [
      '`bin/citebot.js ask --json` (what `npx citebot` runs)',
      process.execPath,
      [path.join(root, 'bin', 'citebot.js'), 'ask', '--json', QUESTION],
    ],
    ['`npm run -s ask -- --json`', 'npm', ['run', '-s', 'ask', '--', '--json', QUESTION]],
    [
      'peer: a MiniSearch script (load, index, search)',
      process.execPath,
      ['--input-type=module', '-e', miniScript],
    ],
  ];
  const rows: string[] = [];
  for (const [label, command, args] of ways) {
    await spawnTimed(command, args, root); // warm the file cache and any build
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { ms: took, out } = await spawnTimed(command, args, root);
      if (!out.includes('"')) throw new Error(`bench/startup: ${label} printed no answer`);
      times.push(took);
    }
    rows.push(
      `| cold start, ${label}, spawn to exit (median of ${runs}) | ${ms(median(times))} | ${load()} |`,
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const what = option('child');
  if (what) {
    const result =
      what === 'engine'
        ? await childEngine()
        : what === 'loop'
          ? await childLoop()
          : await childAsk(option('x') ?? '1');
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const only = (option('only') ?? 'cold,engine,loop,ask').split(',');
  if (!existsSync(path.join(root, 'src', 'engine.ts')))
    throw new Error(`bench/startup: ${root} is not citebot`);
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    // Not a git checkout: the commit is only informative.
  }
  const rows: string[] = [];
  note(`bench/startup: ${root} (${commit}), load ${load()}`);
  if (only.includes('cold')) {
    note('cold start…');
    rows.push(...(await coldStart()));
  }
  if (only.includes('engine')) {
    note('engine start at SOTU ×1 (3 fresh processes)…');
    const runs: Array<{ ms: number; factMs: number; buildMs: number; heapMB: number; sentences: number }> =
      [];
    for (let i = 0; i < 3; i++) runs.push(await child('engine'));
    const m = (f: (r: (typeof runs)[number]) => number) => median(runs.map(f));
    rows.push(
      `| engine start, SOTU ×1 (${runs[0]!.sentences.toLocaleString('en-US')} sentences), no snapshot (median of 3) | ${ms(m((r) => r.ms))} (facts ${ms(m((r) => r.factMs))}, index ${ms(m((r) => r.buildMs))}) | ${load()} |`,
      `| heap after engine start, SOTU ×1 (after GC) | ${m((r) => r.heapMB).toFixed(0)} MB | ${load()} |`,
    );
  }
  if (only.includes('loop')) {
    note('event loop at SOTU ×4…');
    type Answering = { ms: number; worstDelayMs: number; answered: number; worstLateMs: number };
    const r = await child<{ sentences: number; loads: Answering[]; rebuild: Answering }>('loop');
    const worst = median(r.loads.map((l) => l.worstDelayMs));
    rows.push(
      `| snapshot load, SOTU ×4 (${r.sentences.toLocaleString('en-US')} sentences): time / worst event-loop delay while answering (median of 3) | ${ms(median(r.loads.map((l) => l.ms)))} / ${ms(worst)} | ${load()} |`,
      `| rebuild (reload path), SOTU ×4: time / worst event-loop delay while answering | ${ms(r.rebuild.ms)} / ${ms(r.rebuild.worstDelayMs)} (${r.rebuild.answered} answered) | ${load()} |`,
    );
  }
  if (only.includes('ask')) {
    for (const x of ['1', '4']) {
      note(`ask() and FlexSearch at SOTU ×${x}…`);
      type L = { median: number; p99: number };
      const r = await child<{ sentences: number; ask: L; flexsearch: L }>('ask', `--x=${x}`);
      rows.push(
        `| \`ask()\` p99 / FlexSearch \`strict\` p99, SOTU ×${x} (1,000 queries) | ${ms(r.ask.p99)} / ${ms(r.flexsearch.p99)} = ${(r.ask.p99 / r.flexsearch.p99).toFixed(2)}× (medians ${ms(r.ask.median)} / ${ms(r.flexsearch.median)}) | ${load()} |`,
      );
    }
  }
  const cpus = os.cpus();
  process.stdout.write(
    [
      `citebot startup bench, ${root} at ${commit}, ${new Date().toISOString().slice(0, 16)} UTC`,
      `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}`,
      '',
      '| figure | measured | load average (1, 5, 15 min) after it |',
      '|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

await main();
