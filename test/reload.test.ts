import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../src/answer/ask.js';
import { reloadAnswer } from '../src/answer/reload.js';
import type { CommandContext } from '../src/commands/contract.js';
import type { CorpusError } from '../src/corpus/load.js';
import { createEngine, createEngineHost, type Engine } from '../src/engine.js';
import { createReloader, type Reloader } from '../src/reload.js';
import { captureLog } from './support/captureLog.js';
import { tempCorpus } from './support/tempCorpus.js';

const FRIENDSHIP = 'The Treaty of Friendship was signed in Bishkek on March 3.\n';
const PIPELINE = 'The gas pipeline to Almaty opened in October.\n';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups = [];
});

function settable() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A corpus folder, the engine over it, and a reloader that rebuilds from it. */
async function setUp(
  files: Record<string, string>,
  options: {
    watch?: boolean;
    pollMs?: number;
    gate?: () => Promise<void>;
    build?: (current: Engine) => Promise<Engine | CorpusError>;
  } = {},
) {
  const corpus = tempCorpus(files);
  cleanups.push(corpus.cleanup);
  const build = async () => {
    await options.gate?.();
    return createEngine({ corpusDir: corpus.dir, root: corpus.dir });
  };
  const engine = await build();
  if ('error' in engine) throw new Error(engine.error);
  const log = captureLog();
  const context: CommandContext = { engine, commands: new Map() };
  const builds = { count: 0 };
  const reloader: Reloader = createReloader({
    context,
    build: (current) => {
      builds.count++;
      return (options.build ?? build)(current);
    },
    logger: log.logger,
    watchDir: options.watch ? corpus.dir : null,
    debounceMs: 100,
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  });
  cleanups.push(() => reloader.close());
  return { dir: corpus.dir, engine, reloader, log, builds };
}

/** The corpus folder an engine was loaded from. */
const corpusOf = (engine: Engine) => engine.corpus.dir;

/** The next engine as the bot makes it: its facts extracted in a worker thread. */
async function inWorker(current: Engine): Promise<Engine | CorpusError> {
  const rebuilt = await createEngineHost(current, { corpusDir: corpusOf(current) }).rebuild();
  return 'error' in rebuilt ? rebuilt : rebuilt.engine;
}

const reloads = (log: ReturnType<typeof captureLog>) =>
  log.lines().filter((l) => l.msg === 'corpus reloaded');

describe('createReloader', () => {
  it('returns the new corpus size and swaps the new index in when a reload succeeds', async () => {
    const { dir, engine, reloader, log } = await setUp({ 'a.txt': FRIENDSHIP });
    const before = reloader.current();
    writeFileSync(path.join(dir, 'b.txt'), PIPELINE);

    const outcome = await reloader.reload('test');
    expect(outcome).toMatchObject({ ok: true, files: 2, before: { files: 1 }, changed: true, skipped: 0 });
    expect(reloader.current().engine.stats.files).toBe(2);
    expect(ask(reloader.current().engine, 'When did the gas pipeline to Almaty open?').found).toBe(true);
    // A question that had already read the context finishes on the index it started with.
    expect(before.engine).toBe(engine);
    expect(reloader.current().reload).toBe(before.reload);
    expect(reloads(log)[0]).toMatchObject({ reason: 'test', files: 2, changed: true });
  });

  it('answers from the previous index while a rebuild is under way', async () => {
    let gate: ReturnType<typeof settable> | null = null;
    const { dir, engine, reloader } = await setUp(
      { 'a.txt': FRIENDSHIP },
      { gate: () => gate?.promise ?? Promise.resolve() },
    );
    gate = settable();
    writeFileSync(path.join(dir, 'a.txt'), PIPELINE);
    const reloading = reloader.reload('test');

    expect(reloader.current().engine).toBe(engine);
    const during = ask(reloader.current().engine, 'Where was the Treaty of Friendship signed?');
    expect(during.found).toBe(true);
    expect(during.citations[0]).toMatchObject({ file: 'a.txt', text: expect.stringContaining('Bishkek') });

    gate.resolve();
    expect(await reloading).toMatchObject({ ok: true });
    expect(ask(reloader.current().engine, 'Where was the Treaty of Friendship signed?').found).toBe(false);
  });

  it('keeps the previous index, and logs why, when the corpus folder is gone', async () => {
    const { dir, engine, reloader, log } = await setUp({ 'a.txt': FRIENDSHIP });
    rmSync(dir, { recursive: true });
    const outcome = await reloader.reload('/reload');
    expect(outcome).toEqual({
      ok: false,
      error: expect.stringMatching(/does not exist/),
      kept: { files: 1, sentences: 1 },
    });
    expect(reloader.current().engine).toBe(engine);
    const line = await log.waitFor((l) => String(l.msg).startsWith('corpus reload failed'));
    expect(line).toMatchObject({
      level: 50,
      reason: '/reload',
      error: expect.stringMatching(/does not exist/),
    });
    expect(line.msg).toMatch(/still answering from the previous index/);
  });

  it('keeps the previous index, and logs the error, when building throws', async () => {
    const { engine, reloader, log } = await setUp(
      { 'a.txt': FRIENDSHIP },
      {
        build: () => {
          throw new Error('index: a bug while building');
        },
      },
    );
    expect(await reloader.reload('test')).toMatchObject({ ok: false, error: expect.stringMatching(/a bug/) });
    expect(reloader.current().engine).toBe(engine);
    expect(log.text()).toContain('index: a bug while building');
  });

  it('returns one shared rebuild, after the one under way, to every reload asked during it', async () => {
    let gate: ReturnType<typeof settable> | null = null;
    const { reloader, builds } = await setUp(
      { 'a.txt': FRIENDSHIP },
      { gate: () => gate?.promise ?? Promise.resolve() },
    );
    gate = settable();
    const first = reloader.reload('one');
    const second = reloader.reload('two');
    const third = reloader.reload('three');
    expect(builds.count).toBe(1);
    const firstGate = gate;
    gate = settable();
    firstGate.resolve();
    await first;
    gate.resolve();
    const [b, c] = await Promise.all([second, third]);
    expect(b).toEqual(c);
    expect(builds.count).toBe(2);
  });

  it('reloads once, after the last of a burst of changes, when watching the folder', async () => {
    const { dir, reloader, log } = await setUp({ 'a.txt': FRIENDSHIP }, { watch: true });
    expect(reloader.watching).toBe(true);
    for (const name of ['b.txt', 'c.md', 'd.txt', 'e.txt', 'f.txt'])
      writeFileSync(path.join(dir, name), PIPELINE);
    await log.waitFor((l) => l.msg === 'corpus reloaded');
    // One more change: had the burst caused two reloads, this one would be the third.
    writeFileSync(path.join(dir, 'g.txt'), PIPELINE);
    await log.waitFor((l) => l.msg === 'corpus reloaded' && l.files === 7);
    expect(reloads(log).map((l) => [l.reason, l.files])).toEqual([
      ['corpus folder changed', 6],
      ['corpus folder changed', 7],
    ]);
  });

  it('stops watching a deleted folder, keeps the index, and watches it again once /reload finds it back', async () => {
    const { dir, engine, reloader, log } = await setUp({ 'a.txt': FRIENDSHIP }, { watch: true });
    rmSync(dir, { recursive: true });
    await log.waitFor((l) => String(l.msg).startsWith('stopped watching: the corpus folder is gone'));
    expect(reloader.watching).toBe(false);
    expect(reloader.current().engine).toBe(engine);
    expect(log.lines().some((l) => String(l.msg).startsWith('corpus reload failed'))).toBe(true);

    mkdirSync(dir);
    writeFileSync(path.join(dir, 'b.txt'), PIPELINE);
    expect(await reloader.reload('/reload')).toMatchObject({ ok: true, files: 1 });
    expect(reloader.watching).toBe(true);
    writeFileSync(path.join(dir, 'c.txt'), FRIENDSHIP);
    await log.waitFor((l) => l.msg === 'corpus reloaded' && l.files === 2);
  });
});

describe('createReloader watching a folder that is renamed away and back', () => {
  it('watches it again when it comes back (git checkout, rsync swap), and logs both', async () => {
    const { dir, reloader, log } = await setUp({ 'a.txt': FRIENDSHIP }, { watch: true, pollMs: 50 });
    const away = `${dir}-away`;
    cleanups.push(() => rmSync(away, { recursive: true, force: true }));
    renameSync(dir, away);
    await log.waitFor((l) => l.level === 40 && String(l.msg).includes('corpus folder is gone'));
    expect(reloader.watching).toBe(false);
    renameSync(away, dir);
    await log.waitFor((l) => String(l.msg).startsWith('the corpus folder is back'));
    expect(reloader.watching).toBe(true);
    for (const [i, name] of ['b.txt', 'c.txt', 'd.txt'].entries()) {
      writeFileSync(path.join(dir, name), PIPELINE);
      await log.waitFor((l) => l.msg === 'corpus reloaded' && l.files === i + 2);
    }
    expect(reloader.current().engine.stats.files).toBe(4);
  });
});

describe('createReloader over a file that stops parsing', () => {
  const TWO =
    'The Treaty of Friendship was signed in Bishkek on March 3.\nThe café in Dushanbe opened in May.\n';

  it('keeps its last good version, with a warning, until a valid one replaces it or it is deleted', async () => {
    const { dir, reloader, log } = await setUp(
      { 'a.txt': TWO, 'b.txt': PIPELINE },
      { watch: true, build: inWorker },
    );
    const sentences = () => reloader.current().engine.corpus.sentences.map((s) => s.text);
    const before = sentences();
    expect(before).toHaveLength(3);
    const bytes = Buffer.from(TWO);
    // Broken bytes (what the watcher sees first), cut mid-character, and emptied mid-write.
    const broken = [
      Buffer.concat([bytes.subarray(0, 20), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(20)]),
      bytes.subarray(0, bytes.indexOf(0xc3) + 1),
      Buffer.alloc(0),
    ];
    writeFileSync(path.join(dir, 'a.txt'), broken[0]!);
    const first = await log.waitFor((l) => l.msg === 'corpus reloaded' && l.stale === 1);
    expect(first).toMatchObject({ files: 2, sentences: 3, skipped: 0, changed: false });
    for (const b of broken.slice(1)) {
      writeFileSync(path.join(dir, 'a.txt'), b);
      const outcome = await reloader.reload('/reload');
      expect(outcome).toMatchObject({ ok: true, files: 2, sentences: 3, stale: 1, changed: false });
      expect(sentences()).toEqual(before);
      expect(reloadAnswer(outcome).answer).toMatch(/1 file no longer parses: the last good version is kept/);
    }
    const warned = log.lines().filter((l) => l.level === 40 && l.kept === true);
    expect([...new Set(warned.map((l) => l.reason))].sort()).toEqual([
      'empty file; its last good version is kept',
      'not valid UTF-8; its last good version is kept',
    ]);
    expect(warned.map((l) => String(l.msg).replace(/^.*\/a\.txt/, 'a.txt'))).toEqual(
      warned.map((l) => `a.txt does not parse: ${l.reason}`),
    );

    writeFileSync(path.join(dir, 'a.txt'), 'The new dam opened in June.\n');
    expect(await reloader.reload('/reload')).toMatchObject({
      ok: true,
      sentences: 2,
      stale: 0,
      changed: true,
    });
    expect(sentences()).toEqual(['The new dam opened in June.', PIPELINE.trim()]);
    writeFileSync(path.join(dir, 'a.txt'), broken[0]!);
    expect(await reloader.reload('/reload')).toMatchObject({ ok: true, sentences: 2, stale: 1 });
    rmSync(path.join(dir, 'a.txt'));
    expect(await reloader.reload('/reload')).toMatchObject({ ok: true, files: 1, sentences: 1, stale: 0 });
  });
});
