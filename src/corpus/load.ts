import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { dropFurniture } from './clean.js';
import { splitMetadata } from './metadata.js';
import { splitSentences } from './split.js';
import type { Article, Corpus, CorpusWarning, Sentence } from './types.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const ARTICLE_FILE = /\.(txt|md)$/i;

export interface LoadOptions {
  /** Paths in citations are relative to this folder (default: the working directory). */
  root?: string;
  /** Files larger than this are skipped (default 5 MB). */
  maxFileBytes?: number;
  /** The version of a file (by its absolute path) read before, kept while the file does not parse. */
  lastGood?: (file: string) => Article | undefined | Promise<Article | undefined>;
}

/** Why a corpus folder cannot be read at all: a value, not an exception. */
export interface CorpusError {
  error: string;
}

/** Path shown to users: relative to the root when inside it, else absolute; always with `/`. */
export function displayPath(root: string, absolute: string): string {
  const rel = path.relative(root, absolute);
  const shown = rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel;
  return shown.split(path.sep).join('/');
}

/**
 * An article's path as citations show it: relative to the root when the corpus folder is inside it
 * (`seeds/000_x.txt`), else relative to the corpus folder: never an absolute server path.
 */
export function citedPath(root: string, dir: string, absolute: string): string {
  const shown = displayPath(root, absolute);
  return path.isAbsolute(shown) ? path.relative(dir, absolute).split(path.sep).join('/') : shown;
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control > sample.length * 0.1;
}

/**
 * What reading a file gave: its text, or why it cannot be used. `keep`: the
 * file is there but does not parse (broken bytes, emptied or cut mid-write),
 * so a version read before still stands until a valid one replaces it.
 */
type Decoded = { text: string } | { reason: string; keep: boolean };

/** Whether `target` is `folder` or inside it (both real, absolute paths). */
export function isInside(folder: string, target: string): boolean {
  const rel = path.relative(folder, target);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

const UTF16 = [
  { bom: [0xff, 0xfe], encoding: 'utf-16le', name: 'UTF-16 LE' },
  { bom: [0xfe, 0xff], encoding: 'utf-16be', name: 'UTF-16 BE' },
] as const;

/** The file's text: UTF-16 when it starts with a UTF-16 byte-order mark, else UTF-8. */
function decodeText(bytes: Buffer): Decoded {
  const utf16 = UTF16.find((u) => bytes[0] === u.bom[0] && bytes[1] === u.bom[1]);
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16.encoding, { fatal: true }).decode(bytes.subarray(2)) };
    } catch {
      return { reason: `not valid ${utf16.name} (it starts with that byte-order mark)`, keep: true };
    }
  }
  if (looksBinary(bytes)) return { reason: 'binary file', keep: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { reason: 'not valid UTF-8', keep: true };
  }
}

/**
 * Reads an article through its real path, which must be inside the corpus
 * folder's real path: a link is followed only to a file inside the folder, so
 * a link to /etc/passwd is never read, indexed or quoted.
 */
async function readArticleText(absolute: string, realDir: string, maxBytes: number): Promise<Decoded> {
  const cannot = (err: unknown, keep: boolean): Decoded => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { reason: 'symbolic link loop', keep: false };
    if (code === 'ENOENT') return { reason: 'broken symbolic link or file vanished', keep: false };
    return { reason: `cannot read (${code ?? 'unknown error'})`, keep };
  };
  let real: string;
  let handle: FileHandle;
  try {
    real = await realpath(absolute);
    if (!isInside(realDir, real)) {
      // The target is not named: /about shows reasons to everyone on the server.
      return { reason: 'its real path is outside the corpus folder (a link out of it)', keep: false };
    }
    const info = await stat(real);
    if (!info.isFile()) {
      return { reason: info.isDirectory() ? 'is a directory' : 'not a regular file', keep: false };
    }
    // O_NOFOLLOW: a link swapped in after realpath is refused, not followed out of the folder;
    // O_NONBLOCK: a FIFO swapped in does not hang the load.
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    return cannot(err, true);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { reason: 'not a regular file', keep: false };
    if (info.size > maxBytes) {
      return {
        reason: `too large (${(info.size / 1024 / 1024).toFixed(1)} MB > ${maxBytes / 1024 / 1024} MB)`,
        keep: false,
      };
    }
    const bytes = await handle.readFile();
    if (bytes.length === 0) return { reason: 'empty file', keep: true };
    const decoded = decodeText(bytes);
    if ('text' in decoded && decoded.text.trim() === '') return { reason: 'empty file', keep: true };
    return decoded;
  } catch (err) {
    return cannot(err, true);
  } finally {
    await handle.close();
  }
}

/** Turns one article's text into its metadata and sentences. */
export function parseArticle(
  text: string,
  file: string,
  absolute: string,
  articleIndex: number,
  firstSentenceId: number,
): Article {
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const { meta, lines } = splitMetadata(rawLines);
  const content = dropFurniture(lines);
  const sentences: Sentence[] = splitSentences(content).map((s, i) => ({
    id: firstSentenceId + i,
    file,
    line: s.line,
    text: s.text,
    article: articleIndex,
    block: s.block,
  }));
  const lineCount = rawLines.at(-1) === '' ? rawLines.length - 1 : rawLines.length;
  const digest = createHash('sha256').update(text).digest('hex');
  return { file, path: absolute, name: path.basename(absolute), meta, lineCount, sentences, digest };
}

/** An article read before, renumbered to its place in a new corpus. */
function renumbered(article: Article, file: string, articleIndex: number, firstSentenceId: number): Article {
  return {
    ...article,
    file,
    sentences: article.sentences.map((s, i) => ({
      ...s,
      file,
      id: firstSentenceId + i,
      article: articleIndex,
    })),
  };
}

/**
 * Loads every `*.txt` and `*.md` file of a folder, in name order. Files that
 * cannot be used are skipped with one warning each; only a folder that cannot
 * be listed is an error. A file that no longer parses keeps the version
 * `lastGood` gives for it (the previous index's), with a warning.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus | CorpusError> {
  const root = path.resolve(options.root ?? process.cwd());
  const absDir = path.resolve(root, dir);
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  let names: string[];
  let realDir: string;
  try {
    names = (await readdir(absDir)).filter((n) => ARTICLE_FILE.test(n));
    realDir = await realpath(absDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'ENOTDIR'
          ? 'is not a folder'
          : `cannot be read (${code})`;
    return { error: `corpus folder ${displayPath(root, absDir)} ${why}` };
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const articles: Article[] = [];
  const sentences: Sentence[] = [];
  const warnings: CorpusWarning[] = [];
  const hash = createHash('sha256');
  for (const name of names) {
    const absolute = path.join(absDir, name);
    const file = citedPath(root, absDir, absolute);
    const decoded = await readArticleText(absolute, realDir, maxBytes);
    let article: Article;
    if ('reason' in decoded) {
      const previous = decoded.keep ? await options.lastGood?.(absolute) : undefined;
      if (!previous) {
        warnings.push({ file, reason: decoded.reason });
        continue;
      }
      warnings.push({ file, reason: `${decoded.reason}; its last good version is kept`, kept: true });
      article = renumbered(previous, file, articles.length, sentences.length);
    } else {
      article = parseArticle(decoded.text, file, absolute, articles.length, sentences.length);
    }
    hash.update(`${name}\0${article.digest}\0`);
    articles.push(article);
    for (const s of article.sentences) sentences.push(s);
  }
  return { dir: absDir, articles, sentences, warnings, hash: hash.digest('hex') };
}
