import { performance } from 'node:perf_hooks';
import type { Article, Sentence } from '../corpus/types.js';
import type { Engine } from '../engine.js';
import { sourceOf } from './links.js';
import { type Answer, notFoundAnswer } from './types.js';

/** Sentences shown on each side of the one asked for, within its paragraph. */
export const CONTEXT_SENTENCES = 3;

/** Finds an article by its path, its file name, or the unique file name that starts with what was given. */
export function findArticle(engine: Engine, file: string): Article | undefined {
  const wanted = file.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  const articles = engine.corpus.articles;
  const exact =
    articles.find((a) => a.file === wanted) ??
    articles.find((a) => a.name === wanted) ??
    articles.find((a) => a.file.endsWith(`/${wanted}`));
  if (exact || wanted === '') return exact;
  const starting = articles.filter((a) => a.name.startsWith(wanted));
  return starting.length === 1 ? starting[0] : undefined;
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
  const article = findArticle(engine, file);
  if (!article) {
    const names = engine.corpus.articles.map((a) => a.name);
    const list = names.length > 10 ? `${names.slice(0, 10).join(', ')}, …` : names.join(', ');
    return notFoundAnswer(
      'source',
      query,
      `No article named "${file}". Articles: ${list || 'none'}.`,
      started,
    );
  }
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
  return {
    command: 'source',
    query,
    found: true,
    answer: target.text,
    citations: shown.map((s, i) => ({
      n: i + 1,
      ...sourceOf(engine.corpus, s, engine.sourceBaseUrl),
      text: s.text,
      also: [],
      score: s === target ? 1 : 0,
    })),
    facts: [],
    matched: paragraph.length,
    unmatched: [],
    tookMs: performance.now() - started,
  };
}
