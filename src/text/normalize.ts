import { stemmer } from 'stemmer';
import { eng } from 'stopword';

/**
 * Word-level text processing shared by the index (at build time) and the
 * query side, so that both reduce a word to the same search key.
 *
 * key(word) = transliterationFold(stem(fold(word)))
 */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lowercase, strip accents and unify apostrophes. */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
}

/** Splits text into words (letters/digits, keeping inner apostrophes). */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Words that carry no content in a question. The English list comes from the
 * `stopword` package; the extra words are how people phrase questions, not
 * what they ask about.
 */
const QUESTION_FILLER = [
  'whom',
  'whose',
  'when',
  'why',
  'does',
  'doing',
  'done',
  'tell',
  'know',
  'show',
  'give',
  'please',
  'anything',
  'something',
  'explain',
  'describe',
  'say',
  'says',
  'mention',
  'mentioned',
  'happen',
  'happened',
  'its',
  'us',
  'one',
  'ones',
  'kind',
];
export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...QUESTION_FILLER]);

/**
 * Folds romanisation variants of the same name onto one spelling, by rules
 * that hold for transliterated Cyrillic, Persian and Turkic names in general:
 * kh/h (Rakhmon, Rahmon), a glide y between vowels (Tokayev, Tokaev),
 * doubled consonants (Muhriddin, Muhridin), m/n before b or p (Dushambe,
 * Dushanbe), and a few digraphs (zh/j, gh/g, ph/f, ou/u, w/v).
 */
export function transliterationFold(term: string): string {
  if (!/[a-z]/.test(term)) return term;
  return term
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/dzh|dj|zh/g, 'j')
    .replace(/ph/g, 'f')
    .replace(/ou/g, 'u')
    .replace(/w/g, 'v')
    .replace(/iy\b/g, 'i')
    .replace(/ii+/g, 'i')
    .replace(/(^|[aeiou])y(?=[aeiou])/g, '$1')
    .replace(/m(?=[bp])/g, 'n')
    .replace(/([b-df-hj-np-tv-z])\1+/g, '$1');
}

const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 200_000;

/** The search key of one word: folded, stemmed, transliteration-folded. */
export function termKey(word: string): string {
  const cached = keyCache.get(word);
  if (cached !== undefined) return cached;
  let folded = fold(word);
  if (folded.endsWith("'s")) folded = folded.slice(0, -2);
  else if (folded.endsWith("'")) folded = folded.slice(0, -1);
  const key = /^\d/.test(folded) ? folded : transliterationFold(stemmer(folded));
  if (keyCache.size < KEY_CACHE_LIMIT) keyCache.set(word, key);
  return key;
}

/** True when a word carries no content for search (stop word, lone letter). */
export function isStopWord(word: string): boolean {
  const folded = fold(word);
  return STOP_WORDS.has(folded) || (folded.length < 2 && !/\d/.test(folded));
}

/** The search keys of a text's content words, in order (stop words dropped). */
export function contentKeys(text: string): string[] {
  const keys: string[] = [];
  for (const word of tokenize(text)) {
    if (!isStopWord(word)) keys.push(termKey(word));
  }
  return keys;
}
