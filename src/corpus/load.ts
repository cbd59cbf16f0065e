import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isFurniture } from './clean.js';
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

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control++;
  return control > sample.length * 0.1;
}

type Decoded = { text: string } | { reason: string };

async function readArticleText(absolute: string, maxBytes: number): Promise<Decoded> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(absolute);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { reason: 'symbolic link loop' };
    if (code === 'ENOENT') return { reason: 'broken symbolic link or file vanished' };
    return { reason: `cannot read (${code ?? 'unknown error'})` };
  }
  if (!info.isFile()) return { reason: info.isDirectory() ? 'is a directory' : 'not a regular file' };
  if (info.size > maxBytes) {
    return {
      reason: `too large (${(info.size / 1024 / 1024).toFixed(1)} MB > ${maxBytes / 1024 / 1024} MB)`,
    };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (err) {
    return { reason: `cannot read (${(err as NodeJS.ErrnoException).code ?? 'unknown error'})` };
  }
  if (bytes.length === 0) return { reason: 'empty file' };
  if (looksBinary(bytes)) return { reason: 'binary file' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: 'not valid UTF-8' };
  }
  if (text.trim() === '') return { reason: 'empty file' };
  return { text };
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
  const content = lines.map((l) => (isFurniture(l) ? '' : l));
  const sentences: Sentence[] = splitSentences(content).map((s, i) => ({
    id: firstSentenceId + i,
    file,
    line: s.line,
    text: s.text,
    article: articleIndex,
    block: s.block,
  }));
  const lineCount = rawLines.at(-1) === '' ? rawLines.length - 1 : rawLines.length;
  return { file, path: absolute, name: path.basename(absolute), meta, lineCount, sentences };
}

/**
 * Loads every `*.txt` and `*.md` file of a folder, in name order. Files that
 * cannot be used are skipped with one warning each; only a folder that cannot
 * be listed is an error.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus | CorpusError> {
  const root = path.resolve(options.root ?? process.cwd());
  const absDir = path.resolve(root, dir);
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  let names: string[];
  try {
    names = (await readdir(absDir)).filter((n) => ARTICLE_FILE.test(n));
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
    const file = displayPath(root, absolute);
    const decoded = await readArticleText(absolute, maxBytes);
    if ('reason' in decoded) {
      warnings.push({ file, reason: decoded.reason });
      continue;
    }
    const article = parseArticle(decoded.text, file, absolute, articles.length, sentences.length);
    hash.update(`${name}\0${decoded.text}\0`);
    articles.push(article);
    for (const s of article.sentences) sentences.push(s);
  }
  return { dir: absDir, articles, sentences, warnings, hash: hash.digest('hex') };
}
