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

export interface LexiconData {
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

/**
 * The table in search keys: each word's key computed (stemming every word of
 * the table is most of the cost of reading it), the lists themselves still
 * raw. bin/build.js writes it beside the compiled code (lexicon-keys.json), so
 * a compiled start reads it instead of stemming; it is JSON, and made by the
 * same code that reads it.
 */
export interface KeyedLexicon {
  related: Record<string, Array<[list: string, self: string[]]>>;
  forms: Record<string, string[]>;
  phrases: Record<string, Array<[list: string, self: string[]]>>;
  longestPhrase: number;
  /** Every word of the table's lists (see vocabularyOf); in the build's file, made at the build. */
  vocabulary?: string[];
}

/** The table's data in search keys (see KeyedLexicon). */
export function keyedFrom(data: LexiconData): KeyedLexicon {
  // Maps while building: a key can be any word, "constructor" too.
  const related = new Map<string, Array<[string, string[]]>>();
  const push = (into: Map<string, Array<[string, string[]]>>, key: string, item: [string, string[]]) => {
    const lists = into.get(key);
    if (lists) lists.push(item);
    else into.set(key, [item]);
  };
  for (const [word, list] of Object.entries(data.related)) {
    const key = termKey(word);
    push(related, key, [list, [key]]);
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
  const phrases = new Map<string, Array<[string, string[]]>>();
  let longestPhrase = 0;
  for (const [phrase, list] of Object.entries(data.phrases)) {
    const words = phrase.split(' ');
    const keys = words.map(termKey);
    longestPhrase = Math.max(longestPhrase, words.length);
    push(phrases, keys.join(' '), [list, keys]);
  }
  return {
    related: Object.fromEntries(related),
    forms: Object.fromEntries([...forms].map(([k, set]) => [k, [...set]])),
    phrases: Object.fromEntries(phrases),
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

/** Whether the vocabulary has a word, an inflection of it, a compound or a prefixed form of its words. */
function knowsOf(vocabularyOnce: () => ReadonlySet<string>): (word: string) => boolean {
  let vocabulary: ReadonlySet<string> | undefined;
  return (word: string): boolean => {
    vocabulary ??= vocabularyOnce();
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
}

/**
 * A lexicon over the table in search keys; its vocabulary (for `knows`) is
 * the file's, or made from the table the first time a word is asked.
 */
export function lexiconOfKeyed(
  keyed: KeyedLexicon,
  vocabulary: () => ReadonlySet<string> = () => new Set(keyed.vocabulary ?? []),
): Lexicon {
  const related = new LazyLists(RELATED_QUALITY_CAP);
  for (const [key, lists] of Object.entries(keyed.related))
    for (const [list, self] of lists) related.add(key, list, self);
  const phrases = new LazyLists(PHRASE_QUALITY);
  for (const [key, lists] of Object.entries(keyed.phrases))
    for (const [list, self] of lists) phrases.add(key, list, self);
  const forms = new Map(Object.entries(keyed.forms));
  return {
    knows: knowsOf(vocabulary),
    related: (key) => related.get(key),
    forms: (key) => [...(forms.get(key) ?? [])],
    phrase: (keys) => phrases.get(keys.join(' ')),
    longestPhrase: keyed.longestPhrase,
  };
}

/** Builds a lexicon from the table's data (exported for tests with a table of their own). */
export function lexiconFrom(data: LexiconData): Lexicon {
  return lexiconOfKeyed(keyedFrom(data), () => vocabularyOf(data));
}

/** The table in keys as the build writes it: with its vocabulary. */
export function keyedTable(data: LexiconData): KeyedLexicon {
  return { ...keyedFrom(data), vocabulary: [...vocabularyOf(data)] };
}

/** The generated table as it is stored (src/text/lexicon-data.json). */
export function lexiconData(): LexiconData {
  return JSON.parse(readFileSync(new URL('./lexicon-data.json', import.meta.url), 'utf8')) as LexiconData;
}

/** The file of the table in keys, beside the compiled module (bin/build.js writes it). */
export const KEYED_FILE = 'lexicon-keys.json';

let loaded: Lexicon | undefined;

/**
 * The generated table, read once per process (an engine asks for it when it
 * is made): in keys from the build's lexicon-keys.json when it is there and
 * reads, otherwise decoded from the table itself.
 */
export function loadLexicon(): Lexicon {
  if (!loaded) {
    const file = keyedFile();
    loaded = file ? lexiconOfKeyed(file) : lexiconFrom(lexiconData());
  }
  return loaded;
}

function keyedFile(): KeyedLexicon | undefined {
  try {
    const keyed = JSON.parse(
      readFileSync(new URL(`./${KEYED_FILE}`, import.meta.url), 'utf8'),
    ) as KeyedLexicon;
    return typeof keyed.longestPhrase === 'number' &&
      keyed.related &&
      keyed.forms &&
      keyed.phrases &&
      Array.isArray(keyed.vocabulary)
      ? keyed
      : undefined;
  } catch {
    return undefined;
  }
}

/** No related words: for callers that plan a query without an engine. */
export const EMPTY_LEXICON: Lexicon = {
  related: () => NONE,
  forms: () => [],
  phrase: () => NONE,
  longestPhrase: 0,
};
