import type { QueryPlan, QueryTerm } from './queryTerm.js';

export interface Coverage {
  /** Share of the question's information matched, in [0, 1]. */
  share: number;
  /** How many of the question's content words the document does not match at all. */
  missing: number;
  /** How many required terms (places the question names) it does not match. */
  missingRequired: number;
  /** The weight of the people it does not name, as a share of the question's (leaning on the article makes some up). */
  missingPeopleShare: number;
  /** How many of the terms that are not names it matches. */
  plainMatched: number;
  /** How many of what "how much/many" counts it matches (see QueryTerm.counted). */
  countedMatched: number;
  /** How many of the names the question asks about (people, places, titles) it does not match. */
  missingNames: number;
  /**
   * The names it does not match that are neither places nor people nor years (a month, a word of an
   * event's or body's name: "December", "Council"), as bits of their term's position (terms past the
   * 31st are left out): its article may name them instead.
   */
  missedNameBits: number;
  /** It does not match the question's topic word (see QueryTerm.topic). */
  missedTopic: boolean;
  /** The weight its share is a part of (the question's, less optional terms it does not match). */
  total: number;
}

/**
 * How much of the question a document covers: each term counts with its
 * weight times how well the document matches it.
 */
export function coverage(plan: QueryPlan, matchedKeys: Iterable<string>): Coverage {
  const matched = new Set(matchedKeys);
  return tally(plan.terms, (term) => {
    let best = 0;
    for (const [k, quality] of term.expansions) if (quality > best && matched.has(k)) best = quality;
    return best;
  });
}

/** Sums the coverage of terms, given how well a document matches each (0 for not at all). */
type TallyTerm = Pick<
  QueryTerm,
  | 'weight'
  | 'required'
  | 'name'
  | 'optional'
  | 'person'
  | 'phrasing'
  | 'counted'
  | 'typeWord'
  | 'priceWord'
  | 'topic'
>;

/**
 * Sums the coverage of terms, given how well a document matches each (0 for not at all). A word
 * naming the answer's type counts as met: a document without such an answer is refused anyway.
 */
function tally<T extends TallyTerm>(terms: readonly T[], bestOf: (term: T) => number): Coverage {
  let total = 0;
  let covered = 0;
  let missing = 0;
  let missingRequired = 0;
  let missingPeopleWeight = 0;
  let plainMatched = 0;
  let countedMatched = 0;
  let missingNames = 0;
  let missedNameBits = 0;
  // Any topic word met meets the topic (see QueryTerm.topic).
  let topics = 0;
  let topicsMet = 0;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const best = term.typeWord ? 1 : bestOf(term);
    if (term.topic) {
      topics++;
      if (best > 0) topicsMet++;
    }
    if (best === 0 && term.optional) continue;
    total += term.weight;
    covered += term.weight * best;
    if (best === 0) {
      if (term.phrasing) continue;
      missing++;
      if (term.required) missingRequired++;
      if (term.person) missingPeopleWeight += term.weight;
      if (term.name || term.required) missingNames++;
      if (term.name && !term.required && i < 31) missedNameBits |= 1 << i;
    } else {
      if (term.counted) countedMatched++;
      // What is counted is asked about, even a name: "How many Moroccans…".
      // What something costs is asked about the thing: "the price of the bridge" is answered by a
      // sentence about the bridge with its cost in baht.
      // A year or a place a question requires says which one it is about, not what it asks.
      if (
        (!term.name && !term.required && !term.phrasing && (!term.typeWord || term.priceWord)) ||
        term.counted
      )
        plainMatched++;
    }
  }
  return {
    share: total === 0 ? 0 : covered / total,
    missing,
    missingRequired,
    missingPeopleShare: total === 0 ? 0 : missingPeopleWeight / total,
    plainMatched,
    countedMatched,
    missingNames,
    missedNameBits,
    missedTopic: topics > 0 && topicsMet === 0,
    total,
  };
}

/**
 * `coverage` for documents given as key bitmasks (see SearchIndex.match):
 * bit k stands for `keys[k]`. Many documents match the same keys, so with one
 * mask word the result is memoised per mask.
 */
export function maskCoverage(
  plan: QueryPlan,
  keys: readonly string[],
  words: number,
): (masks: Uint32Array, offset: number) => Coverage {
  const bitOf = new Map<string, number>();
  keys.forEach((key, i) => {
    if (!bitOf.has(key)) bitOf.set(key, i);
  });
  const terms = plan.terms.map((term) => ({
    weight: term.weight,
    required: term.required,
    name: term.name,
    optional: term.optional,
    person: term.person,
    phrasing: term.phrasing,
    counted: term.counted,
    typeWord: term.typeWord,
    priceWord: term.priceWord,
    topic: term.topic === true,
    expansions: [...term.expansions].map(([key, quality]) => ({ bit: bitOf.get(key) ?? -1, quality })),
  }));
  const compute = (masks: Uint32Array, offset: number): Coverage =>
    tally(terms, (term) => {
      let best = 0;
      for (const { bit, quality } of term.expansions) {
        if (quality > best && bit >= 0 && (masks[offset + (bit >>> 5)]! & (1 << (bit & 31))) !== 0)
          best = quality;
      }
      return best;
    });
  if (words !== 1) return compute;
  const memo = new Map<number, Coverage>();
  return (masks, offset) => {
    const mask = masks[offset]!;
    let c = memo.get(mask);
    if (c === undefined) {
      c = compute(masks, offset);
      memo.set(mask, c);
    }
    return c;
  };
}
