import { capitalOf, countryOf } from '../facts/geo.js';
import type { SearchIndex } from '../index/searchIndex.js';
import { FORM_QUALITY, type Lexicon } from '../text/lexicon.js';
import { fold, termKey, transliterationFold } from '../text/normalize.js';
import { ordinalForms, ordinalValue } from '../text/ordinals.js';
import { synonymsOf } from '../text/synonyms.js';
import { countryForms } from './countryForms.js';
import type { MatchKind, QueryTerm } from './queryTerm.js';

/**
 * One question word's matches in the index: its own key, other names of a place, forms and related
 * words by meaning, a completion of the last word, or spelling neighbours.
 */

/** Quality of another name of the same country ("Uzbek" for "Uzbekistan"). */
const COUNTRY_FORM_QUALITY = 0.9;
/** Quality of a country for its capital named as an actor ("Tashkent and Seoul agreed" → Uzbekistan, Korea). */
const CAPITAL_AS_COUNTRY_QUALITY = 0.85;
/** Quality of a match by meaning rather than spelling. */
export const SYNONYM_QUALITY = 0.8;
/** Quality of a completion of the last, maybe unfinished, word. */
const PREFIX_QUALITY = 0.6;
/** Quality when the typed word is a longer form of an indexed stem ("negotiat" → "negoti"). */
const STEM_PREFIX_QUALITY = 0.9;
const MAX_EXPANSIONS = 8;
/** A related word in more sentences than this, and than twice the word itself, is not searched. */
const RELATED_DF_FLOOR = 500;
/** Words shorter than this never get completions or spelling neighbours: `ttt` is not a typo for anything. */
const MIN_GUESS_LENGTH = 4;
/** A four-digit year in a question: an answer must be about it (or its article must be). */
const YEAR = /^(?:1[89]|20)\d\d$/;
/** Months and weekdays: "in May" is when, not where. */
const CALENDAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/** A word as spelled, folded (case, accents, romanisation variants) but not stemmed. */
export function spelledKey(word: string): string {
  return transliterationFold(fold(word));
}

/** Edit distance allowed for a key of this length: none for short words, where a typo is a different word. */
export function maxEditDistance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

function fuzzyQuality(distance: number, length: number): number {
  return Math.max(0.3, 1 - (1.5 * distance) / length);
}

/** BM25's idf, as MiniSearch uses it. */
export function idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

export interface ExpandContext {
  index: SearchIndex;
  names: ReadonlySet<string>;
  people: ReadonlySet<string>;
  peopleSpelled: ReadonlySet<string> | undefined;
  lexicon: Lexicon;
  /** Completions and spelling neighbours are allowed (the question is not noise). */
  guesses: boolean;
  /** The question is typed in lower case (past its first letter): its names are too. */
  lowerCase?: boolean;
}

export function expand(
  { index, names, people, peopleSpelled, lexicon, guesses, lowerCase }: ExpandContext,
  word: string,
  key: string,
  isLast: boolean,
  midQuestion: boolean,
  phraseMeaning: ReadonlyMap<string, number>,
  locative: boolean,
): QueryTerm {
  const expansions = new Map<string, number>();
  let kind: MatchKind = 'none';
  const add = (k: string, quality: number) => {
    if ((expansions.get(k) ?? 0) < quality) expansions.set(k, quality);
  };
  const byMeaning = (k: string, quality: number) => {
    if (k === key || index.documentFrequency(k) === 0) return;
    add(k, quality);
    if (kind === 'none') kind = 'synonym';
  };

  if (index.documentFrequency(key) > 0) {
    add(key, 1);
    kind = 'exact';
  }
  // "8th" and "eighth" are one word.
  const ordinal = ordinalValue(word);
  if (ordinal !== null) {
    for (const form of ordinalForms(ordinal)) {
      const k = termKey(form);
      if (index.documentFrequency(k) > 0) {
        add(k, 1);
        kind = 'exact';
      }
    }
  }
  const capitalised = /^\p{Lu}/u.test(word);
  const country = capitalised || midQuestion ? countryOf(word) : undefined;
  if (country) {
    for (const form of countryForms(country)) {
      const k = termKey(form);
      if (k !== key && index.documentFrequency(k) > 0) {
        add(k, COUNTRY_FORM_QUALITY);
        if (kind === 'none') kind = 'synonym';
      }
    }
  }
  const capital = capitalOf(word);
  // A capital that is not where something happens stands for its country: "Tashkent and Seoul want…",
  // "Minsk's surplus", "Paris will provide". "In Tashkent" is the city itself.
  if (capital && !country && !locative) {
    for (const form of countryForms(capital.country)) {
      const k = termKey(form);
      if (k !== key && index.documentFrequency(k) > 0) {
        add(k, CAPITAL_AS_COUNTRY_QUALITY);
        if (kind === 'none') kind = 'synonym';
      }
    }
  }
  const place = country !== undefined || capital !== undefined;
  // A lower-case word is a name only when it is a person's own name ("tokayev"), not a word of an
  // alias ("commerce" of "Commerce Minister Pekcan").
  const ownName = people.has(key) && (capitalised || !peopleSpelled || peopleSpelled.has(spelledKey(word)));
  const name = place || (capitalised && (midQuestion || names.has(key))) || (!capitalised && ownName);
  // Names and places are never expanded by meaning: "Turkey" is not a bird here.
  if (!name) {
    for (const form of lexicon.forms(key)) byMeaning(form, FORM_QUALITY);
    for (const synonym of synonymsOf(key)) byMeaning(synonym, SYNONYM_QUALITY);
    // In a phrase the word means what the phrase means: "place" in "take place" is not a position.
    const meanings = phraseMeaning.size > 0 ? phraseMeaning : lexicon.related(key);
    // A related word far commoner than the word itself brings in thousands of sentences, each a
    // weak match (it counts less than the word): past a few hundred, it is left out.
    const most = Math.max(RELATED_DF_FLOOR, 2 * index.documentFrequency(key));
    for (const [k, quality] of meanings) {
      if (index.documentFrequency(k) > most) continue;
      byMeaning(k, quality);
      // Any form of the related word: "acquired" ~ "buy" meets "bought".
      for (const form of lexicon.forms(k))
        if (index.documentFrequency(form) <= most) byMeaning(form, quality * FORM_QUALITY);
    }
  }
  const length = fold(word).length;
  if (guesses && isLast && length >= MIN_GUESS_LENGTH) {
    const typed = transliterationFold(fold(word));
    for (const { key: k } of index.prefixKeys(typed, MAX_EXPANSIONS)) add(k, PREFIX_QUALITY);
    for (let n = typed.length - 1; n >= Math.max(3, typed.length - 3); n--) {
      const stem = typed.slice(0, n);
      if (index.documentFrequency(stem) > 0) add(stem, STEM_PREFIX_QUALITY);
    }
    if (kind === 'none' && expansions.size > 0) kind = 'prefix';
  }
  if (kind === 'none' && guesses && length >= MIN_GUESS_LENGTH && !/^\d+$/.test(word)) {
    // Spelling neighbours, of the key (a typo that stems alike) and of the
    // word as written (a typo that breaks stemming); the closest ones only.
    const neighbours = [
      ...index.fuzzyKeys(key, maxEditDistance(key.length)),
      // A four-letter name gets only its transpositions ("Iarn"), no edits; a number none ("2021").
      ...(length >= 5 || (length >= MIN_GUESS_LENGTH && /^\p{Lu}\p{L}+$/u.test(word))
        ? index.spellingKeys(word, maxEditDistance(length))
        : []),
    ]
      // A name misspelt is a name: "Marcos" is not the month "March".
      .filter((c) => !capitalised || CALENDAR.test(word) || !CALENDAR.test(c.key))
      .sort((a, b) => a.distance - b.distance || b.df - a.df);
    // …and, when a person's name is among its neighbours, one of those.
    const candidates =
      capitalised && neighbours.some((c) => names.has(c.key))
        ? neighbours.filter((c) => names.has(c.key))
        : neighbours;
    const best = candidates[0]?.distance;
    for (const c of candidates.filter((c) => c.distance === best).slice(0, MAX_EXPANSIONS)) {
      add(c.key, fuzzyQuality(c.distance, length));
    }
    if (expansions.size > 0) kind = 'fuzzy';
  }

  const documents = Math.max(1, index.docs.length);
  let df = 0;
  let bestQuality = 0;
  for (const [k, quality] of expansions) {
    if (quality > bestQuality) {
      bestQuality = quality;
      df = index.documentFrequency(k);
    }
  }
  // A month no article writes is still a month: an article dated in it may answer.
  // A word typed in lower case that neither the corpus nor the English of the lexicon knows ("oran",
  // "tokayev") is a name too: questions typed in lower case name places and people so.
  const unknownLower =
    kind === 'none' &&
    lowerCase === true &&
    !capitalised &&
    /^\p{L}{3,}$/u.test(word) &&
    !CALENDAR.test(word) &&
    lexicon.knows?.(word) === false &&
    // The last word may be still being typed ("state vis"): not when it begins a word of the corpus.
    !(isLast && index.prefixKeys(transliterationFold(fold(word)), 1).length > 0);
  const unknownName = (kind === 'none' && midQuestion && capitalised && !CALENDAR.test(word)) || unknownLower;
  // A question about a named person or a year is not answered about another.
  const person = ownName && (capitalised || midQuestion);
  // A name after "in", "at", "visit"… is where something happened ("discuss in Istanbul"): required.
  const site =
    !place &&
    !person &&
    name &&
    capitalised &&
    midQuestion &&
    locative &&
    kind !== 'none' &&
    !CALENDAR.test(word);
  return {
    word,
    key,
    weight: idf(documents, df),
    expansions,
    kind,
    // Which session or rank ("the 8th commission", "third largest") is asked like a year; "first" is
    // too common a word ("for the first time") to require.
    required: place || site || unknownName || person || YEAR.test(word) || (ordinal !== null && ordinal >= 2),
    name: name || unknownLower,
    person,
    optional: false,
    where: (capital !== undefined && !country && locative) || site,
    phrasing: false,
    counted: false,
    typeWord: false,
    priceWord: false,
  };
}
