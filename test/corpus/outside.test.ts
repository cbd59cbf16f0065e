import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { engineOptions } from '../../src/app.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { createEngine, createEngineHost } from '../../src/engine.js';
import { defaultSnapshotPath } from '../../src/index/snapshot.js';
import { createReloader } from '../../src/reload.js';
import { captureLog } from '../support/captureLog.js';
import { runScript } from '../support/runCli.js';
import { ROOT } from '../support/seedEngine.js';

/**
 * A corpus folder with links out of it: to a file beside the folder, by a
 * relative and an absolute path, and to /etc/passwd. None of them may be
 * read, indexed, saved in a snapshot or quoted; a link to a file inside the
 * folder is followed.
 */

const GOOD = 'The Treaty of Friendship was signed in Bishkek on March 3.\n';
const SECRET = 'root:x:0:0:secret-outside-the-corpus:/root:/bin/bash\n';
const OUTSIDE = 'its real path is outside the corpus folder (a link out of it)';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

/** `<tmp>/secret.txt` beside `<tmp>/corpus/`, which holds a good article and a link inside. */
function folders() {
  const base = mkdtempSync(path.join(tmpdir(), 'citebot-outside-'));
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  const dir = path.join(base, 'corpus');
  mkdirSync(dir);
  const secret = path.join(base, 'secret.txt');
  writeFileSync(secret, SECRET);
  writeFileSync(path.join(dir, 'a-good.txt'), GOOD);
  symlinkSync('a-good.txt', path.join(dir, 'b-inside.txt'));
  return { base, dir, secret };
}

/** The links out of the folder, added to it; returns the warnings they must give. */
function addLinksOut(dir: string, secret: string) {
  symlinkSync('../secret.txt', path.join(dir, 'passwd.txt'));
  symlinkSync(secret, path.join(dir, 'absolute.md'));
  const names = ['absolute.md', 'passwd.txt'];
  if (existsSync('/etc/passwd')) {
    symlinkSync('/etc/passwd', path.join(dir, 'etc-passwd.txt'));
    names.push('etc-passwd.txt');
  }
  return names.sort().map((file) => ({ file, reason: OUTSIDE }));
}

describe('files whose real path is outside the corpus folder', () => {
  it('are skipped with a warning on first load; a link to a file inside is followed', async () => {
    const { dir, secret } = folders();
    const expected = addLinksOut(dir, secret);
    const corpus = await loadCorpus(dir, { root: dir });
    if ('error' in corpus) throw new Error(corpus.error);
    expect(corpus.articles.map((a) => a.file)).toEqual(['a-good.txt', 'b-inside.txt']);
    expect(corpus.warnings).toEqual(expected);
    expect(corpus.sentences.map((s) => s.text)).toEqual([GOOD.trim(), GOOD.trim()]);
  });

  it('are skipped when the watcher rebuilds and on /reload, in the worker as the bot runs it', async () => {
    const { dir, secret } = folders();
    const engine = await createEngine({ corpusDir: dir, root: dir });
    if ('error' in engine) throw new Error(engine.error);
    const log = captureLog();
    const config = { CORPUS_DIR: dir, SOURCE_BASE_URL: undefined };
    const reloader = createReloader({
      context: { engine, commands: new Map() },
      host: createEngineHost(engine, engineOptions(config)),
      logger: log.logger,
      watchDir: dir,
      debounceMs: 50,
    });
    cleanups.push(() => reloader.close());
    const expected = addLinksOut(dir, secret);

    await log.waitFor((l) => l.msg === 'corpus reloaded' && l.skipped === expected.length, 30_000);
    const skipped = (l: Record<string, unknown>) => l.level === 40 && l.reason === OUTSIDE;
    expect(
      log
        .lines()
        .filter(skipped)
        .map((l) => path.basename(String(l.file))),
    ).toEqual(expected.map((w) => w.file));
    expect(reloader.current().engine.corpus.warnings.map((w) => w.reason)).toEqual(
      expected.map(() => OUTSIDE),
    );

    const outcome = await reloader.reload('/reload');
    expect(outcome).toMatchObject({ ok: true, files: 2, sentences: 2, skipped: expected.length });
    const texts = reloader.current().engine.corpus.sentences.map((s) => s.text);
    expect(texts.join('\n')).not.toContain('root:x');
  });

  it('never reach /source, /about or the snapshot of `npm run ask`, whatever the file option says', async () => {
    const { base, dir, secret } = folders();
    addLinksOut(dir, secret);
    const ask = async (command: string) => {
      const run = await runScript('src/cli/ask.ts', ['--json', '--corpus', dir, command], {
        env: { INDEX_SNAPSHOT: 'true' },
      });
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('root:x');
      return JSON.parse(run.stdout) as { found: boolean; answer: string };
    };
    for (const file of ['passwd.txt', 'passwd']) {
      expect(await ask(`/source file:${file} line:1`)).toMatchObject({
        found: false,
        answer: expect.stringMatching(/^No article named/),
      });
    }
    for (const file of [
      '../secret.txt',
      secret,
      `${dir}/../secret.txt`,
      '/etc/passwd',
      'corpus/../../secret.txt',
    ]) {
      expect(await ask(`/source file:${file} line:1`)).toEqual(
        expect.objectContaining({
          found: false,
          answer: `"${file}" is not an article of the corpus: give a file name from the corpus folder.`,
        }),
      );
    }
    expect((await ask('/about')).answer).toContain(`passwd.txt (${OUTSIDE})`);
    const snapshot = readFileSync(defaultSnapshotPath(dir, ROOT), 'utf8');
    cleanups.push(() => rmSync(defaultSnapshotPath(dir, ROOT), { force: true }));
    expect(snapshot).toContain('Bishkek');
    expect(snapshot).not.toContain('root:x');
    expect(base).not.toBe('');
  }, 120_000); // eight `npm run ask` processes: on a loaded 2-core machine they take more than the default 30 s
});
