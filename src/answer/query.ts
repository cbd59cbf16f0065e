import { capitalOf, countryOf, countryWordKeys } from '../facts/geo.js';
import type { SearchIndex } from '../index/searchIndex.js';
import { EMPTY_LEXICON, FORM_QUALITY, type Lexicon } from '../text/lexicon.js';
import { fold, isStopWord, stripFormat, termKey, tokenize, transliterationFold } from '../text/normalize.js';
import { ordinalForms, ordinalValue } from '../text/ordinals.js';
import { canonicalPeriods, FIRST_HALF_WORD, QUARTER_WORDS, SECOND_HALF_WORD } from '../text/periods.js';
import { idiomsIn, synonymsOf } from '../text/synonyms.js';
import { type AnswerType, answerTypeOf } from './answerType.js';
import { type FigureAsked, figureAsked } from './factFit.js';

/** How a query word was matched to the corpus's vocabulary ('synonym': by meaning, or another form of it). */
export type MatchKind = 'exact' | 'synonym' | 'prefix' | 'fuzzy' | 'none';

export interface QueryTerm {
  /** The word as typed. */
  word: string;
  key: string;
  /** Information weight (BM25 idf); words the corpus lacks weigh the most. */
  weight: number;
  /** Index keys this word matches, with a match quality in (0, 1]. */
  expansions: Map<string, number>;
  kind: MatchKind;
  /**
   * A place the question names (a country or capital, or a capitalised word
   * the corpus never uses): an answer must match it, however much else it
   * matches. "Trade between Kyrgyzstan and Uzbekistan" is not answered by a
   * figure for Tajikistan and Uzbekistan.
   */
  required: boolean;
  /**
   * A name (a person or place the question is about) rather than what it asks
   * about them: "Aliyev" in "When was Aliyev born?".
   */
  name: boolean;
  /** A person the corpus knows, named in the question (required: a question about Tokayev is not answered about Rahmon). */
  person: boolean;
  /**
   * The kind of answer asked for ("year" in "By what year…", "place" in "What
   * place…"): it counts when a sentence has it, and is not missed when not.
   */
  optional: boolean;
  /** A city asked as where something happened ("visit Cairo", "in Yerevan"), not as who acted. */
  where: boolean;
  /**
   * A word of the question's own phrasing ("will", "say", "discuss", "went"): it counts little, is
   * not missed when a sentence lacks it, and is not what a question about a name asks.
   */
  phrasing: boolean;
  /**
   * What "how much" or "how many" asks to count ("gas" in "How much gas…", "Moroccans" in "How many
   * Moroccans…"): an answer must name it (or a related word).
   */
  counted: boolean;
  /**
   * A word that names the answer's type ("price" in "What is the price…", "pact" in "Which pact…"):
   * a sentence that holds an answer of that type (every relevant one does) meets it.
   */
  typeWord: boolean;
  /** A type word that asks what something costs ("price", "cost"): met, it is something asked about. */
  priceWord: boolean;
}

export interface QueryPlan {
  terms: QueryTerm[];
  /** How many terms are not names: an answer must match at least one of them, when there are any. */
  plainTerms: number;
  /** Every index key to search, with the best quality any term gives it. */
  keys: Map<string, number>;
  /** What the answer must contain, by the question's form ("how much" → an amount), or null. */
  answerType: AnswerType | null;
  /** What it asks of a trade figure: its measure and the span of its period. */
  figure: FigureAsked;
}

export interface PlanOptions {
  /** Keys of the words of people's names and aliases: never expanded. */
  names?: ReadonlySet<string>;
  /** Keys of people's own names: a question naming one is about that person (required). */
  people?: ReadonlySet<string>;
  /**
   * People's own name words as spelled (folded): a lower-case word is a name only when it is spelled
   * like one, so "buy" is not "Bui" though both stem to `bui`. Without it, keys decide.
   */
  peopleSpelled?: ReadonlySet<string>;
  /** Related words (the engine's table); none when absent. */
  lexicon?: Lexicon;
}

/** A word right after "what", "which" or "whose" (and maybe "the") names the kind of answer asked for. */
const ANSWER_KIND = /\b(?:what|which|whose)\s+(?:the\s+)?$/i;

/** Quality of another name of the same country ("Uzbek" for "Uzbekistan"). */
const COUNTRY_FORM_QUALITY = 0.9;
/** Quality of a country for its capital named as an actor ("Tashkent and Seoul agreed" → Uzbekistan, Korea). */
const CAPITAL_AS_COUNTRY_QUALITY = 0.85;
/** Words before a place that make it where something happens, not who acts. */
const LOCATIVE_BEFORE =
  /\b(?:in|at|to|into|near|outside|around|visit|visits|visited|visiting|toured|tour|reached|arrived|landed|hosted|held)\s+(?:the\s+)?$/i;
/** Quality of a match by meaning rather than spelling. */
const SYNONYM_QUALITY = 0.8;
/** Quality of a completion of the last, maybe unfinished, word. */
const PREFIX_QUALITY = 0.6;
/** Quality when the typed word is a longer form of an indexed stem ("negotiat" → "negoti"). */
const STEM_PREFIX_QUALITY = 0.9;
const MAX_EXPANSIONS = 8;
/** A related word in more sentences than this, and than twice the word itself, is not searched. */
const RELATED_DF_FLOOR = 500;
const PERIOD_WORDS: ReadonlySet<string> = new Set([FIRST_HALF_WORD, SECOND_HALF_WORD, ...QUARTER_WORDS]);
/** Words shorter than this never get completions or spelling neighbours: `ttt` is not a typo for anything. */
const MIN_GUESS_LENGTH = 4;
/** A four-digit year in a question: an answer must be about it (or its article must be). */
const YEAR = /^(?:1[89]|20)\d\d$/;
/**
 * Words of how a question is put rather than what it is about: auxiliaries, verbs of saying and
 * going, light verbs ("put their names to", "make a visit") and prepositions that only
 * frame the question ("according to Xi"). General English, not any corpus's words. Lower-case only
 * ("May" is a month).
 */
const PHRASING = new Set(
  'will would could should shall might must per say says said saying tell tells told discuss discusses discussed mention mentioned describe described cite cites cited announce announces announced go goes went gone get gets got happen happened take takes took make makes made put puts according amid'.split(
    ' ',
  ),
);
/** "Take place" is "happen": its "place" is the question's phrasing, not a place asked for. */
const TAKE_BEFORE = /\b(?:take|takes|took|taken|taking)\s+$/i;
/** Months and weekdays: "in May" is when, not where. */
const CALENDAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
/** Share of the question's usual word weight a phrasing word keeps. */
const PHRASING_WEIGHT = 0.5;
/** "How much gas does…", "how many Moroccans live…": what is counted runs up to the verb. */
const COUNTED =
  /\bhow\s+(?:much|many)\s+((?:[\p{L}\p{N}'’-]+\s+){0,4}?)(?:do|does|did|is|are|was|were|will|would|has|have|had|can|could)\b/iu;
/** What is counted when the count itself is the answer: not a thing an answer must name. */
const GENERIC_COUNTED = new Set(
  'money cash funds people persons times time days weeks months years hours percent'.split(' '),
);
const PRICE_WORDS: ReadonlySet<string> = new Set(['price', 'cost', 'costs']);
/** Words naming an answer of each type: met by a sentence that holds one. */
const TYPE_WORDS: Record<AnswerType, ReadonlySet<string>> = {
  amount: new Set(
    'price cost costs value worth amount sum size level share volume total figure large big high long much many'.split(
      ' ',
    ),
  ),
  date: new Set('year date month day time'.split(' ')),
  place: new Set('place city capital venue town'.split(' ')),
  person: new Set('official person leader minister'.split(' ')),
  statement: new Set<string>(),
  agreement: new Set(
    'agreement agreements instrument instruments treaty treaties memorandum memoranda accord accords pact pacts deal deals document documents declaration protocol convention contract roadmap'.split(
      ' ',
    ),
  ),
};

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

interface ExpandContext {
  index: SearchIndex;
  names: ReadonlySet<string>;
  people: ReadonlySet<string>;
  peopleSpelled: ReadonlySet<string> | undefined;
  lexicon: Lexicon;
  /** Completions and spelling neighbours are allowed (the question is not noise). */
  guesses: boolean;
}

function expand(
  { index, names, people, peopleSpelled, lexicon, guesses }: ExpandContext,
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
    for (const form of countryWordKeys(country)) {
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
    for (const form of countryWordKeys(capital.country)) {
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
    const candidates = [
      ...index.fuzzyKeys(key, maxEditDistance(key.length)),
      // A four-letter name gets only its transpositions ("Iarn"), no edits; a number none ("2021").
      ...(length >= 5 || (length >= MIN_GUESS_LENGTH && /^\p{Lu}\p{L}+$/u.test(word))
        ? index.spellingKeys(word, maxEditDistance(length))
        : []),
    ].sort((a, b) => a.distance - b.distance || b.df - a.df);
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
  const unknownName = kind === 'none' && midQuestion && capitalised && !CALENDAR.test(word);
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
    name,
    person,
    optional: false,
    where: (capital !== undefined && !country && locative) || site,
    phrasing: false,
    counted: false,
    typeWord: false,
    priceWord: false,
  };
}

/**
 * Turns a question into weighted terms and the index keys each matches:
 * stop words out, then per word its exact key, synonyms, a completion when
 * it is the last word still being typed, or else spelling neighbours.
 */
export function planQuery(index: SearchIndex, asked: string, options: PlanOptions = {}): QueryPlan {
  const names = options.names ?? new Set<string>();
  const lexicon = options.lexicon ?? EMPTY_LEXICON;
  const question = canonicalPeriods(stripFormat(asked));
  const all = tokenize(question);
  const words = all.filter((w) => !isStopWord(w));
  const prefixLast = /[\p{L}\p{N}]$/u.test(question);
  // Noise is not a question: with no word the corpus uses, nothing is guessed.
  const context: ExpandContext = {
    index,
    names,
    people: options.people ?? new Set<string>(),
    peopleSpelled: options.peopleSpelled,
    lexicon,
    guesses: words.some((w) => index.documentFrequency(termKey(w)) > 0),
  };
  const phrases = phraseMeanings(all, lexicon);
  // "Put their names to" means "sign": its head word means that, its other words are phrasing.
  const idioms = idiomsIn(question);
  const idiomPhrasing = new Set(idioms.flatMap((i) => i.rest.map((w) => w.toLowerCase())));
  for (const idiom of idioms) {
    const into = phrases.get(idiom.head) ?? new Map<string, number>();
    for (const k of idiom.meaning) if (index.documentFrequency(k) > 0) into.set(k, SYNONYM_QUALITY);
    phrases.set(idiom.head, into);
  }
  const asksSomething = words.some((w) => /^\p{Ll}/u.test(w));
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  // Where each content word stands in the question: a capital at its very start says nothing.
  const firstWordAt = question.search(/[\p{L}\p{N}]/u);
  let from = 0;
  const positions = words.map((w) => {
    const at = question.indexOf(w, from);
    from = at + w.length;
    return at;
  });
  words.forEach((word, i) => {
    const key = termKey(word);
    if (seen.has(key)) return;
    seen.add(key);
    const term = expand(
      context,
      word,
      key,
      prefixLast && i === words.length - 1,
      positions[i] !== firstWordAt,
      phrases.get(word) ?? new Map(),
      // A question of names only ("Dushanbe") asks for the names themselves.
      !asksSomething || LOCATIVE_BEFORE.test(question.slice(0, positions[i])),
    );
    // "what year", "which place": the word names the answer's kind. A
    // half-year narrows what is asked, but a sentence need not write it.
    term.optional =
      !term.required && (ANSWER_KIND.test(question.slice(0, positions[i])) || PERIOD_WORDS.has(word));
    const at = positions[i]!;
    // A short lower-case word inside a name ("Dar es Salaam", "bin Salman") is part of the name.
    if (
      !term.name &&
      fold(word).length <= 3 &&
      /\p{Lu}[\p{L}'’-]*\s+$/u.test(question.slice(0, at)) &&
      /^\s+\p{Lu}/u.test(question.slice(at + word.length))
    )
      term.name = true;
    // A misspelt name ("Oripov") that reaches a person's name is that person.
    if (
      term.name &&
      !term.person &&
      term.kind === 'fuzzy' &&
      [...term.expansions.keys()].some((k) => context.people.has(k))
    ) {
      term.person = true;
      term.required = true;
    }
    term.phrasing =
      !term.required &&
      !term.name &&
      (PHRASING.has(word) ||
        idiomPhrasing.has(word.toLowerCase()) ||
        (word === 'place' && TAKE_BEFORE.test(question.slice(0, positions[i]))));
    terms.push(term);
  });
  joinPlaceNames(question, words, positions, terms);
  const answerType = answerTypeOf(question);
  const typeWords = answerType ? TYPE_WORDS[answerType] : undefined;
  for (const t of terms) {
    if (typeWords && !t.required && /^\p{Ll}/u.test(t.word) && typeWords.has(t.word.toLowerCase()))
      t.typeWord = true;
    t.priceWord = t.typeWord && PRICE_WORDS.has(t.word.toLowerCase());
  }
  const counted = countedWords(question);
  for (const t of terms) {
    if (!t.phrasing && !t.typeWord && !/^\d+$/.test(t.word) && counted.has(t.word.toLowerCase()))
      t.counted = true;
  }
  // A common word the corpus never uses ("flow", "handed") weighs like the
  // question's other words, not like the rarest: it is usually the question's
  // phrasing. An unknown name keeps its weight (and is required).
  // The same holds for a word matched only through a related word: it weighs
  // like the question's words, not like its rare relative ("flow" ~ "result").
  const literal = terms.filter((t) => t.expansions.has(t.key));
  const known = literal.length > 0 ? literal : terms.filter((t) => t.kind !== 'none');
  const usual = known.length > 0 ? known.reduce((sum, t) => sum + t.weight, 0) / known.length : 0;
  for (const t of terms) {
    const phrasing = t.kind === 'none' || (t.kind === 'synonym' && !t.expansions.has(t.key));
    if (phrasing && !t.required && known.length > 0 && /^\p{Ll}/u.test(t.word))
      t.weight = Math.min(t.weight, usual);
    if (t.phrasing && known.length > 0) t.weight = Math.min(t.weight, usual) * PHRASING_WEIGHT;
  }
  const keys = new Map<string, number>();
  for (const term of terms) {
    for (const [k, quality] of term.expansions) keys.set(k, Math.max(keys.get(k) ?? 0, quality));
  }
  return {
    terms,
    keys,
    plainTerms: terms.filter((t) => (!t.name && !t.phrasing && (!t.typeWord || t.priceWord)) || t.counted)
      .length,
    answerType,
    figure: figureAsked(question),
  };
}

/**
 * Two capitalised words that together name a country or capital ("South Korea", "New Delhi", "Saudi
 * Arabia") are one place: the word that alone names nothing ("New", "South") is dropped, and the
 * place is required of an answer like any other (where something happened, after "in" or "to").
 */
function joinPlaceNames(
  question: string,
  words: readonly string[],
  positions: readonly number[],
  terms: QueryTerm[],
): void {
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (!/^\p{Lu}/u.test(a) || !/^\p{Lu}/u.test(b)) continue;
    // Only words side by side in the question: "Kenya and Ethiopia" are two places.
    if (!/^\s+$/.test(question.slice(positions[i]! + a.length, positions[i + 1]!))) continue;
    const pair = `${a} ${b}`;
    const capital = capitalOf(pair);
    if (countryOf(pair) === undefined && capital === undefined) continue;
    const first = terms.find((t) => t.word === a);
    const second = terms.find((t) => t.word === b);
    if (!first || !second) continue;
    const alone = (w: string) => countryOf(w) !== undefined || capitalOf(w) !== undefined;
    const [drop, keep] = alone(a) && !alone(b) ? [second, first] : [first, second];
    terms.splice(terms.indexOf(drop), 1);
    keep.required = true;
    keep.name = true;
    keep.optional = false;
    keep.phrasing = false;
    if (capital && LOCATIVE_BEFORE.test(question.slice(0, positions[i]))) keep.where = true;
    i++;
  }
}

/** The words (lower-cased) of what "how much" or "how many" asks to count, generic ones left out. */
function countedWords(question: string): Set<string> {
  const out = new Set<string>();
  const m = COUNTED.exec(question);
  let phrase = m?.[1];
  if (phrase === undefined) {
    // No verb after it ("How many Moroccans reside in Spain?"): the word right after.
    phrase = /\bhow\s+(?:much|many)\s+([\p{L}'’-]+)/iu.exec(question)?.[1];
  }
  for (const w of tokenize(phrase ?? '')) {
    const lower = w.toLowerCase();
    if (!isStopWord(w) && !GENERIC_COUNTED.has(lower)) out.add(lower);
  }
  return out;
}

/**
 * Phrases of the lexicon in a question's words ("hand over"), by the first
 * content word of each: that word also matches what the phrase means.
 */
function phraseMeanings(all: readonly string[], lexicon: Lexicon): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  if (lexicon.longestPhrase < 2) return out;
  const keys = all.map((w) => termKey(w));
  for (let i = 0; i < all.length; i++) {
    for (let n = Math.min(lexicon.longestPhrase, all.length - i); n >= 2; n--) {
      const meaning = lexicon.phrase(keys.slice(i, i + n));
      if (meaning.size === 0) continue;
      const head = all.slice(i, i + n).find((w) => !isStopWord(w));
      if (head) {
        const into = out.get(head) ?? new Map<string, number>();
        for (const [k, q] of meaning) if (q > (into.get(k) ?? 0)) into.set(k, q);
        out.set(head, into);
      }
      break;
    }
  }
  return out;
}

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
  'weight' | 'required' | 'name' | 'optional' | 'person' | 'phrasing' | 'counted' | 'typeWord' | 'priceWord'
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
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const best = term.typeWord ? 1 : bestOf(term);
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
      if ((!term.name && !term.phrasing && (!term.typeWord || term.priceWord)) || term.counted)
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
