import type { Corpus, Sentence } from '../corpus/types.js';
import type { SourceRef } from './types.js';

/** Link to a line: `${base}/${file}#L${line}`, or null without a base URL. */
export function sourceUrl(base: string | null, file: string, line: number): string | null {
  if (!base) return null;
  const trimmed = base.replace(/\/+$/, '');
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return `${trimmed}/${encoded}#L${line}`;
}

/** The source reference of a sentence. */
export function sourceOf(corpus: Corpus, sentence: Sentence, base: string | null): SourceRef {
  return {
    file: sentence.file,
    line: sentence.line,
    url: sourceUrl(base, sentence.file, sentence.line),
    date: corpus.articles[sentence.article]?.meta.date ?? null,
  };
}

/** `file:line`, the plain-text form of a source. */
export function sourceLabel(ref: Pick<SourceRef, 'file' | 'line'>): string {
  return `${ref.file}:${ref.line}`;
}
