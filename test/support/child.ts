import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './seedEngine.js';

/** `npm start` (src/main.ts) as a child process, its stderr collected as it comes. */
export interface Started {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** The JSON log lines written so far. */
  lines: () => Record<string, unknown>[];
  /** Waits (polling the output, up to 60 s on a loaded machine) until `check` holds. */
  until: (check: () => boolean, what: string) => Promise<void>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts `npm start`'s entry point with a clean environment plus `env`. Kill it in a finally. */
export function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DISCORD_GUILD_ID: '',
      LOG_LEVEL: '',
      SOURCE_BASE_URL: '',
      CORPUS_DIR: 'seeds',
      COOLDOWN_SECONDS: '',
      WATCH_CORPUS: '',
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const lines = () =>
    stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const until = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 60_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`no ${what} within 60 s; stderr:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, stdout: () => stdout, stderr: () => stderr, lines, until, exited };
}

/**
 * Runs `npm start` against a fake Discord (its token and API, plus `env`),
 * waits for its ready log line, hands it to `use`, and kills it at the end.
 */
export async function withBotOn(
  fake: { token: string; apiUrl: string },
  env: Record<string, string>,
  use: (bot: Started) => Promise<void>,
): Promise<void> {
  const bot = startMain({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, ...env });
  try {
    await bot.until(() => bot.lines().some((l) => l.msg === 'ready'), 'ready log line');
    await use(bot);
  } finally {
    bot.child.kill('SIGKILL');
  }
}
