import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { transliterate } from 'transliteration';

/**
 * Word-level text processing shared by the index (at build time) and the
 * query side, so that both reduce a word to the same search key.
 *
 * key(word) = transliterationFold(stem(fold(word)))
 */

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

const ASCII = /^[\0-\x7f]*$/;

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Format characters (Unicode Cf: zero-width space and joiners, soft hyphen, BOM, bidi marks). */
const FORMAT = /\p{Cf}/gu;

/**
 * Text without its invisible format characters: `tr\u200Bade` is "trade".
 * They split or hide words, and no one types them on purpose.
 */
export function stripFormat(text: string): string {
  return ASCII.test(text) ? text : text.replace(FORMAT, '');
}

/**
 * Lowercase, strip accents and unify apostrophes. A Cyrillic word is
 * romanised first (by the `transliteration` package), so `Токаев` meets
 * `Tokayev` through the transliteration folding below.
 */
export function fold(word: string): string {
  // ASCII has no accents, no compatibility forms and no curly apostrophe:
  // skipping Unicode normalisation for it is the same result, several times faster.
  if (ASCII.test(word)) return word.toLowerCase();
  // The package writes some Kazakh letters with an apostrophe (Қ → K'), which is not part of a name.
  const latin = CYRILLIC.test(word) ? transliterate(word).replace(/'/g, '') : word;
  return latin.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
}

/** Splits text into words (letters/digits, keeping inner apostrophes), format characters ignored. */
export function tokenize(text: string): string[] {
  return stripFormat(text).match(WORD) ?? [];
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
  // Small numbers and linking verbs say how a question is put, not what about:
  // "which two cities became twinned", "the two countries".
  'two',
  'three',
  'four',
  'five',
  'want',
  'wants',
  'wanted',
  'become',
  'became',
  'becomes',
  'becoming',
  'one',
  'ones',
  'kind',
  // "Anywhere else", "anyone": what is asked is open, not named.
  'anywhere',
  'else',
  'anyone',
  'anybody',
  // The stop list has "he" but not "she".
  'she',
  'hers',
  'herself',
  'himself',
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

/**
 * Words met so far → their key, or null for a stop word. Indexing and every
 * question look up the same few thousand words again and again; folding and
 * stemming each time was most of the build and of a question's time. The
 * cache stops growing at its limit rather than evicting: past that, words are
 * simply computed each time.
 */
const wordCache = new Map<string, string | null>();
const WORD_CACHE_LIMIT = 200_000;

function computeKey(folded: string): string {
  let bare = folded;
  if (bare.endsWith("'s")) bare = bare.slice(0, -2);
  else if (bare.endsWith("'")) bare = bare.slice(0, -1);
  return /^\d/.test(bare) ? bare : transliterationFold(stemmer(bare));
}

/** A clitic written onto a word: "where's", "they're", "we've", "it'll", "didn't". */
const CLITIC = /(?:'(?:s|re|ve|ll|d|m)|n't)$/;

function isStopFolded(folded: string): boolean {
  if (STOP_WORDS.has(folded) || (folded.length < 2 && !/\d/.test(folded))) return true;
  // "Where's" is "where is": a stop word with its verb on it ("Tajikistan's" is not).
  return folded.includes("'") && STOP_WORDS.has(folded.replace(CLITIC, ''));
}

/** The search key of a content word, or null for a stop word: what the index stores for it. */
export function contentKey(word: string): string | null {
  const cached = wordCache.get(word);
  if (cached !== undefined) return cached;
  const folded = fold(word);
  const key = isStopFolded(folded) ? null : computeKey(folded);
  if (wordCache.size < WORD_CACHE_LIMIT) wordCache.set(word, key);
  return key;
}

/** Keys of stop words as written (few: the stop list in its spellings). */
const stopWordKeys = new Map<string, string>();

/** The search key of one word: folded, stemmed, transliteration-folded. */
export function termKey(word: string): string {
  const key = contentKey(word);
  if (key !== null) return key;
  // A stop word still has a key (synonym groups and facts ask for it).
  let stopKey = stopWordKeys.get(word);
  if (stopKey === undefined) {
    stopKey = computeKey(fold(word));
    if (stopWordKeys.size < WORD_CACHE_LIMIT) stopWordKeys.set(word, stopKey);
  }
  return stopKey;
}

/** True when a word carries no content for search (stop word, lone letter). */
export function isStopWord(word: string): boolean {
  return contentKey(word) === null;
}

/** The search keys of a text's content words, in order (stop words dropped). */
export function contentKeys(text: string): string[] {
  const keys: string[] = [];
  for (const word of tokenize(text)) {
    const key = contentKey(word);
    if (key !== null) keys.push(key);
  }
  return keys;
}
