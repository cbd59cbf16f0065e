import { readFileSync } from 'node:fs';
import { isStopWord, termKey } from './normalize.js';

/**
 * Related words, from the table scripts/build-lexicon.ts generates out of
 * WordNet and word vectors (src/text/lexicon-data.json; its header names the
 * sources' versions and carries WordNet's licence). Everything here is in
 * search keys, so a question word meets any inflection of a related word.
 */
export interface Lexicon {
  /** Keys related to `key` by meaning, each with its match quality (below a literal match's 1). */
  related(key: string): ReadonlyMap<string, number>;
  /**
   * The other keys of the same word: irregular forms ("held" ↔ "hold", "crises" ↔ "crisis") and
   * British and American spellings ("defence" ↔ "defense").
   */
  forms(key: string): readonly string[];
  /**
   * Keys a phrase of several words means ("hand over" → transfer), given the
   * keys of its words as written, stop words included; empty when it is not
   * a known phrase.
   */
  phrase(keys: readonly string[]): ReadonlyMap<string, number>;
  /** Longest phrase in words. */
  readonly longestPhrase: number;
  /**
   * Whether the table has the word (lower case) in any of its lists, or a plain inflection of it
   * ("polls" of "poll"): English vocabulary, as opposed to a name. Absent: not known either way.
   */
  knows?(word: string): boolean;
}

/**
 * How much a related word counts, at most: its vector cosine, capped here so
 * that a match by meaning never counts as much as the word itself or a hand-
 * listed synonym (0.8).
 */
export const RELATED_QUALITY_CAP = 0.75;
/** Quality of a phrase's meaning ("hand over" → transfer): a phrase is vaguer than a word. */
export const PHRASE_QUALITY = 0.7;
/** Quality of another form or spelling of the same word: the same word, spelled by its tense or country. */
export const FORM_QUALITY = 0.95;

interface LexiconData {
  sources: string[];
  related: Record<string, string>;
  phrases: Record<string, string>;
  forms: Record<string, string>;
  /** British → American; absent from tables built before spellings were added. */
  spellings?: Record<string, string>;
}

const NONE: ReadonlyMap<string, number> = new Map();

/** `word:cos word:cos` → related keys with quality, best kept per key. */
function decode(list: string, cap: number, self: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of list.split(' ')) {
    const at = item.lastIndexOf(':');
    const key = termKey(item.slice(0, at).replace(/_/g, ' '));
    if (self.includes(key)) continue;
    const quality = Math.min(cap, Number(item.slice(at + 1)) / 100);
    if (quality > (out.get(key) ?? 0)) out.set(key, quality);
  }
  return out;
}

/**
 * Lists decoded on first use: decoding means stemming every word of the
 * table, most of which no question asks for; a key's lists are kept raw
 * until it is asked (a few microseconds then, once).
 */
class LazyLists {
  private readonly raw = new Map<string, Array<{ list: string; self: readonly string[] }>>();
  private readonly decoded = new Map<string, ReadonlyMap<string, number>>();
  constructor(private readonly cap: number) {}

  add(key: string, list: string, self: readonly string[]): void {
    const lists = this.raw.get(key);
    if (lists) lists.push({ list, self });
    else this.raw.set(key, [{ list, self }]);
  }

  get(key: string): ReadonlyMap<string, number> {
    let out = this.decoded.get(key);
    if (out) return out;
    const lists = this.raw.get(key);
    if (!lists) return NONE;
    const merged = new Map<string, number>();
    for (const { list, self } of lists)
      for (const [k, q] of decode(list, this.cap, self)) if (q > (merged.get(k) ?? 0)) merged.set(k, q);
    out = merged;
    this.decoded.set(key, out);
    return out;
  }
}

/** Builds a lexicon from the table's data (exported for tests with a table of their own). */
export function lexiconFrom(data: LexiconData): Lexicon {
  const related = new LazyLists(RELATED_QUALITY_CAP);
  for (const [word, list] of Object.entries(data.related)) {
    const key = termKey(word);
    related.add(key, list, [key]);
  }
  const forms = new Map<string, Set<string>>();
  for (const [form, lemma] of [...Object.entries(data.forms), ...Object.entries(data.spellings ?? {})]) {
    const a = termKey(form);
    const b = termKey(lemma);
    if (a === b) continue;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const set = forms.get(x) ?? new Set<string>();
      set.add(y);
      forms.set(x, set);
    }
  }
  const phrases = new LazyLists(PHRASE_QUALITY);
  let longestPhrase = 0;
  for (const [phrase, list] of Object.entries(data.phrases)) {
    const words = phrase.split(' ');
    const keys = words.map(termKey);
    longestPhrase = Math.max(longestPhrase, words.length);
    phrases.add(keys.join(' '), list, keys);
  }
  let vocabulary: Set<string> | undefined;
  const knows = (word: string): boolean => {
    vocabulary ??= vocabularyOf(data);
    const w = word.toLowerCase();
    const inflected = (x: string) =>
      INFLECTIONS.some(
        ([end, base]) => x.endsWith(end) && vocabulary!.has(x.slice(0, x.length - end.length) + base),
      );
    if (inflected(w)) return true;
    // "twinned", "planning": a doubled consonant before the ending.
    const doubled = /([b-df-hj-np-tv-z])\1(?:ed|ing|er|ers)$/.exec(w);
    if (doubled && vocabulary.has(w.slice(0, doubled.index + 1))) return true;
    // A compound of two words it has ("farmhands", "overall"), each of a few letters.
    const part = (x: string) => vocabulary!.has(x) || isStopWord(x);
    for (let i = COMPOUND_PART; i + COMPOUND_PART <= w.length; i++)
      if (part(w.slice(0, i)) && (inflected(w.slice(i)) || part(w.slice(i)))) return true;
    // …or a word of it after a prefix ("uprooted", "reopened").
    return PREFIXES.some(
      (p) => w.startsWith(p) && w.length - p.length >= COMPOUND_PART && inflected(w.slice(p.length)),
    );
  };
  return {
    knows,
    related: (key) => related.get(key),
    forms: (key) => (forms.has(key) ? [...forms.get(key)!] : []),
    phrase: (keys) => phrases.get(keys.join(' ')),
    longestPhrase,
  };
}

/** Endings of plain inflections and what replaces them: "polls" → "poll", "studies" → "study". */
const INFLECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['', ''],
  ['s', ''],
  ['es', ''],
  ['ies', 'y'],
  ['ed', ''],
  ['ed', 'e'],
  ['ing', ''],
  ['ing', 'e'],
  ["'s", ''],
];

/** Prefixes of English words: "uprooted" is "rooted" uprooted. */
const PREFIXES = ['un', 're', 'up', 'dis', 'mis', 'non', 'pre', 'co', 'de', 'sub', 'inter', 'trans', 'anti'];
/** Fewest letters of each word of a compound. */
const COMPOUND_PART = 3;

/** Every word the table's lists hold, as written (read once, on the first word asked). */
function vocabularyOf(data: LexiconData): Set<string> {
  const out = new Set<string>();
  const addList = (list: string) => {
    for (const item of list.split(' ')) {
      const at = item.lastIndexOf(':');
      for (const w of (at < 0 ? item : item.slice(0, at)).split(/[_ ]/)) out.add(w.toLowerCase());
    }
  };
  for (const [word, list] of Object.entries(data.related)) {
    out.add(word.toLowerCase());
    addList(list);
  }
  for (const [phrase, list] of Object.entries(data.phrases)) {
    for (const w of phrase.split(' ')) out.add(w.toLowerCase());
    addList(list);
  }
  for (const [form, lemma] of [...Object.entries(data.forms), ...Object.entries(data.spellings ?? {})]) {
    out.add(form.toLowerCase());
    out.add(lemma.toLowerCase());
  }
  return out;
}

let loaded: Lexicon | undefined;

/** The generated table, read and decoded once per process (an engine asks for it when it is made). */
export function loadLexicon(): Lexicon {
  loaded ??= lexiconFrom(
    JSON.parse(readFileSync(new URL('./lexicon-data.json', import.meta.url), 'utf8')) as LexiconData,
  );
  return loaded;
}

/** No related words: for callers that plan a query without an engine. */
export const EMPTY_LEXICON: Lexicon = {
  related: () => NONE,
  forms: () => [],
  phrase: () => NONE,
  longestPhrase: 0,
};
