import { termKey, tokenize } from '../text/normalize.js';

/**
 * What a sentence counts and lists, for "how much/many X" questions (src/answer/rank.ts): the words a
 * number counts ("27 documents"), and the words that only stand as items of a list ("copper, zinc and
 * gas"), which a figure in the sentence is not of.
 */

/** A number, with its scale words: "900,000", "1.3 billion", "11". A currency sign before it makes it money. */
const COUNT =
  /([$€£¥]\s*)?\b\d[\d.,]*(?:\s+(?:hundred|thousand|million|billion|trillion|mln|bln)\b)?((?:\s+[\p{L}'’-]+){1,4})/giu;
/** Words that make a number an amount of money, not a count of what is asked. */
const CURRENCY =
  /^(?:dollars?|usd|us|euros?|eur|pounds?|yuan|rubles?|roubles?|tenge|soms?|somoni|sums?|manats?|lira|rupees?|yen|won|baht|ringgit|rm|reais|pesos?|naira|cedis?|shillings?|dirhams?|riyals?|percent|per)$/i;

/**
 * The keys of the words a text writes a count right before: a number and at most a few words ("27
 * documents", "1.3 billion cubic metres of gas"), up to a currency (which makes it money, not a count).
 */
export function countedKeysOf(text: string): ReadonlySet<string> {
  const keys = new Set<string>();
  // A count needs a digit: most sentences have none, and are done without the pattern.
  if (!/\d/.test(text)) return keys;
  for (const m of text.matchAll(COUNT)) {
    if (m[1]) continue;
    for (const word of tokenize(m[2]!)) {
      if (CURRENCY.test(word)) break;
      keys.add(termKey(word));
    }
  }
  return keys;
}

/** Whether a text writes a count right before a word with one of the keys. */
export function countNextTo(text: string, keys: ReadonlySet<string>): boolean {
  const counted = countedKeysOf(text);
  for (const k of keys) if (counted.has(k)) return true;
  return false;
}

/** Right after a word: more of its item, a comma, and the list going on to its "and" ("copper, zinc and gas"). */
const ITEM_AFTER = /^(?:\s+[\p{L}'’-]+)?\s*,[^;:]*?\b(?:and|or)\b/u;
/** Right before a word: a comma, or "and"/"or" closing a list ("zinc, natural gas and food"). */
const ITEM_BEFORE = /(?:,\s*(?:[\p{L}'’-]+\s+)?|,[^,;:]{0,40}\b(?:and|or)\s+(?:[\p{L}'’-]+\s+)?)$/u;

/**
 * Each key of a text with two or more commas (a list of several things), and whether every word with
 * that key stands as an item of the list ("copper, zinc and gas"), not as what a figure is of.
 */
export function listedKeysOf(text: string): ReadonlyMap<string, boolean> {
  const keys = new Map<string, boolean>();
  const comma = text.indexOf(',');
  if (comma < 0 || text.indexOf(',', comma + 1) < 0) return keys;
  for (const m of text.matchAll(/[\p{L}'’-]+/gu)) {
    const key = termKey(m[0]);
    if (keys.get(key) === false) continue;
    const at = m.index;
    const listed = ITEM_AFTER.test(text.slice(at + m[0].length)) || ITEM_BEFORE.test(text.slice(0, at));
    keys.set(key, listed);
  }
  return keys;
}

/** Whether every word of a text with one of the keys stands as an item of a list, and one does. */
export function onlyListed(text: string, keys: ReadonlySet<string>): boolean {
  return listedOnly(listedKeysOf(text), keys);
}

export function listedOnly(listed: ReadonlyMap<string, boolean>, keys: ReadonlySet<string>): boolean {
  let seen = false;
  for (const k of keys) {
    const item = listed.get(k);
    if (item === false) return false;
    if (item) seen = true;
  }
  return seen;
}
