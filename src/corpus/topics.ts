import { fold, isStopWord, termKey, tokenize } from '../text/normalize.js';
import type { Corpus } from './types.js';

/** What the corpus is about, for "not found" hints: its names and its common subjects. */
export interface Topics {
  names: string[];
  subjects: string[];
}

/** Sentences read to find a corpus's topics. */
const TOPIC_SAMPLE = 15_000;

/**
 * Names are capitalised words never written in lower case (so not "President"
 * or "Foreign"); subjects are lower-case content words. Both are ranked by how
 * many articles use them, then by how often.
 */
export function corpusTopics(corpus: Corpus, limit = 8): Topics {
  const lowerSeen = new Set<string>();
  const stats = new Map<string, { articles: Set<number>; count: number; forms: Map<string, number> }>();
  // A summary needs no more than an even sample of a large corpus.
  const step = Math.max(1, Math.ceil(corpus.sentences.length / TOPIC_SAMPLE));
  for (let at = 0; at < corpus.sentences.length; at += step) {
    const s = corpus.sentences[at]!;
    tokenize(s.text).forEach((word, i) => {
      const base = word.replace(/['’]s$/, '');
      if (isStopWord(base) || base.length < 3 || /\d/.test(base)) return;
      const lower = /^\p{Ll}/u.test(base);
      if (lower) lowerSeen.add(fold(base));
      if (!lower && i === 0) return;
      const key = lower ? `s:${termKey(base)}` : `n:${fold(base)}`;
      const entry = stats.get(key) ?? {
        articles: new Set<number>(),
        count: 0,
        forms: new Map<string, number>(),
      };
      entry.articles.add(s.article);
      entry.count++;
      entry.forms.set(base, (entry.forms.get(base) ?? 0) + 1);
      stats.set(key, entry);
    });
  }
  const minArticles = Math.min(2, corpus.articles.length);
  const ranked = [...stats.entries()]
    .filter(([, e]) => e.articles.size >= minArticles)
    .sort(
      (a, b) => b[1].articles.size - a[1].articles.size || b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1),
    );
  const commonest = (forms: Map<string, number>) => [...forms.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const names = ranked
    .filter(([key]) => key.startsWith('n:') && !lowerSeen.has(key.slice(2)))
    .slice(0, limit)
    .map(([, e]) => commonest(e.forms));
  const subjects = ranked
    .filter(([key]) => key.startsWith('s:'))
    .slice(0, limit)
    .map(([, e]) => commonest(e.forms));
  return { names, subjects };
}
