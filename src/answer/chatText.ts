import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { countryOf } from '../facts/geo.js';
import { MONTH_KEYS } from '../text/calendar.js';
import { termKey } from '../text/normalize.js';

/**
 * A claim as people type it (see src/answer/check.ts), read in the articles' words: chat shorthand
 * written out, hedges dropped, clipped, coded and lower-case country names expanded.
 */

/** The months' first three letters, as a claim may clip them. */
export const MONTHS = MONTH_KEYS.map((m) => m.slice(0, 3));
export const MONTH_WORD =
  /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+((?:19|20)\d\d))?/g;

export function isMonthWord(w: string): boolean {
  return MONTHS.some((m) => w.toLowerCase().startsWith(m)) && new RegExp(`^${MONTH_WORD.source}$`).test(w);
}

/** Chat and wire shorthand, written out as articles write it. General English, not any corpus's. */
const SHORTHAND: ReadonlyArray<readonly [RegExp, string]> = [
  [/(\d)\s*(?:bn|bln)\b/gi, '$1 billion'],
  [/(\d)\s*(?:mn|mln|mio)\b/gi, '$1 million'],
  [/(\d)\s*(?:tn|trn)\b/gi, '$1 trillion'],
  [/\bFMs\b/g, 'foreign ministers'],
  [/\bFM\b/g, 'foreign minister'],
  [/\bPMs\b/g, 'prime ministers'],
  [/\bPM\b/g, 'prime minister'],
  [/\bMFAs?\b/g, 'Ministry of Foreign Affairs'],
  [/\bDPM\b/g, 'deputy prime minister'],
  [/\bgovt\b/gi, 'government'],
  [/\bintl\b/gi, 'international'],
  [/\bapprox\.?/gi, 'approximately'],
  [/\bveg\b/gi, 'vegetables'],
  [/\bppl\b/gi, 'people'],
  [/\bw\/(?=\s)/gi, 'with'],
  [/\byr\b/gi, 'year'],
  [/\byrs\b/gi, 'years'],
  [/\b(?:no\.|#)\s?1\b/gi, 'number one'],
  [/(?:\bno\.|#)\s?(\d{1,2})\b/gi, 'number $1'],
  [/\b(\d[\d,.]*)\+(?!\d)/g, 'more than $1'],
  [/\bincl\.?(?=\s)/gi, 'including'],
  [/\bw\/o\b/gi, 'without'],
];

/** Hedges and intensifiers of chat that say nothing about the facts. */
const FILLER =
  /\b(?:iirc|afaik|imo|imho|tbh|fwiw|btw|lol|ngl|basically|literally|actually|apparently|honestly|reportedly|allegedly|just|really|pretty much|kinda|sorta)\b,?\s*/gi;

const countries: Country[] = createRequire(import.meta.url)('world-countries');
/** One-word country names and demonyms, lower case, for clipped names ("Uzb" for Uzbekistan). */
const COUNTRY_WORDS: ReadonlyArray<readonly [string, string]> = countries.flatMap((c) =>
  [c.name.common, c.demonyms?.eng?.m ?? '']
    .filter((w) => /^\p{L}+$/u.test(w))
    .map((w) => [w.toLowerCase(), c.name.common] as const),
);

/** Two-letter country codes, upper case ("KZ", "TM"), as chat pairs them: "kz-china", "TM-TR". */
const COUNTRY_CODES = new Map(countries.map((c) => [c.cca2.toUpperCase(), c.name.common]));

/** A country a pair's side names in chat: its code, or its name in lower case ("armenia-france"). */
function pairedCountry(side: string): string | undefined {
  const code = /^\p{L}{2}$/u.test(side) ? COUNTRY_CODES.get(side.toUpperCase()) : undefined;
  return code ?? countryOf(side.charAt(0).toUpperCase() + side.slice(1));
}

/** Search keys of country names and demonyms ("Icelandic" stems to "iceland"): a word with one is a country. */
const COUNTRY_BY_KEY = new Map(COUNTRY_WORDS.map(([w, c]) => [termKey(w), c]));

/** The country a word names, by its name, a demonym, or a word of the same stem. */
export function countryWord(w: string): string | undefined {
  return countryOf(w) ?? COUNTRY_BY_KEY.get(termKey(w));
}

/** A capitalised clipping of one country's name or demonym ("Kaz", "Taj", "Uzb"), when only one fits. */
function clippedCountry(word: string): string | undefined {
  if (!/^\p{Lu}\p{Ll}{2,4}$/u.test(word) || countryOf(word) !== undefined) return undefined;
  const low = word.toLowerCase();
  const fits = new Set(COUNTRY_WORDS.filter(([w]) => w.startsWith(low) && w !== low).map(([, c]) => c));
  return fits.size === 1 ? [...fits][0] : undefined;
}

/**
 * A claim as people type it, in the words articles use: shorthand written out ("$1.2bn", "FM"), hedges
 * dropped ("iirc"), clipped country names expanded where they pair with another country or stand before
 * a noun ("Kaz-Taj trade"). Words the articles themselves use are never taken for a clipping.
 */
export function newswireText(text: string, isCorpusWord: (word: string) => boolean): string {
  let out = text.replace(FILLER, '');
  for (const [pattern, to] of SHORTHAND) out = out.replace(pattern, to);
  // Two countries paired by codes or in lower case ("TM-TR trade", "armenia-france"): their names.
  out = out.replace(/\b(\p{L}{2,})([-/])(\p{L}{2,})\b/gu, (all, a: string, sep: string, b: string) => {
    if (/^\p{Lu}\p{Ll}/u.test(a) && /^\p{Lu}\p{Ll}/u.test(b)) return all;
    const x = pairedCountry(a);
    const y = pairedCountry(b);
    return x && y && x !== y ? `${x}${sep}${y}` : all;
  });
  // A country's name typed in lower case, where the articles never write that word in lower case.
  out = out.replace(/\b\p{Ll}{4,}\b/gu, (w) => {
    if (isCorpusWord(w)) return w;
    const country = countryOf(w.charAt(0).toUpperCase() + w.slice(1));
    return country && country.toLowerCase() === w ? country : w;
  });
  const expand = (w: string) => (isCorpusWord(w) || isMonthWord(w) ? undefined : clippedCountry(w));
  // A clipping is read as a country where it pairs with another ("Kaz-Taj") or stands before a noun.
  out = out.replace(
    /\b(\p{Lu}\p{Ll}{2,10})([-/])(\p{Lu}\p{Ll}{2,10})\b/gu,
    (all, a: string, sep: string, b: string) => {
      const x = countryOf(a) ?? expand(a);
      const y = countryOf(b) ?? expand(b);
      return x && y ? `${countryOf(a) ? a : x}${sep}${countryOf(b) ? b : y}` : all;
    },
  );
  return out.replace(/\b(\p{Lu}\p{Ll}{2,3})\b(?=\s+\p{Ll})/gu, (w) => expand(w) ?? w);
}
