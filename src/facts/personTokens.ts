import { countriesIn, countryOf, type Token } from './geo.js';
import {
  HONORIFIC_PAIRS,
  HONORIFICS,
  INSTITUTION_WORDS,
  NOT_NAME,
  PORTFOLIO_WORDS,
  REGION_WORDS,
  TITLES,
} from './personWords.js';

/**
 * Readers of a sentence's tokens for the person extractor (people.ts): where a title, a name, an
 * honorific, a place or a portfolio starts, and how many tokens it takes.
 */

const NAME_WORD = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*$/u;
/** An Arabic family name with its article in lower case: "al-Marri", "el-Sisi", "bin-Zayed". */
const ARTICLE_NAME = /^(?:al|el|ad|as|ash|at|az|ibn|bin)-\p{Lu}[\p{Ll}'’]+$/u;
/** "I've", "We'll", "Don't": contractions are not names. */
const CONTRACTION = /['’](?:ve|re|ll|d|m|t)$/i;

export function isNameWord(word: string): boolean {
  if (ARTICLE_NAME.test(word)) return true;
  return (
    NAME_WORD.test(word) &&
    !CONTRACTION.test(word) &&
    !NOT_NAME.has(word.toLowerCase()) &&
    countryOf(word) === undefined
  );
}

export const lower = (t: Token | undefined) => t?.text.toLowerCase() ?? '';
export const stripPossessive = (w: string) => w.replace(/['’]s$/, '');

/** Titles by their first word, longest first: a token is checked against a handful, not all. */
const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const title of TITLES)
  TITLES_BY_FIRST.set(title[0]!, [...(TITLES_BY_FIRST.get(title[0]!) ?? []), title]);

/** The longest title starting at token i: its token count, or 0. */
/**
 * A portfolio that goes on as a list after a comma, "of Industry, Trade and Investment" or "of Trade,
 * Agribusiness and Industry": capitalised words up to the next punctuation, with an "and" before a
 * last word of government business. Returns where the list ends (k itself when none goes on).
 */
export function portfolioListEnd(tokens: readonly Token[], k: number, text: string): number {
  if (k >= tokens.length || text.slice(tokens[k - 1]!.end, tokens[k]!.start).trim() !== ',') return k;
  let end = k;
  let and = false;
  let cut = false;
  while (
    end < tokens.length &&
    (end === k || !/[,;:()"“”.]/.test(text.slice(tokens[end - 1]!.end, tokens[end]!.start)))
  ) {
    const word = lower(tokens[end]);
    // "of Trade, Industry and Energy of the Republic of …": the country ends the list.
    if (word === 'of' && end > k) break;
    if (word === 'and') and = true;
    else if (!/^\p{Lu}/u.test(tokens[end]!.text)) {
      cut = true;
      break;
    }
    end++;
  }
  const last = lower(tokens[end - 1]);
  if (!cut && and && last !== 'and' && PORTFOLIO_WORDS.has(last)) return end;
  // "of Investment, Industry and Trade Laziz Kudratov": the name follows the list's last word with no comma.
  for (let a = k; a < end - 2; a++) {
    if (lower(tokens[a]) === 'and' && PORTFOLIO_WORDS.has(lower(tokens[a + 1]))) return a + 2;
  }
  return k;
}

/** Capitalised words a portfolio may run over past the known portfolio words. */
const MAX_PORTFOLIO_RUN = 6;

/**
 * A portfolio with words the lists do not know ("of Territorial Administration and Infrastructure",
 * "for Europe and Foreign Affairs"): capitalised words and "and" up to "of <country>" or a comma, where
 * the portfolio must end. Returns k itself when the run ends anywhere else (a name may follow).
 */
export function portfolioRunEnd(tokens: readonly Token[], k: number, start: number, text: string): number {
  let e = k;
  while (
    e < tokens.length &&
    e - start < MAX_PORTFOLIO_RUN &&
    (/^\p{Lu}/u.test(tokens[e]!.text) || (lower(tokens[e]) === 'and' && e > start)) &&
    !/[,;:()"“”]/.test(text.slice(tokens[e - 1]!.end, tokens[e]!.start))
  )
    e++;
  if (e === k || lower(tokens[e - 1]) === 'and') return k;
  // Only where a name follows: in "Minister of Foreign Affairs Jane Roe of Ruritania said" the run is the name.
  const gap = text.slice(tokens[e - 1]!.end, tokens[e]?.start ?? text.length);
  if (gap.trim() === ',' && nameAt(tokens, e, text) >= 2) return e;
  const after = lower(tokens[e]) === 'of' ? countriesAfter(tokens, e, text) : null;
  if (after && after.countries.length > 0 && nameAt(tokens, after.next, text) > 0) return e;
  return k;
}

export function titleAt(tokens: readonly Token[], i: number, text = ''): number {
  for (const title of TITLES_BY_FIRST.get(lower(tokens[i])) ?? []) {
    if (title.every((w, j) => lower(tokens[i + j]) === w)) {
      let n = title.length;
      // A portfolio: "Minister of Foreign Affairs", "High Representative for Foreign Affairs and
      // Security Policy": words of government business after "of"/"for", stopping at anything
      // else (a country, "the Republic", a name).
      const portfolio =
        /^(minister|ministers|representative|commissioner|secretary|delegate|undersecretary)$/.test(
          title.at(-1) ?? '',
        );
      if (portfolio && (lower(tokens[i + n]) === 'of' || lower(tokens[i + n]) === 'for')) {
        let k = i + n + 1;
        const start = k;
        while (
          k < tokens.length &&
          !/[,;:()"“”]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) &&
          ((/^\p{Lu}/u.test(tokens[k]!.text) && PORTFOLIO_WORDS.has(lower(tokens[k]))) ||
            (lower(tokens[k]) === 'and' && k > start))
        ) {
          k++;
        }
        if (lower(tokens[k - 1]) === 'and') k--;
        if (k > start) k = portfolioListEnd(tokens, k, text);
        k = portfolioRunEnd(tokens, k, start, text);
        if (k > start) n = k - i;
      }
      return n;
    }
  }
  return 0;
}

/** An initial before a name: "S.Chinzorig", "B. Battsetseg" (not the "E" of "H.E."). */
export function isInitial(tokens: readonly Token[], k: number, text: string): boolean {
  const t = tokens[k]!;
  return (
    t.text.length === 1 &&
    text[t.end] === '.' &&
    /^\p{Lu}$/u.test(t.text) &&
    text[t.start - 1] !== '.' &&
    isNameWord(stripPossessive(tokens[k + 1]?.text ?? ''))
  );
}

/** Name words starting at token i: how many (at most 3), or 0. */

export function nameAt(tokens: readonly Token[], i: number, text: string): number {
  const n = nameWordsAt(tokens, i, text);
  if (n === 0) return 0;
  // "its counterpart, Côte d'Ivoire Export": a word that starts a country's name of several words is no name.
  if (countriesIn(text).some((m) => m.start === i && m.end - m.start > 1)) return 0;
  const next = tokens[i + n];
  const joined = next && /^\s*$/.test(text.slice(tokens[i + n - 1]!.end, next.start));
  // An institution word ends an institution's name ("Gorky Park", "Bank"); first in a name it is a
  // family name ("Park Min-jun").
  for (let k = n === 1 ? i : i + 1; k < i + n + (joined ? 1 : 0); k++) {
    if (INSTITUTION_WORDS.has(stripPossessive(lower(tokens[k])))) return 0;
  }
  // "the Japan External Trade Organization": a capitalised portfolio word goes on past the name.
  if (joined && /^\p{Lu}/u.test(next.text) && NOT_NAME.has(lower(next))) return 0;
  return n;
}

/** Lower-case words inside a name: "Abdullah bin Zayed", "Moin ul Haque", "Juan de la Fuente". */
export const NAME_PARTICLES = new Set([
  'bin',
  'bint',
  'ibn',
  'al',
  'el',
  'ul',
  'ud',
  'de',
  'del',
  'la',
  'da',
  'dos',
  'van',
  'von',
  'der',
]);

export function nameWordsAt(tokens: readonly Token[], i: number, text: string): number {
  let n = 0;
  // Particles do not count towards the longest name: "Khalid bin Ahmed bin Mohammed Al Khalifa".
  let particles = 0;
  for (;;) {
    if (n - particles >= MAX_NAME_WORDS || i + n >= tokens.length) break;
    const t = tokens[i + n]!;
    // A name does not run across punctuation.
    if (n > 0 && /[,;:()[\]{}"“”]/.test(text.slice(tokens[i + n - 1]!.end, t.start))) break;
    if (isNameWord(stripPossessive(t.text)) || (n === 0 && isInitial(tokens, i, text))) {
      // "Al Busaidi": a capitalised particle does not count towards the longest name either.
      if (n > 0 && NAME_PARTICLES.has(lower(t))) particles++;
      n++;
      continue;
    }
    // Particles count only between name words, and only as the name goes on after them.
    let k = i + n;
    while (k < tokens.length && k - (i + n) < 2 && NAME_PARTICLES.has(tokens[k]!.text)) k++;
    if (n === 0 || k === i + n || k >= tokens.length || !isNameWord(stripPossessive(tokens[k]!.text))) break;
    if (/[,;:()[\]{}"“”]/.test(text.slice(tokens[i + n - 1]!.end, tokens[k]!.start))) break;
    particles += k - (i + n);
    n = k - i;
  }
  return n;
}

/** Countries named right after a title: "of (the Republic of) Kazakhstan", "of Kazakhstan and Tajikistan". */
export function countriesAfter(
  tokens: readonly Token[],
  i: number,
  text: string,
): { countries: string[]; next: number } {
  if (lower(tokens[i]) !== 'of') return { countries: [], next: i };
  const mentions = countriesIn(text);
  const countries: string[] = [];
  // Without a country after "of", nothing is consumed: "Secretary of War" names no one.
  let next = i;
  let expect = lower(tokens[i + 1]) === 'the' ? i + 2 : i + 1;
  for (const m of mentions) {
    if (m.start < expect) continue;
    if (m.start !== expect) break;
    countries.push(m.country);
    next = m.end;
    if (lower(tokens[next]) === 'and') expect = m.end + 1;
    else break;
  }
  return { countries, next };
}

/** The country just before token i, with nothing between: "Kazakh", "Kazakhstan's". */
export function countryBefore(tokens: readonly Token[], i: number, text: string): string | null {
  const prev = tokens[i - 1];
  if (!prev || !/^\p{Lu}/u.test(prev.text)) return null;
  if (text.slice(prev.end, tokens[i]!.start).trim() !== '') return null;
  return countryOf(prev.text) ?? null;
}

/** Words of one name: "Le Thi Thanh Hoa" has four. */
export const MAX_NAME_WORDS = 4;
/** Words a second role may run over before its comma: ", Chairman of the Tajik part of the Commission,". */
const MAX_SECOND_ROLE = 14;
/** Skips honorifics at token j: "Mr.", "H.E.", "Datuk Seri", "Tan Sri". */
export function skipHonorifics(tokens: readonly Token[], j: number): number {
  for (;;) {
    const w = lower(tokens[j]);
    if (HONORIFIC_PAIRS.get(w)?.has(lower(tokens[j + 1]))) j += 2;
    else if (HONORIFICS.has(w)) j++;
    else return j;
  }
}

/**
 * Skips what may stand between a title and the name: a second role set off
 * by commas (", Chairman of the Commission,") and honorifics ("Mr.").
 */
export function skipToName(tokens: readonly Token[], j: number, text: string): number {
  const commaBefore = (k: number) => /,/.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0));
  if (titleAt(tokens, j, text) > 0 && commaBefore(j)) {
    let k = j + titleAt(tokens, j, text);
    while (k < tokens.length && k - j < MAX_SECOND_ROLE && !commaBefore(k)) k++;
    if (k < tokens.length && commaBefore(k)) j = k;
  }
  return skipHonorifics(tokens, j);
}

/** Words a role's complement may run over before the comma and the name ("of state-run oil company Petrobras,"). */
const MAX_COMPLEMENT = 10;

/** Where a name of two words or more set off by commas starts after a role's complement, or 0. */
export function nameAfterComplement(tokens: readonly Token[], j: number, text: string): number {
  for (let k = j + 1; k < Math.min(tokens.length, j + MAX_COMPLEMENT); k++) {
    const gap = text.slice(tokens[k - 1]!.end, tokens[k]!.start).trim();
    if (gap === '') continue;
    if (gap !== ',') return 0;
    const n = nameAt(tokens, k, text);
    const after = text.slice(tokens[k + n - 1]?.end ?? 0, tokens[k + n]?.start ?? text.length).trim();
    return n >= 2 && /^[,.]?$/.test(after) ? k : 0;
  }
  return 0;
}

/** Capitalised words of a place before a name may run over at most this many words. */
const MAX_PLACE_WORDS = 4;

/**
 * Skips a region named between a title and the name: "Governor of Iran's East
 * Azerbaijan Province Abedin Khorram" is Abedin Khorram, not "East".
 */
export function skipPlace(tokens: readonly Token[], j: number): number {
  // "the khokim of Samarkand region Erkinjon Turdimov": the region word may be lower-case.
  let s = lower(tokens[j]) === 'of' ? j + 1 : j;
  if (s > j && lower(tokens[s]) === 'the') s++;
  for (let k = s; k < Math.min(tokens.length, s + MAX_PLACE_WORDS); k++) {
    if (REGION_WORDS.has(lower(tokens[k])) && (k > s || /^\p{Lu}/u.test(tokens[k]!.text))) return k + 1;
    if (!/^\p{Lu}/u.test(tokens[k]!.text)) return j;
  }
  return j;
}

/** A name starts at token i: no capitalised word or "of"/"the" runs into it ("the Ministry of Digital Technologies"). */
export function startsName(tokens: readonly Token[], i: number, text: string): boolean {
  const prev = tokens[i - 1];
  if (!prev || /\S/.test(text.slice(prev.end, tokens[i]!.start))) return true;
  return !/^\p{Lu}/u.test(prev.text) && !/^(?:of|the|for|on)$/.test(lower(prev));
}

export const portfolioName = (tokens: readonly Token[], i: number, end: number) =>
  tokens.slice(i, end).some((t) => PORTFOLIO_WORDS.has(t.text.toLowerCase()));

/** Words before a role in apposition: "an energy analyst", "chief economist". */
export const MAX_ROLE_MODIFIERS = 2;

/** "has served as", "is", "was", "has been", "serves as", "became": how many words, or 0. */
export function copulaAt(tokens: readonly Token[], k: number): number {
  const w = [0, 1, 2].map((d) => lower(tokens[k + d]));
  if (/^(?:has|had|have)$/.test(w[0]!) && /^(?:served|been)$/.test(w[1]!)) return w[2] === 'as' ? 3 : 2;
  if (/^(?:serves|served)$/.test(w[0]!) && w[1] === 'as') return 2;
  return /^(?:is|was|became)$/.test(w[0]!) ? 1 : 0;
}
