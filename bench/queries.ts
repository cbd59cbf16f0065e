import type { Corpus } from '../src/corpus/types.js';
import { tokenize } from '../src/text/normalize.js';
import { prng } from './sotu.js';

/** What a query was made as, so slow ones can be traced to their shape. */
export type QueryShape = 'span' | 'words' | 'typo' | 'question';

export interface BenchQuery {
  text: string;
  shape: QueryShape;
}

const QUESTION_OPENERS = ['What did', 'Who', 'When was', 'Why', 'How much', 'Tell me about', 'What about'];

/** One typo as people make them: a swap, a dropped or a doubled letter, a wrong key. */
function misspell(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default: {
      const letter = 'etaoinshrdlu'[Math.floor(random() * 12)]!;
      return word.slice(0, i) + letter + word.slice(i + 1);
    }
  }
}

/**
 * Queries drawn from a corpus's own words, the same for every system
 * measured: runs of 1-6 consecutive words as written (stop words included,
 * as people type them), 1-6 words picked from a sentence, the same with one
 * word misspelled, and questions wrapped around a few words.
 */
export function benchQueries(corpus: Corpus, count = 1000, seed = 42): BenchQuery[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const queries: BenchQuery[] = [];
  while (queries.length < count && corpus.sentences.length > 0) {
    const words = tokenize(pick(corpus.sentences).text);
    if (words.length === 0) continue;
    const n = Math.min(words.length, 1 + Math.floor(random() * 6));
    const r = random();
    if (r < 0.4) {
      const start = Math.floor(random() * (words.length - n + 1));
      queries.push({ text: words.slice(start, start + n).join(' '), shape: 'span' });
      continue;
    }
    const chosen = Array.from({ length: n }, () => pick(words));
    if (r < 0.65) {
      queries.push({ text: chosen.join(' '), shape: 'words' });
    } else if (r < 0.85) {
      const long = chosen.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
      if (long.length === 0) continue;
      const [word, at] = pick(long);
      chosen[at] = misspell(word, random);
      queries.push({ text: chosen.join(' '), shape: 'typo' });
    } else {
      queries.push({ text: `${pick(QUESTION_OPENERS)} ${chosen.slice(0, 3).join(' ')}?`, shape: 'question' });
    }
  }
  return queries;
}
