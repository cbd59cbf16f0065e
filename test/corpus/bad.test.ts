import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import type { CorpusWarning } from '../../src/corpus/types.js';
import { logCorpusWarnings } from '../../src/corpus/warnings.js';
import { createEngine } from '../../src/engine.js';
import { captureLog } from '../support/captureLog.js';
import { ROOT } from '../support/seedEngine.js';
import { tempCorpus } from '../support/tempCorpus.js';

/**
 * A corpus folder holding one of everything that cannot be an article, next
 * to one good article: each is skipped with one warning, the rest is indexed.
 */

const GOOD = 'The Treaty of Friendship was signed in Bishkek on March 3.\n';
const FIFTY_MB = 50 * 1024 * 1024;
const NOBODY = 65534;

let cleanup: () => void = () => {};
afterEach(() => cleanup());

/** Every kind of bad file, and what loadCorpus says of each. */
function badCorpus(): { dir: string; expected: CorpusWarning[] } {
  const t = tempCorpus({
    'a-good.txt': GOOD,
    'b-empty.txt': '',
    'c-binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    'd-latin1.md': Buffer.from('Caf\xe9 in Dushanbe, na\xefve r\xe9sum\xe9.\n', 'latin1'),
    'e-huge.txt': '',
    'notes.pdf': 'not an article',
  });
  cleanup = t.cleanup;
  // Sparse: 50 MB as far as stat is concerned, without writing 50 MB. The size is checked before any read.
  truncateSync(path.join(t.dir, 'e-huge.txt'), FIFTY_MB);
  mkdirSync(path.join(t.dir, 'f-folder.txt'));
  symlinkSync('h-loop.txt', path.join(t.dir, 'g-loop.txt'));
  symlinkSync('g-loop.txt', path.join(t.dir, 'h-loop.txt'));
  return {
    dir: t.dir,
    expected: [
      { file: 'b-empty.txt', reason: 'empty file' },
      { file: 'c-binary.txt', reason: 'binary file' },
      { file: 'd-latin1.md', reason: 'not valid UTF-8' },
      { file: 'e-huge.txt', reason: 'too large (50.0 MB > 5 MB)' },
      { file: 'f-folder.txt', reason: 'is a directory' },
      { file: 'g-loop.txt', reason: 'symbolic link loop' },
      { file: 'h-loop.txt', reason: 'symbolic link loop' },
    ],
  };
}

/** Whether this process can run node as the unprivileged user `nobody` (it can when it is root). */
function canRunAsNobody(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = spawnSync(process.execPath, ['-e', ''], { uid: NOBODY, gid: NOBODY, cwd: ROOT });
  return probe.status === 0;
}

/** loadCorpus run as `nobody`, for whom a mode-000 file really cannot be read. */
function loadAsNobody(dir: string): { files: string[]; warnings: CorpusWarning[] } {
  const script = `import { loadCorpus } from ${JSON.stringify(path.join(ROOT, 'src/corpus/load.ts'))};
const corpus = await loadCorpus(${JSON.stringify(dir)}, { root: ${JSON.stringify(dir)} });
process.stdout.write(JSON.stringify({ files: corpus.articles.map((a) => a.file), warnings: corpus.warnings }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    uid: NOBODY,
    gid: NOBODY,
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`loading as nobody failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { files: string[]; warnings: CorpusWarning[] };
}

describe('createEngine over a corpus of bad files', () => {
  it('returns an engine over the good file, with one warning per bad file, each logged once', async () => {
    const { dir, expected } = badCorpus();
    const engine = await createEngine({ corpusDir: dir, root: dir });
    if ('error' in engine) throw new Error(engine.error);
    expect(engine.corpus.articles.map((a) => a.file)).toEqual(['a-good.txt']);
    expect(engine.corpus.warnings).toEqual(expected);
    expect(ask(engine, 'Where was the Treaty of Friendship signed?').citations[0]).toMatchObject({
      file: 'a-good.txt',
      line: 1,
    });

    const log = captureLog();
    logCorpusWarnings(engine, log.logger);
    expect(log.lines().map((l) => [l.level, l.file])).toEqual(expected.map((w) => [40, w.file]));
  });

  it('returns an engine that says the corpus is empty when every file is bad', async () => {
    const t = tempCorpus({ 'a.txt': '', 'b.txt': Buffer.from([0xff, 0xfe, 0x00]) });
    cleanup = t.cleanup;
    const engine = await createEngine({ corpusDir: t.dir, root: t.dir });
    if ('error' in engine) throw new Error(engine.error);
    expect(engine.stats).toMatchObject({ files: 0, sentences: 0, skipped: 2 });
    expect(ask(engine, 'What is the trade target?').answer).toMatch(/^The corpus is empty/);
    const log = captureLog();
    logCorpusWarnings(engine, log.logger);
    expect(log.lines().at(-1)?.msg).toMatch(
      /^the corpus is empty: .* holds no readable \.txt or \.md article/,
    );
  });
});

describe('loadCorpus over an unreadable file', () => {
  // Root reads a mode-000 file anyway, so as root the check runs as `nobody` in a child process instead.
  const asNobody = canRunAsNobody();
  const reason =
    process.getuid?.() === 0 && !asNobody
      ? 'running as root, where mode 000 does not stop reads, and node cannot run as nobody here'
      : '';

  it.skipIf(reason !== '')(
    `skips it with one warning, next to every other kind of bad file${reason ? ` (skipped: ${reason})` : ''}`,
    async () => {
      const { dir, expected } = badCorpus();
      writeFileSync(path.join(dir, 'i-unreadable.txt'), GOOD);
      chmodSync(path.join(dir, 'i-unreadable.txt'), 0o000);
      const all = [...expected, { file: 'i-unreadable.txt', reason: 'cannot read (EACCES)' }];
      if (asNobody) {
        chmodSync(dir, 0o755);
        expect(loadAsNobody(dir)).toEqual({ files: ['a-good.txt'], warnings: all });
      } else {
        const engine = await createEngine({ corpusDir: dir, root: dir });
        if ('error' in engine) throw new Error(engine.error);
        expect(engine.corpus.warnings).toEqual(all);
      }
    },
    60_000,
  );
});
