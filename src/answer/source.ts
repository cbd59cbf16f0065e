import { performance } from 'node:perf_hooks';
import type { Article, Sentence } from '../corpus/types.js';
import type { Engine } from '../engine.js';
import { sourceOf } from './links.js';
import { type Answer, foundAnswer, notFoundAnswer } from './types.js';

/** Sentences shown on each side of the one asked for, within its paragraph. */
export const CONTEXT_SENTENCES = 3;

/** What a `file` option names: one article, several (a prefix they share), or none (with why). */
type Lookup = { article: Article } | { several: Article[] } | { none: string };

/** Files listed in a message before "…". */
const LISTED = 10;

function listNames(articles: readonly Article[]): string {
  const names = articles.map((a) => a.name);
  return names.length > LISTED ? `${names.slice(0, LISTED).join(', ')}, …` : names.join(', ');
}

/**
 * Finds an article by its path as cited, its file name, or a start of its
 * file name. Only articles of the index are candidates, and /source shows
 * their indexed sentences without reading any file, so no `file` value (a
 * `..` path, an absolute path) can reach outside the corpus folder.
 */
export function findArticle(engine: Engine, file: string): Lookup {
  const wanted = file
    .trim()
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '');
  const articles = engine.corpus.articles;
  const exact =
    articles.find((a) => a.file === wanted) ??
    articles.find((a) => a.name === wanted) ??
    articles.find((a) => a.file.endsWith(`/${wanted}`)) ??
    articles.find((a) => a.path === wanted);
  if (exact) return { article: exact };
  if (wanted.split('/').includes('..') || wanted.startsWith('/') || /^[a-z]:\//i.test(wanted)) {
    return { none: `"${file}" is not an article of the corpus: give a file name from the corpus folder.` };
  }
  const starting = wanted === '' ? [] : articles.filter((a) => a.name.startsWith(wanted));
  if (starting.length === 1) return { article: starting[0]! };
  if (starting.length > 1) return { several: starting };
  return { none: `No article named "${file}". Articles: ${listNames(articles) || 'none'}.` };
}

/**
 * The sentence a line points at: the first one starting on it, else the last
 * one starting before it (a sentence spanning lines), else the first after it.
 */
function sentenceAt(article: Article, line: number): Sentence | undefined {
  const starting = article.sentences.find((s) => s.line === line);
  if (starting) return starting;
  const before = article.sentences.filter((s) => s.line < line).at(-1);
  return before ?? article.sentences[0];
}

/** Shows the sentence at `file:line` with its paragraph around it. */
export function source(engine: Engine, file: string, line: number): Answer {
  const started = performance.now();
  const query = `${file}:${line}`;
  const found = findArticle(engine, file);
  if ('none' in found) return notFoundAnswer('source', query, found.none, started);
  if ('several' in found) {
    return notFoundAnswer(
      'source',
      query,
      `${found.several.length} files match "${file}", say which: ${listNames(found.several)}.`,
      started,
    );
  }
  const { article } = found;
  if (line < 1 || line > article.lineCount) {
    return notFoundAnswer(
      'source',
      query,
      `${article.file} has ${article.lineCount} lines; line ${line} is outside it.`,
      started,
    );
  }
  const target = sentenceAt(article, line);
  if (!target) return notFoundAnswer('source', query, `${article.file} has no sentences.`, started);
  const paragraph = article.sentences.filter((s) => s.block === target.block);
  const at = paragraph.indexOf(target);
  const shown = paragraph.slice(Math.max(0, at - CONTEXT_SENTENCES), at + CONTEXT_SENTENCES + 1);
  const citations = shown.map((s, i) => ({
    n: i + 1,
    ...sourceOf(engine.corpus, s, engine.sourceBaseUrl),
    text: s.text,
    also: [],
    score: s === target ? 1 : 0,
  }));
  return foundAnswer('source', query, target.text, { citations, matched: paragraph.length }, started);
}
