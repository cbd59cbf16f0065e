import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsole } from '../../src/cli/console.js';
import {
  createConsoleLogger,
  createNotices,
  humanLogLine,
  humanLogStream,
} from '../../src/cli/consoleLog.js';
import { loadCommands } from '../../src/commands/registry.js';
import { createEngine } from '../../src/engine.js';
import { startMain } from '../support/child.js';
import { tempCorpus } from '../support/tempCorpus.js';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

const reloadRecord = (reason: string) => ({
  level: 30,
  time: 1,
  pid: 1,
  name: 'citebot',
  reason,
  files: 3,
  sentences: 12,
  skipped: 0,
  stale: 0,
  before: { files: 2, sentences: 9 },
  changed: true,
  tookMs: 40,
  msg: 'corpus reloaded',
});

describe('humanLogLine', () => {
  it('returns a warning as one labelled sentence, with the error message it carries', () => {
    expect(
      humanLogLine({ level: 40, time: 1, msg: 'skipped notes.txt: it is empty', file: 'notes.txt' }),
    ).toBe('citebot: warning: skipped notes.txt: it is empty');
    expect(humanLogLine({ level: 50, msg: 'the folder watch failed', err: { message: 'EMFILE' } })).toBe(
      'citebot: error: the folder watch failed (EMFILE)',
    );
  });

  it('returns an info record with its plain fields when LOG_LEVEL asked for it', () => {
    expect(humanLogLine({ level: 30, pid: 9, msg: 'corpus indexed', files: 4, dateRange: ['a', 'b'] })).toBe(
      'citebot: corpus indexed (files=4)',
    );
  });
});

describe('humanLogStream', () => {
  it('prints warnings and the watcher reloads as human lines, and leaves the rest to the file', () => {
    const printed: string[] = [];
    const stream = humanLogStream((line) => printed.push(line), 'warn');
    stream.write(`${JSON.stringify({ level: 30, msg: 'console input', command: 'ask' })}\n`);
    stream.write(`${JSON.stringify({ level: 40, msg: 'skipped x.bin: binary' })}\n`);
    stream.write(`${JSON.stringify(reloadRecord('corpus folder changed'))}\n`);
    stream.write(`${JSON.stringify(reloadRecord('/reload'))}\n`);
    expect(printed).toEqual([
      'citebot: warning: skipped x.bin: binary',
      'citebot: corpus folder changed. Reloaded the corpus: 3 articles, 12 sentences (before: 2 articles, 9 sentences).',
    ]);
    expect(printed.some((line) => line.startsWith('{'))).toBe(false);
  });
});

describe('createNotices', () => {
  it('returns a notice printed above the prompt, and the prompt drawn again under it', () => {
    const events: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (d: Buffer) => events.push(`write ${d.toString().trim()}`));
    const notices = createNotices(stream);
    notices.print('before any prompt');
    notices.setPrompt({ clear: () => events.push('clear'), redraw: () => events.push('redraw') });
    notices.print('a reload');
    notices.setPrompt(null);
    notices.print('while answering');
    expect(events).toEqual([
      'write before any prompt',
      'clear',
      'write a reload',
      'redraw',
      'write while answering',
    ]);
  });
});

describe('createConsoleLogger', () => {
  it('writes JSON lines to LOG_FILE and only warnings to the terminal, unless LOG_LEVEL says otherwise', () => {
    const dir = tempCorpus();
    cleanups.push(dir.cleanup);
    const file = path.join(dir.dir, 'logs', 'citebot.log');
    const printed: string[] = [];
    const notices = { print: (line: string) => printed.push(line), setPrompt: () => {} };
    const logger = createConsoleLogger({ LOG_FILE: file }, notices);
    logger.info({ command: 'ask' }, 'console input');
    logger.warn('skipped y.txt: it is empty');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      'console input',
      'skipped y.txt: it is empty',
    ]);
    expect(printed).toEqual(['citebot: warning: skipped y.txt: it is empty']);

    const verbose: string[] = [];
    const debug = createConsoleLogger(
      { LOG_FILE: file, LOG_LEVEL: 'debug' },
      { print: (line) => verbose.push(line), setPrompt: () => {} },
    );
    debug.debug('looking');
    expect(verbose).toEqual(['citebot: looking']);
  });

  it('says once that the log file cannot be written, and keeps the terminal lines', () => {
    const dir = tempCorpus({ 'plain.txt': 'x' });
    cleanups.push(dir.cleanup);
    const printed: string[] = [];
    const logger = createConsoleLogger(
      { LOG_FILE: path.join(dir.dir, 'plain.txt', 'citebot.log') },
      { print: (line) => printed.push(line), setPrompt: () => {} },
    );
    logger.warn('still here');
    expect(printed[0]).toMatch(
      /^citebot: warning: cannot write the log file .*plain\.txt.*; logging here only/,
    );
    expect(printed[1]).toBe('citebot: warning: still here');
  });
});

describe('createConsole on a terminal', () => {
  it('prints a notice above the prompt and draws the prompt again with what was typed', async () => {
    const engine = await createEngine({ corpusDir: 'seeds' });
    if ('error' in engine) throw new Error(engine.error);
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
    let screen = '';
    output.on('data', (d: Buffer) => {
      screen += d.toString();
    });
    let logged = '';
    const noticeStream = new PassThrough();
    noticeStream.on('data', (d: Buffer) => {
      logged += d.toString();
    });
    const notices = createNotices(noticeStream);
    const { createLogger } = await import('../../src/logger.js');
    const session = createConsole(
      { engine, commands: await loadCommands() },
      { input, output, logger: createLogger({ level: 'silent' }), notices, env: { NO_COLOR: '1' } },
    );
    const done = session.start();
    input.write('tra');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = screen.length;
    notices.print('citebot: corpus folder changed. Reloaded the corpus: 6 articles.');
    expect(logged).toBe('citebot: corpus folder changed. Reloaded the corpus: 6 articles.\n');
    // The prompt line cleared for the notice, then drawn again with the three letters typed so far.
    const redrawn = screen.slice(before);
    expect(redrawn.startsWith('\u001b[2K')).toBe(true);
    expect(redrawn).toContain('citebot> tra');
    await session.stop();
    await done;
  });
});

describe('npm start without DISCORD_TOKEN, on a watched corpus', () => {
  it('prints no JSON between answers, and one human line when the folder watch reloads', async () => {
    const corpus = tempCorpus({ 'a.txt': 'The Treaty of Friendship was signed in Bishkek on March 3.\n' });
    cleanups.push(corpus.cleanup);
    const logFile = path.join(corpus.dir, '..', `${path.basename(corpus.dir)}.log`);
    cleanups.push(() => writeFileSync(logFile, ''));
    const app = startMain({
      DISCORD_TOKEN: '',
      CORPUS_DIR: corpus.dir,
      WATCH_CORPUS: 'true',
      LOG_FILE: logFile,
    });
    try {
      await app.until(() => app.stdout().includes('offline console'), 'console banner');
      app.child.stdin.write('Where was the Treaty of Friendship signed?\n');
      await app.until(() => app.stdout().includes('Bishkek'), 'answer');
      writeFileSync(path.join(corpus.dir, 'b.txt'), 'The gas pipeline to Almaty opened in October.\n');
      await app.until(() => app.stderr().includes('Reloaded the corpus'), 'reload line');
      app.child.stdin.end();
      expect(await app.exited).toBe(0);
      const stderr = app.stderr().trim().split('\n');
      expect(stderr).toEqual([
        'citebot: corpus folder changed. Reloaded the corpus: 2 articles, 2 sentences (before: 1 article, 1 sentence).',
      ]);
      const logged = readFileSync(logFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(logged).toEqual(expect.arrayContaining(['corpus indexed', 'console input', 'corpus reloaded']));
    } finally {
      app.child.kill('SIGKILL');
    }
  }, 90_000);
});
