import { capitalOf, countriesIn, countryOf } from '../facts/geo.js';
import { ordinalsIn, ordinalValue } from '../text/ordinals.js';
import type { QueryTerm } from './queryTerm.js';

/**
 * Whether a sentence that leaves a required term of the question to its article gives another value
 * of its kind itself (another year, session, place or country): then it is about that one.
 */

const YEAR_WORD = /^(?:1[89]|20)\d\d$/;
/** Whether a text writes a year (the asked one is not in it, or the document would have matched it). */
const namesAnotherYear = (text: string) => /\b(?:1[89]|20)\d\d\b/.test(text);
/** Whether a text writes an ordinal past "first" (likewise: another one than the asked). */
const namesAnotherOrdinal = (text: string) => [...ordinalsIn(text)].some((n) => n >= 2);

/** Where a sentence says something happened: "in Riyadh", "at the Elysee Palace". */
const NAMES_A_PLACE =
  /\b(?:in|at|visited|visiting|hosted by)\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?(\p{Lu}\p{Ll}[\p{L}'’-]*)(\s+capital\b)?/gu;

/**
 * Whether a sentence says something happened at another place than the asked city: "in Riyadh" for
 * Cairo does, "in the Georgian capital" for Tbilisi does not (it is the asked city in other words).
 */
function namesAnotherPlace(city: string, text: string): boolean {
  const country = capitalOf(city)?.country;
  for (const m of text.matchAll(NAMES_A_PLACE)) {
    if (country !== undefined && m[2] !== undefined && countryOf(m[1]!) === country) continue;
    return true;
  }
  return false;
}

/**
 * Whether a sentence writes another value of the kind of a required term than the asked one: a year,
 * an ordinal, or a place where something happened ("When did he visit Cairo?" is not answered by a
 * visit "in Riyadh" in an article that names Cairo elsewhere).
 */
export function namesAnother(term: QueryTerm, text: string, asked: ReadonlySet<string>): boolean {
  if (YEAR_WORD.test(term.word)) return namesAnotherYear(text);
  // A figure is written where it is given: another sentence of the article does not give it here.
  if (term.figure) return true;
  if (term.where) return namesAnotherPlace(term.word, text);
  // A sentence about another country ("the Kyrgyz-Uzbek border treaty") is not about the asked pair.
  // (A question about one country leaves its partners open: the French minister in Armenia.)
  // A country named as what a plan or dispute is about ("a plan for Western Sahara") is not a party.
  if (asked.size >= 2 && asked.has(countryOf(term.word) ?? ''))
    return countriesIn(text).some((m) => !asked.has(m.country) && !topicOnly(text, m.text));
  return ordinalValue(term.word) !== null && namesAnotherOrdinal(text);
}

/** Whether every mention of a name in a text follows a preposition of topic ("for", "over", "about"). */
function topicOnly(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const all = text.match(new RegExp(`\\b${escaped}\\b`, 'g'))?.length ?? 0;
  const topic =
    text.match(new RegExp(`\\b(?:for|over|about|regarding|concerning)\\s+(?:the\\s+)?${escaped}\\b`, 'g'))
      ?.length ?? 0;
  return all > 0 && topic === all;
}
