import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { createEngine } from '../../src/engine.js';
import { tempCorpus } from '../support/tempCorpus.js';

const GOOD = 'The Treaty of Friendship was signed in Bishkek on March 3.\n';
let cleanup: () => void = () => {};
afterEach(() => cleanup());

async function loaded(dir: string, maxFileBytes?: number): Promise<Corpus> {
  const corpus = await loadCorpus(dir, { root: dir, ...(maxFileBytes ? { maxFileBytes } : {}) });
  if ('error' in corpus) throw new Error(corpus.error);
  return corpus;
}

describe('loadCorpus', () => {
  it('skips each broken file with one warning naming it and why, and indexes the rest', async () => {
    const t = tempCorpus({
      'a-good.txt': GOOD,
      'b-empty.txt': '',
      'c-blank.md': '   \n\n',
      'd-binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]),
      'e-latin1.txt': Buffer.from('Caf\xe9 cr\xe8me in Dushanbe.\n', 'latin1'),
      'f-huge.txt': `${'word '.repeat(400)}\n`,
      'ignored.pdf': 'not an article',
    });
    cleanup = t.cleanup;
    mkdirSync(path.join(t.dir, 'g-folder.txt'));
    symlinkSync('h-loop.txt', path.join(t.dir, 'h-loop.txt'));
    symlinkSync('missing-target.txt', path.join(t.dir, 'i-dangling.md'));

    const corpus = await loaded(t.dir, 1000);
    expect(corpus.articles.map((a) => a.file)).toEqual(['a-good.txt']);
    expect(corpus.warnings).toEqual([
      { file: 'b-empty.txt', reason: 'empty file' },
      { file: 'c-blank.md', reason: 'empty file' },
      { file: 'd-binary.txt', reason: 'binary file' },
      { file: 'e-latin1.txt', reason: 'not valid UTF-8' },
      { file: 'f-huge.txt', reason: expect.stringMatching(/^too large/) },
      { file: 'g-folder.txt', reason: 'is a directory' },
      { file: 'h-loop.txt', reason: 'symbolic link loop' },
      { file: 'i-dangling.md', reason: 'broken symbolic link or file vanished' },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('skips an unreadable file', async () => {
    const t = tempCorpus({ 'a.txt': GOOD, 'b.txt': GOOD });
    cleanup = t.cleanup;
    chmodSync(path.join(t.dir, 'b.txt'), 0o000);
    const corpus = await loaded(t.dir);
    expect(corpus.warnings).toEqual([{ file: 'b.txt', reason: expect.stringMatching(/^cannot read/) }]);
  });

  it('reads files in name order and strips a byte-order mark', async () => {
    const t = tempCorpus({ 'b.md': 'Second file.\n', 'a.txt': '\uFEFFFirst file.\n' });
    cleanup = t.cleanup;
    const corpus = await loaded(t.dir);
    expect(corpus.sentences.map((s) => [s.file, s.line, s.text])).toEqual([
      ['a.txt', 1, 'First file.'],
      ['b.md', 1, 'Second file.'],
    ]);
  });

  it('reads UTF-16 files with a byte-order mark, little- and big-endian, and names a broken one', async () => {
    const text = 'The café in Dushanbe opened in May.\nIts owner is from Almaty.\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const t = tempCorpus({ 'a-le.txt': le, 'b-be.txt': be, 'c-odd.txt': le.subarray(0, le.length - 1) });
    cleanup = t.cleanup;
    const corpus = await loaded(t.dir);
    expect(corpus.sentences.map((s) => [s.file, s.line, s.text])).toEqual([
      ['a-le.txt', 1, 'The café in Dushanbe opened in May.'],
      ['a-le.txt', 2, 'Its owner is from Almaty.'],
      ['b-be.txt', 1, 'The café in Dushanbe opened in May.'],
      ['b-be.txt', 2, 'Its owner is from Almaty.'],
    ]);
    expect(corpus.warnings).toEqual([
      { file: 'c-odd.txt', reason: 'not valid UTF-16 LE (it starts with that byte-order mark)' },
    ]);
  });

  it('returns an error value for a missing folder', async () => {
    const result = await loadCorpus('/nonexistent/citebot-corpus');
    expect(result).toEqual({ error: expect.stringContaining('does not exist') });
  });

  it('changes the corpus hash when a file changes', async () => {
    const t = tempCorpus({ 'a.txt': GOOD });
    cleanup = t.cleanup;
    const before = (await loaded(t.dir)).hash;
    writeFileSync(path.join(t.dir, 'a.txt'), `${GOOD}More.\n`);
    expect((await loaded(t.dir)).hash).not.toBe(before);
  });

  it('answers from the good files when others are broken', async () => {
    const t = tempCorpus({ 'a.txt': GOOD, 'b.txt': Buffer.from([0xff, 0xfe, 0x00]) });
    cleanup = t.cleanup;
    const engine = await createEngine({ corpusDir: t.dir, root: t.dir });
    if ('error' in engine) throw new Error(engine.error);
    const answer = ask(engine, 'Where was the Treaty of Friendship signed?');
    expect(answer.found).toBe(true);
    expect(answer.citations[0]).toMatchObject({ file: 'a.txt', line: 1 });
  });
});
