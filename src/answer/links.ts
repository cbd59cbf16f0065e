import type { Article, Corpus, Sentence } from '../corpus/types.js';
import type { SourceRef } from './types.js';

/** Words of the quoted sentence a text fragment names at each end (`text=start,end`). */
const FRAGMENT_WORDS = 4;
/** A link with its text fragment stays under this; else the fragment is shortened, then left off. */
const LINKED_MAX = 400;

/**
 * A Text Fragments directive term: percent-encoded, with `-`, `,` and `&` encoded as the spec requires,
 * and the characters that could end or style a markdown link (`( ) ! ' * ~`) encoded too.
 */
function fragmentTerm(words: readonly string[]): string {
  return encodeURIComponent(words.join(' ')).replace(
    /[-!'()*~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The sentence's words, with the punctuation before its first and after its last word left off (a page
 * may write quotes, dashes or the full stop differently); punctuation inside stays, as the page has it.
 */
function words(text: string): string[] {
  return text
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .split(/\s+/)
    .filter((w) => w !== '');
}

/**
 * `#:~:text=` for a sentence: the whole of a short one, else its first and last words
 * (`text=start,end` selects from one to the other). Null when the sentence has no words.
 */
export function textFragment(sentence: string, most = FRAGMENT_WORDS): string | null {
  const all = words(sentence);
  if (all.length === 0) return null;
  if (all.length <= most * 2) return `:~:text=${fragmentTerm(all)}`;
  return `:~:text=${fragmentTerm(all.slice(0, most))},${fragmentTerm(all.slice(-most))}`;
}

/**
 * The original article's page (front matter `url` or `source`, checked by `safeLink` at load), with a
 * text fragment to the sentence when the address has no fragment of its own.
 */
function originalUrl(link: string, sentence: string | undefined): string {
  if (sentence === undefined || link.includes('#')) return link;
  for (let most = FRAGMENT_WORDS; most >= 1; most--) {
    const fragment = textFragment(sentence, most);
    if (fragment === null) break;
    const linked = `${link}#${fragment}`;
    if (linked.length <= LINKED_MAX) return linked;
  }
  return link;
}

/** Link to a line: `${base}/${name}#L${line}`, the article's path relative to the corpus folder; null without a base URL. */
export function sourceUrl(base: string | null, name: string, line: number): string | null {
  if (!base) return null;
  const trimmed = base.replace(/\/+$/, '');
  const encoded = name.split('/').map(encodeURIComponent).join('/');
  return `${trimmed}/${encoded}#L${line}`;
}

/**
 * Where a citation links: the original article when its front matter gives a safe address, else the
 * line under SOURCE_BASE_URL, else nowhere (null).
 */
export function citationUrl(
  base: string | null,
  article: Pick<Article, 'name' | 'meta'> | undefined,
  line: number,
  sentence?: string,
): string | null {
  if (!article) return null;
  if (article.meta.link) return originalUrl(article.meta.link, sentence);
  return sourceUrl(base, article.name, line);
}

/** The source reference of a sentence. */
export function sourceOf(corpus: Corpus, sentence: Sentence, base: string | null): SourceRef {
  const article = corpus.articles[sentence.article];
  return {
    file: sentence.file,
    line: sentence.line,
    url: citationUrl(base, article, sentence.line, sentence.text),
    date: article?.meta.date ?? null,
  };
}

/** `file:line`, the plain-text form of a source. */
export function sourceLabel(ref: Pick<SourceRef, 'file' | 'line'>): string {
  return `${ref.file}:${ref.line}`;
}
