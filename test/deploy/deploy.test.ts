import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fakeDiscord.js';
import { runCommand } from '../support/runCli.js';
import { ROOT } from '../support/seedEngine.js';

/** The Dockerfile's instructions, continuation lines joined, comments dropped, grouped by stage. */
function dockerStages(text: string): { from: string; lines: { op: string; args: string }[] }[] {
  const joined = text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const stages: { from: string; lines: { op: string; args: string }[] }[] = [];
  for (const line of joined.split('\n')) {
    const m = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, op = '', args = ''] = m;
    if (op === 'FROM') stages.push({ from: args, lines: [] });
    else stages.at(-1)?.lines.push({ op, args: args.trim() });
  }
  return stages;
}

const stages = dockerStages(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
const final = stages.at(-1)!;
const op = (name: string) => final.lines.filter((l) => l.op === name).map((l) => l.args);

/** ENV a=b c=d, as a map. */
function imageEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of op('ENV')) for (const m of args.matchAll(/(\w+)=(\S+)/g)) env[m[1]!] = m[2]!;
  return env;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('Dockerfile', () => {
  it('is multi-stage, installs production dependencies only, runs as a user, and checks its health', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]?.lines.some((l) => l.op === 'RUN' && /npm ci --omit=dev/.test(l.args))).toBe(true);
    expect(op('COPY').some((a) => a.startsWith('--from='))).toBe(true);
    expect(op('USER').at(-1)).toMatch(/^(?!root$|0$)\w+/);
    expect(op('HEALTHCHECK')[0]).toMatch(/\/healthz/);
    expect(imageEnv().HEALTH_PORT).toMatch(/^\d+$/);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    // CMD runs the JavaScript `npm ci` compiled: with --omit=dev, esbuild must be a runtime dependency.
    expect(JSON.parse(op('CMD')[0]!)).toEqual(['node', 'dist/src/main.js']);
    expect(pkg.dependencies.esbuild).toBeDefined();
    expect(op('COPY').some((a) => /^--from=\w+ \/app\/dist /.test(a))).toBe(true);
  });
});

/**
 * What the image holds, laid out in temp folders (Docker cannot run here):
 * the first stage's COPY sources and `npm ci --omit=dev` (which compiles
 * dist/), then the final stage's COPY sources, from that stage or the
 * repository, and its CMD with its ENV, against the fake Discord; its
 * HEALTHCHECK command must pass.
 */
describe('the image’s start command, on this machine', () => {
  let build = '';
  let app = '';
  let fake: FakeDiscord;

  /** COPY a b ./dir/ or COPY a ./file, into `into`; sources read from `from`. */
  const copyInto = (args: string, from: string, into: string, move: boolean) => {
    const parts = args.split(/\s+/);
    const dest = parts.at(-1)!;
    for (const source of parts.slice(0, -1)) {
      const target = dest.endsWith('/')
        ? path.join(into, dest, path.basename(source))
        : path.join(into, dest);
      mkdirSync(path.dirname(target), { recursive: true });
      if (move) renameSync(path.join(from, source), target);
      else cpSync(path.join(from, source), target, { recursive: true });
    }
  };

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    build = mkdtempSync(path.join(tmpdir(), 'citebot-image-deps-'));
    for (const l of stages[0]!.lines) if (l.op === 'COPY') copyInto(l.args, ROOT, build, false);
    const install = await runCommand(
      'npm',
      ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
      { cwd: build },
    );
    if (install.code !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.stderr}`);
    app = mkdtempSync(path.join(tmpdir(), 'citebot-image-'));
    for (const copy of op('COPY')) {
      const from = /^--from=\S+\s+(.*)$/.exec(copy);
      // The first stage's WORKDIR is /app: its paths are the temp folder's.
      if (from) copyInto(from[1]!.replace(/(^|\s)\/app\//g, '$1'), build, app, true);
      else copyInto(copy, ROOT, app, false);
    }
  }, 420_000);

  afterAll(async () => {
    await fake?.close();
    if (app) rmSync(app, { recursive: true, force: true });
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('starts without dev dependencies, passes its HEALTHCHECK, and exits 0 on SIGTERM', async () => {
    expect(existsSync(path.join(app, 'dist', 'src', 'main.js'))).toBe(true);
    expect(existsSync(path.join(app, 'src'))).toBe(false);
    expect(existsSync(path.join(app, 'node_modules', 'vitest'))).toBe(false);
    const port = String(await freePort());
    const env = {
      ...process.env,
      ...imageEnv(),
      HEALTH_PORT: port,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: '',
      LOG_FILE: '',
      CORPUS_DIR: '',
      DISCORD_GUILD_ID: '',
    };
    const [command, ...args] = JSON.parse(op('CMD')[0]!) as string[];
    const child = spawn(command!, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const check = op('HEALTHCHECK')[0]!.replace(/^.*?\bCMD\s+/, '');
      const deadline = Date.now() + 60_000;
      for (;;) {
        const probe = spawnSync('/bin/sh', ['-c', check], { env, timeout: 10_000 });
        if (probe.status === 0) break;
        if (Date.now() > deadline) throw new Error(`the HEALTHCHECK never passed; stderr:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // /healthz turns ready as the login ends, a moment before the ready line is written.
      while (!stderr.includes('"msg":"ready"') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(stderr).toMatch(/"msg":"ready"/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 90_000);
});

const systemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('deploy/ systemd units', () => {
  it.skipIf(!systemdAnalyze)('pass systemd-analyze verify', () => {
    const units = ['citebot.service', 'citebot-health.service', 'citebot-health.timer'];
    const run = spawnSync('systemd-analyze', ['verify', '--man=no', ...units.map((u) => `./${u}`)], {
      cwd: path.join(ROOT, 'deploy'),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('start the compiled bot through the bin, and restart on failure', () => {
    const unit = readFileSync(path.join(ROOT, 'deploy', 'citebot.service'), 'utf8');
    expect(unit).toMatch(/^ExecStart=\S*node bin\/citebot\.js start$/m);
    expect(unit).toMatch(/^Restart=always$/m);
    expect(unit).toMatch(/^User=(?!root)\w+$/m);
  });
});
