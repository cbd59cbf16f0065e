import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { fold, transliterationFold } from '../text/normalize.js';

// The package is CommonJS whose types declare an ES default export; loading it
// with require gives the array its types describe, under tsx and plain Node alike.
const countries: Country[] = createRequire(import.meta.url)('world-countries');

/**
 * Countries and capitals of the world (the `world-countries` data set), and
 * the words that name them in English news: common and official names,
 * alternative spellings, demonyms, and for "-stan" countries the people's
 * name the adjective comes from (Kazakh, Tajik, Uzbek).
 */

export interface CountryMention {
  /** Canonical country name (`Kazakhstan`). */
  country: string;
  /** The words as written (`Kazakh`, `Republic of Tajikistan`). */
  text: string;
  /** Index of the first word in the token list. */
  start: number;
  /** Index after the last word. */
  end: number;
}

const MAX_NAME_WORDS = 6;

const wordKeys = new Map<string, string>();
const WORD_KEY_CACHE = 100_000;

/** The comparison key of one word (folded, transliteration-folded), cached. */
export function wordKey(word: string): string {
  let k = wordKeys.get(word);
  if (k === undefined) {
    k = transliterationFold(fold(word));
    if (wordKeys.size < WORD_KEY_CACHE) wordKeys.set(word, k);
  }
  return k;
}

function key(words: readonly string[]): string {
  return words.map(wordKey).join(' ');
}

const countryByKey = new Map<string, string>();
const capitalByKey = new Map<string, { city: string; country: string }>();

function addName(name: string, country: string): void {
  const words = name.split(/[\s]+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return;
  if (!/^[\p{Script=Latin}\s.'’-]+$/u.test(name)) return;
  const k = key(words);
  if (!countryByKey.has(k)) countryByKey.set(k, country);
}

/** English names news uses that the data set lists under another form. */
const EXONYMS: Record<string, string> = {
  Turkey: 'Türkiye',
  Britain: 'United Kingdom',
  'Great Britain': 'United Kingdom',
  UK: 'United Kingdom',
  America: 'United States',
  'U.S.A.': 'United States',
  Holland: 'Netherlands',
  Burma: 'Myanmar',
  'Czech Republic': 'Czechia',
  'Ivory Coast': 'Ivory Coast',
  Emirates: 'United Arab Emirates',
  UAE: 'United Arab Emirates',
  // "Korea" alone is the Republic of Korea in news; "North Korea" is a longer name and wins.
  Korea: 'South Korea',
  Korean: 'South Korea',
  Koreans: 'South Korea',
};

/** Adjectives news uses that the data set's demonyms lack ("Philippine exports", "the Djiboutian side"). */
const ADJECTIVES: Record<string, string> = {
  Philippine: 'Philippines',
  Djiboutian: 'Djibouti',
  Bosnian: 'Bosnia and Herzegovina',
  Argentinian: 'Argentina',
  Luxembourgish: 'Luxembourg',
};

// The European Union signs treaties and trades as one party; news names it like a country.
for (const name of ['European Union', 'EU']) addName(name, 'European Union');

// Sovereign countries claim shared words first: "American" is the United States, not a territory.
const ranked = [...countries].sort(
  (a, b) => Number(b.unMember) - Number(a.unMember) || Number(b.independent) - Number(a.independent),
);

for (const c of ranked) {
  const name = c.name.common;
  addName(name, name);
  addName(c.name.official, name);
  for (const alt of c.altSpellings) if (alt.length >= 3) addName(alt, name);
  const eng = c.demonyms.eng;
  const people = /^(\p{L}{5,}?)i?stan$/u.exec(name);
  if (eng) {
    addName(eng.m, name);
    addName(eng.f, name);
  }
  // The people: "Kazakhs", "Americans".
  for (const d of [eng?.m, people?.[1]]) if (d && !/(?:s|sh|ch|ese|i)$/.test(d)) addName(`${d}s`, name);
  if (people?.[1]) addName(people[1], name);
  for (const [exonym, target] of Object.entries({ ...EXONYMS, ...ADJECTIVES }))
    if (target === name) addName(exonym, name);
  for (const capital of c.capital) {
    const words = capital.split(/\s+/);
    if (/^[\p{Script=Latin}\s.'’-]+$/u.test(capital))
      capitalByKey.set(key(words), { city: capital, country: name });
  }
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

export interface Token {
  text: string;
  start: number;
  end: number;
}

const wordCache = new Map<string, Token[]>();
/** Outside a corpus-wide pass, the caches keep this many sentences (see withSentenceCaches). */
const SMALL_CACHE = 5000;
let cacheLimit = SMALL_CACHE;

/** Words with their character offsets (the same sentence is read by several extractors: cached). */
export function words(text: string): Token[] {
  let tokens = wordCache.get(text);
  if (!tokens) {
    tokens = [...text.matchAll(WORD)].map((m) => ({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
    }));
    if (wordCache.size >= cacheLimit) wordCache.clear();
    wordCache.set(text, tokens);
  }
  return tokens;
}

const capitalised = (w: string) => /^\p{Lu}/u.test(w);

function stripPossessive(word: string): string {
  return word.replace(/['’]s$/, '');
}

/** For each word that starts a country name, the most words such a name has: other words start none. */
const longestFrom = new Map<string, number>();
for (const k of countryByKey.keys()) {
  const parts = k.split(' ');
  longestFrom.set(parts[0]!, Math.max(longestFrom.get(parts[0]!) ?? 0, parts.length));
}

const mentionCache = new Map<string, CountryMention[]>();

/**
 * Runs a corpus-wide pass with every sentence's words and countries kept
 * until it ends: the extractors read each sentence several times, and a
 * bounded cache would drop them between passes.
 */
export function withSentenceCaches<T>(pass: () => T): T {
  cacheLimit = Number.POSITIVE_INFINITY;
  try {
    return pass();
  } finally {
    cacheLimit = SMALL_CACHE;
    wordCache.clear();
    mentionCache.clear();
  }
}

/** Countries named in a text (by name, demonym or people), in order, longest names first. */
export function countriesIn(text: string): CountryMention[] {
  const cached = mentionCache.get(text);
  if (cached) return cached;
  const found = findCountries(text);
  if (mentionCache.size >= cacheLimit) mentionCache.clear();
  mentionCache.set(text, found);
  return found;
}

function findCountries(text: string): CountryMention[] {
  const tokens = words(text);
  const out: CountryMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!capitalised(tokens[i]!.text)) continue;
    const longest = Math.max(
      longestFrom.get(wordKey(tokens[i]!.text)) ?? 0,
      longestFrom.get(wordKey(stripPossessive(tokens[i]!.text))) ?? 0,
    );
    for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
      const span = tokens.slice(i, i + n).map((t, j) => (j === n - 1 ? stripPossessive(t.text) : t.text));
      const country = countryByKey.get(key(span));
      if (country) {
        out.push({
          country,
          text: text.slice(tokens[i]!.start, tokens[i + n - 1]!.end),
          start: i,
          end: i + n,
        });
        i += n - 1;
        break;
      }
    }
    // "Canada-Mexico trade", "Kazakh-Tajik relations": each part of a hyphenated word on its own.
    const token = tokens[i]!;
    if (out.at(-1)?.start !== i && token.text.includes('-')) {
      let at = token.start;
      for (const part of token.text.split('-')) {
        const country = capitalised(part) ? countryByKey.get(wordKey(stripPossessive(part))) : undefined;
        if (country) out.push({ country, text: text.slice(at, at + part.length), start: i, end: i + 1 });
        at += part.length + 1;
      }
    }
  }
  return out;
}

/** The country a word or phrase names (`Kazakh` → `Kazakhstan`), if any. */
export function countryOf(phrase: string): string | undefined {
  const ws = words(phrase).map((t, i, all) => (i === all.length - 1 ? stripPossessive(t.text) : t.text));
  return ws.length === 0 ? undefined : countryByKey.get(key(ws));
}

/** A country's capital (`Georgia` → `Tbilisi`), if the data set has one. */
export function capitalCity(country: string): string | undefined {
  for (const [, c] of capitalByKey) if (c.country === country) return c.city;
  return undefined;
}

/** The capital a word names (`Dushanbe` → Tajikistan), if any. */
export function capitalOf(phrase: string): { city: string; country: string } | undefined {
  const ws = words(phrase).map((t) => stripPossessive(t.text));
  return ws.length === 0 ? undefined : capitalByKey.get(key(ws));
}

const formsByCountry = new Map<string, string[]>();
for (const [k, country] of countryByKey) {
  if (k.includes(' ')) continue;
  formsByCountry.set(country, [...(formsByCountry.get(country) ?? []), k]);
}

/**
 * The one-word names of a country, as comparison keys ("Uzbekistan", "Uzbek",
 * "Uzbekistani", "Uzbeks"): a question that says "Uzbek trade" is about the
 * same country as a sentence that says "Uzbekistan".
 */
export function countryWordKeys(country: string): readonly string[] {
  return formsByCountry.get(country) ?? [];
}
