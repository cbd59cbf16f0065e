import { capitalCity, capitalOf, countriesIn, countryOf } from './geo.js';
import type { Person } from './people.js';

/**
 * Where a meeting took place: a capital or a country after "in/to/at", the place a visitor travels to
 * ("arrived in Tbilisi", "a trip to Nigeria", "is in Korea on a working visit"), or a town named right
 * after a travel verb.
 */

/** A visit by one person to another country: "arrived in Tbilisi on a working visit", "a state visit to Nigeria". */
export const VISIT_FORMAT = /\b(?:state|official|working|business)\s+visit\b/i;
/** The place right after the visit: "visited Tbilisi", "arrived in the capital of Georgia", "trip to Nigeria". */
export const VISIT_TO =
  /\b(?:(?:arrived|arrives|arriving|landed|lands)\s+in|visited|visits|visiting|to visit|(?:visit|trip|travel(?:led|ed|s|ling)?)\s+to)\s+(?:the\s+)?((?:capital (?:city )?of\s+(?:the\s+)?)?[\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)/u;

export const PLACE =
  /\b(?:in|to|at|arrived in|visit to|talks in|held in)\s+(?:the\s+)?(?:([\p{Lu}][\p{L}-]+)['’]s\s+)?([\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)/gu;

/** "the Victoria Palace", "State House", "Freedom Square": a building or a site, whose name is no city. */
const BUILDING =
  /^(?:palace|house|hall|airport|building|cent(?:re|er)|hotel|office|station|castle|residence|square|stadium|museum|tower|park|port|post|bridge|gate|villa)$/i;

/** The meeting's place: a capital or country after "in/to/at", preferring a city. */
export function meetingPlace(text: string): string | null {
  let country: string | null = null;
  for (const m of text.matchAll(PLACE)) {
    const next = /^\s+([\p{L}-]+)/u.exec(text.slice(m.index + m[0].length))?.[1] ?? '';
    if ([...m[2]!.split(/\s+/).slice(1), next].some((w) => BUILDING.test(w))) continue;
    const word = m[2]!.replace(/['’]s$/, '');
    const first = word.split(/\s+/)[0]!;
    if (capitalOf(word)) return capitalOf(word)!.city;
    if (capitalOf(first)) return capitalOf(first)!.city;
    if (!country && countriesIn(word).length > 0 && countryOf(word)) country = countryOf(word)!;
  }
  return country;
}

/** The place a lone visitor goes to, when it is another country or its city. */
export function soloVisit(text: string, person: Person): string | null {
  // "during his visit to Warsaw", said by a spokesman: the visitor is someone else.
  if (/\b(?:during|on|in)\s+(?:his|her|their)\s+(?:\w+\s+)?(?:visit|trip)\b/i.test(text)) return null;
  const to = VISIT_TO.exec(text);
  const format = VISIT_FORMAT.exec(text);
  // "is in Korea on a working visit", "was in Ottawa on May 4-5 for a working visit": the place before it.
  const placeBefore = format
    ? /\b(?:is|was|are|were)\s+in\s+(?:the\s+)?([\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)[^,;.]{0,30}$/u.exec(
        text.slice(0, format.index),
      )
    : null;
  const place =
    (to && (capitalOfCountryIn(to[1]!) ?? placeWord(to[1]!))) ??
    (format ? meetingPlace(text.slice(format.index)) : null) ??
    (placeBefore ? placeWord(placeBefore[1]!) : null);
  if (!place) return null;
  const country = capitalOf(place)?.country ?? countryOf(place) ?? null;
  return country && country !== person.country ? place : null;
}

/** A capital or country named by a phrase, as a place. */
export function placeWord(phrase: string): string | null {
  const word = phrase.replace(/['’]s$/, '');
  return capitalOf(word)?.city ?? countryOf(word) ?? null;
}

/**
 * "travelled to Tartu, where …": a town the place list does not hold, named right after a travel verb. A
 * country's adjective ("to Latvian ports") or a month is no town.
 */
export function townWord(phrase: string): string | null {
  const word = phrase.replace(/['’]s$/, '').split(/\s+/)[0]!;
  if (countriesIn(word).length > 0 || MONTH_OR_DAY.test(word)) return null;
  return word;
}
export const MONTH_OR_DAY =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** "arrived in the capital of Georgia": the capital. */
export function capitalOfCountryIn(text: string): string | null {
  const m = /\bcapital (?:city )?of\s+(?:the\s+)?([\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)/u.exec(
    text,
  );
  const country = m ? countryOf(m[1]!) : undefined;
  return country ? (capitalCity(country) ?? country) : null;
}

/** The place a sentence gives a meeting: after "in/to/at", after "visit", or as "the capital of …". */
export function placeIn(text: string): string | null {
  const to = VISIT_TO.exec(text);
  return (
    meetingPlace(text) ??
    (to ? (capitalOfCountryIn(to[1]!) ?? placeWord(to[1]!)) : null) ??
    capitalOfCountryIn(text) ??
    (to ? townWord(to[1]!) : null)
  );
}
