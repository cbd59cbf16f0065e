import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_HELP, createConsole, runConsole } from '../../src/cli/console.js';
import { loadCommands } from '../../src/commands/registry.js';
import { createEngine } from '../../src/engine.js';
import { createReloader } from '../../src/reload.js';
import { captureLog } from '../support/captureLog.js';
import { runScript } from '../support/runCli.js';
import { tempCorpus } from '../support/tempCorpus.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

describe('createConsole', () => {
  it('returns from start once stopped, with its input still open, after answering what came before', async () => {
    const engine = await createEngine({ corpusDir: 'seeds' });
    if ('error' in engine) throw new Error(engine.error);
    const log = captureLog();
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d: Buffer) => {
      printed += d.toString();
    });
    const transport = createConsole(
      { engine, commands: await loadCommands() },
      { input, output, logger: log.logger },
    );
    expect(transport.endsByItself).toBe(true);
    const done = transport.start();
    input.write('/nosuch\n');
    await log.waitFor((l) => l.msg === 'console input');
    await transport.stop();
    await done;
    expect(printed).toMatch(/unknown command "\/nosuch"/);
    expect(input.writableEnded).toBe(false);
  });
});

describe('runConsole', () => {
  it('answers /reload, then answers the next question from the new index', async () => {
    const corpus = tempCorpus({ 'a.txt': 'The Treaty of Friendship was signed in Bishkek on March 3.\n' });
    cleanups.push(corpus.cleanup);
    const build = () => createEngine({ corpusDir: corpus.dir, root: corpus.dir });
    const engine = await build();
    if ('error' in engine) throw new Error(engine.error);
    const log = captureLog();
    const reloader = createReloader({
      context: { engine, commands: await loadCommands() },
      build,
      logger: log.logger,
    });
    cleanups.push(() => reloader.close());

    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d: Buffer) => {
      printed += d.toString();
    });
    const printedSoFar = async (pattern: RegExp) => {
      const deadline = Date.now() + 20_000;
      while (!pattern.test(printed)) {
        if (Date.now() > deadline) throw new Error(`console printed no ${pattern} within 20 s:\n${printed}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const done = runConsole(reloader.current, { input, output, logger: log.logger });

    input.write('When did the gas pipeline to Almaty open?\n');
    await printedSoFar(/Nothing in the corpus answers that/);
    writeFileSync(path.join(corpus.dir, 'b.txt'), 'The gas pipeline to Almaty opened in October.\n');
    input.write('/reload\n');
    await printedSoFar(/Reloaded the corpus: 2 articles, 2 sentences \(before: 1 article, 1 sentence\)\./);
    input.write('When did the gas pipeline to Almaty open?\n');
    await printedSoFar(/opened in October[\s\S]*b\.txt:1/);
    input.end();
    await done;
  });
});

/** A console over piped streams: what it printed once its input ends. */
async function consoleRun(
  lines: string[],
  output: PassThrough & { isTTY?: boolean } = new PassThrough(),
  env = {},
) {
  const engine = await createEngine({ corpusDir: 'seeds' });
  if ('error' in engine) throw new Error(engine.error);
  let printed = '';
  output.on('data', (d: Buffer) => {
    printed += d.toString();
  });
  const input = new PassThrough();
  const done = runConsole(
    { engine, commands: await loadCommands() },
    { input, output, logger: captureLog().logger, env },
  );
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('runConsole help', () => {
  it('returns the commands and the console words for help, ? and /help alike', async () => {
    for (const word of ['help', 'HELP', '?', '/help']) {
      const printed = await consoleRun([word]);
      for (const name of [
        '/ask',
        '/search',
        '/trade',
        '/treaty',
        '/meetings',
        '/source',
        '/about',
        '/reload',
      ]) {
        expect(printed).toContain(name);
      }
      expect(printed).toContain(CONSOLE_HELP);
    }
  });

  it('ends at exit and quit, whatever their case', async () => {
    expect(await consoleRun(['QUIT', 'What is the trade target?'])).toBe('');
  });
});

describe('runConsole colour', () => {
  it('colours a terminal, and not with NO_COLOR, nor a pipe', async () => {
    const tty = () => Object.assign(new PassThrough(), { isTTY: true });
    expect(await consoleRun(['What is the trade target?'], tty(), {})).toContain('\u001b[');
    expect(await consoleRun(['What is the trade target?'], tty(), { NO_COLOR: '1' })).not.toContain(
      '\u001b[',
    );
    expect(await consoleRun(['What is the trade target?'], new PassThrough(), {})).not.toContain('\u001b[');
  });
});

describe('npm start without DISCORD_TOKEN', () => {
  it('starts the console on an empty corpus folder and says the corpus is empty', async () => {
    const empty = tempCorpus();
    cleanups.push(empty.cleanup);
    const run = await runScript('src/main.ts', [], {
      input: 'What is the trade target?\n',
      env: { CORPUS_DIR: empty.dir, WATCH_CORPUS: '', LOG_FILE: path.join(empty.dir, 'citebot.log') },
    });
    expect(run.code).toBe(0);
    const [intro, empty1, answer] = run.stdout.split('\n');
    expect(intro).toMatch(/offline console.*`help` lists the commands/);
    expect(empty1).toMatch(
      /^The corpus is empty: .* holds no readable \.txt or \.md article\. Add some, then type \/reload/,
    );
    expect(answer).toMatch(/The corpus is empty/);
    // A warning, once, as a sentence: the JSON lines are in the log file.
    expect(run.stderr).toMatch(/^citebot: warning: the corpus is empty: .* holds no readable/);
    expect(run.stderr).not.toContain('{');
  }, 60_000);
});
