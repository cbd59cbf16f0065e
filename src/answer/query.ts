import { capitalOf, countryOf } from '../facts/geo.js';
import type { SearchIndex } from '../index/searchIndex.js';
import { EMPTY_LEXICON, type Lexicon } from '../text/lexicon.js';
import { isStopWord, stripFormat, termKey, tokenize } from '../text/normalize.js';
import { canonicalPeriods, FIRST_HALF_WORD, QUARTER_WORDS, SECOND_HALF_WORD } from '../text/periods.js';
import { idiomsIn } from '../text/synonyms.js';
import { type AnswerType, answerTypeOf } from './answerType.js';
import { countryForms } from './countryForms.js';
import { type ExpandContext, expand, SYNONYM_QUALITY } from './expand.js';
import { figureAsked, measureOf } from './factFit.js';
import type { QueryPlan, QueryTerm } from './queryTerm.js';
import { askedTradeWay } from './tradeWay.js';

/** A currency sign right before a number ("$500", "US$ 2", "€30"). */
const CURRENCY_BEFORE = /[$€£¥]\s?$/;
/** A scale or unit right after a number, maybe after its decimals ("2.3 billion", "20 percent"). */
const SCALE_AFTER = /^(?:[.,]\d+)?\s*(?:million|billion|trillion|percent|per cent|%)/i;
/** A year is required as a year (expand.ts), not as a figure. */
const YEAR_LIKE = /^(?:1[89]|20)\d\d$/;
/** A compass word at the start of a country's name ("South Korea"). */
const COMPASS = /^(?:North|South|East|West|Central)$/;
/** Quality of another name of the country two words name (as in expand.ts). */
const COUNTRY_FORM_QUALITY = 0.9;

/**
 * A question as search terms (src/answer/expand.ts matches each word): which words are names, places
 * and years an answer must hold, which are the question's phrasing, what it counts, and the answer
 * type its form asks for.
 */

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

/** Words before a place that make it where something happens, not who acts. */
const LOCATIVE_BEFORE =
  /\b(?:in|at|to|into|near|outside|around|visit|visits|visited|visiting|toured|tour|reached|arrived|landed|hosted|held)\s+(?:the\s+)?$/i;
const PERIOD_WORDS: ReadonlySet<string> = new Set([FIRST_HALF_WORD, SECOND_HALF_WORD, ...QUARTER_WORDS]);
/**
 * Words of how a question is put rather than what it is about: auxiliaries, verbs of saying and
 * going, light verbs ("put their names to", "make a visit") and prepositions that only
 * frame the question ("according to Xi"). General English, not any corpus's words. Lower-case only
 * ("May" is a month).
 */
const PHRASING = new Set(
  'will would could should shall might must per say says said saying tell tells told discuss discusses discussed mention mentioned describe described cite cites cited announce announces announced go goes going went gone get gets got happen happened take takes took make makes made put puts according amid'.split(
    ' ',
  ),
);
/** Quality of a first name or title of a person ("Abdulla" of "Abdulla Aripov") met alone. */
const NAME_PART_QUALITY = 0.6;
/**
 * The small words inside names of many languages ("Dar es Salaam", "bin Salman", "Marcio de Lima"): a
 * verb between two names ("Sheinbaum met Trudeau") is not one of them.
 */
const NAME_PARTICLE =
  /^(?:de|da|di|do|du|del|della|dos|das|der|den|van|von|ter|ten|zu|bin|ibn|bint|ben|abu|al|el|la|le|es|y)$/;
/** "Take place" is "happen": its "place" is the question's phrasing, not a place asked for. */
const TAKE_BEFORE = /\b(?:take|takes|took|taken|taking)\s+$/i;
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
    lowerCase: !/\p{Lu}/u.test(question.slice(question.search(/\p{L}/u) + 1)),
  };
  const phrases = phraseMeanings(all, lexicon);
  // "Put their names to" means "sign": its head word means that, its other words are phrasing.
  const idioms = idiomsIn(question);
  const idiomPhrasing = new Set(idioms.flatMap((i) => i.rest.map((w) => w.toLowerCase())));
  const idiomHeads = new Set(idioms.map((i) => i.head));
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
      NAME_PARTICLE.test(word) &&
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
    // A light verb that heads an idiom means what the idiom means ("put into" → invest).
    term.phrasing =
      !term.required &&
      !term.name &&
      !idiomHeads.has(word) &&
      (PHRASING.has(word) ||
        idiomPhrasing.has(word.toLowerCase()) ||
        (word === 'place' && TAKE_BEFORE.test(question.slice(0, positions[i]))));
    terms.push(term);
  });
  joinPlaceNames(question, words, positions, terms);
  const nameWords = joinPersonNames(question, words, positions, terms);
  // A figure the question states ("trade reached $500 million") is one an answer must write.
  words.forEach((w, i) => {
    if (!/^\d+$/.test(w) || YEAR_LIKE.test(w)) return;
    const at = positions[i]!;
    const before = question.slice(Math.max(0, at - 3), at);
    const after = question.slice(at + w.length, at + w.length + 16);
    if (!CURRENCY_BEFORE.test(before) && !SCALE_AFTER.test(after)) return;
    const term = terms.find((t) => t.word === w);
    if (!term) return;
    term.required = true;
    term.name = true;
    term.figure = true;
  });
  const answerType = answerTypeOf(question);
  const typeWords = answerType ? TYPE_WORDS[answerType] : undefined;
  for (const t of terms) {
    if (typeWords && !t.required && /^\p{Ll}/u.test(t.word) && typeWords.has(t.word.toLowerCase()))
      t.typeWord = true;
    t.priceWord = t.typeWord && PRICE_WORDS.has(t.word.toLowerCase());
  }
  // The measure a "how much" question asks ("export", "grow") is met by its own words or their
  // listed synonyms, not by a loosely related word: the total trade is not the exports.
  if (answerType === 'amount') {
    for (const t of terms) {
      if (measureOf(t.key) === undefined) continue;
      for (const [k, q] of t.expansions)
        if (q < SYNONYM_QUALITY && measureOf(k) === undefined) t.expansions.delete(k);
    }
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
  // What an agreement asked about is on ("a defence cooperation agreement", "a deal on gas storage"):
  // its heaviest word is the question's topic (see QueryTerm.topic).
  // Asked yes or no ("Did they sign a defence pact?"), the agreement is named to be checked, not found.
  const subject = YES_NO.test(question) ? agreementSubject(all) : new Set<string>();
  const topics = terms.filter(
    (t) =>
      subject.has(t.word.toLowerCase()) && !t.name && !t.required && !t.phrasing && !t.typeWord && !t.counted,
  );
  // Any of them answers ("gas" of "gas storage"); a longer word it begins meets it ("tax" ~ "taxation").
  for (const t of topics) {
    t.topic = true;
    if (t.key.length < TOPIC_PREFIX_MIN) continue;
    for (const { key: k } of index.prefixKeys(t.key, TOPIC_PREFIXES))
      if (!t.expansions.has(k)) t.expansions.set(k, TOPIC_PREFIX_QUALITY);
  }
  const keys = new Map<string, number>();
  for (const term of terms) {
    for (const [k, quality] of term.expansions) keys.set(k, Math.max(keys.get(k) ?? 0, quality));
  }
  return {
    terms,
    keys,
    plainTerms: terms.filter(
      (t) => (!t.name && !t.required && !t.phrasing && (!t.typeWord || t.priceWord)) || t.counted,
    ).length,
    contentWords: terms.length + nameWords,
    answerType,
    figure: figureAsked(question),
    tradeWay: askedTradeWay(question),
  };
}

/** Shortest key of a topic word that a longer word beginning with it meets, how many such words, and their quality. */
const TOPIC_PREFIX_MIN = 3;
const TOPIC_PREFIXES = 5;
const TOPIC_PREFIX_QUALITY = 0.5;
/** Words that say of an agreement only how it is made, not what it is on. */
const GENERIC_SUBJECT = new Set(
  'cooperation bilateral joint new economic strategic comprehensive framework intergovernmental major important key first big'.split(
    ' ',
  ),
);
/** A question asked yes or no. */
const YES_NO = /^\s*(?:did|was|were|has|have|is|are|do|does)\b/i;
/** Words for what is signed: the agreement words, and "anything" of "did they sign anything on…". */
const SIGNED = new Set([...TYPE_WORDS.agreement, 'anything', 'something']);
const PRONOUN_SIGNED: ReadonlySet<string> = new Set(['anything', 'something']);
/** Words after a word for what is signed that say what it is about. */
const ABOUT = /^(?:on|about|concerning|regarding|covering)$/;

/**
 * The words that say what an agreement the question asks about is on: the two before its word ("a
 * defence cooperation agreement") and the two after "on" or "about" right after it ("a deal on gas
 * storage"), stop words left out. Lower case.
 */
function agreementSubject(all: readonly string[]): Set<string> {
  const out = new Set<string>();
  const lower = all.map((w) => w.toLowerCase());
  lower.forEach((w, i) => {
    if (!SIGNED.has(w)) return;
    // "sign anything on…": what comes before "anything" is the verb.
    for (const j of PRONOUN_SIGNED.has(w) ? [] : [i - 1, i - 2]) {
      const before = lower[j];
      if (before === undefined || isStopWord(before) || SIGNED.has(before)) break;
      if (!GENERIC_SUBJECT.has(before)) out.add(before);
    }
    if (ABOUT.test(lower[i + 1] ?? '')) {
      for (const j of [i + 2, i + 3]) {
        const after = lower[j];
        if (after === undefined || isStopWord(after)) break;
        if (!GENERIC_SUBJECT.has(after)) out.add(after);
      }
    }
  });
  return out;
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
    // Typed in lower case ("sri lanka"), two words still name a country together.
    const typedLower = !/^\p{Lu}/u.test(a) || !/^\p{Lu}/u.test(b);
    if (typedLower && (!/^\p{L}/u.test(a) || !/^\p{L}/u.test(b))) continue;
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
    // "sri lankan" names what "Sri Lanka" does: the country's one-word names and the last word of its
    // name (not a compass word's partner: "Africa" alone is not South Africa).
    const country = countryOf(pair);
    if (country !== undefined) {
      const parts = country.split(' ');
      const tail = parts.length === 2 && !COMPASS.test(parts[0]!) ? [parts[1]!] : [];
      for (const form of [...countryForms(country), ...tail]) {
        const k = termKey(form);
        if (!keep.expansions.has(k)) keep.expansions.set(k, COUNTRY_FORM_QUALITY);
      }
    }
    if (capital && LOCATIVE_BEFORE.test(question.slice(0, positions[i]))) keep.where = true;
    i++;
  }
}

/**
 * Capitalised words side by side of which one names a person the corpus knows ("Gideon Timotewos",
 * "President Lee", "Ismail Omar Geulleh") are one name: a sentence that names the person in any of
 * its words ("Gedion said", "Guelleh said") names them. The words become one required term that
 * matches what any of them matches, weighing as much as its matched words together; a word of it
 * that matches nothing (a first name spelt another way) is not missed. Returns how many matched words
 * were joined onto another.
 */
function joinPersonNames(
  question: string,
  words: readonly string[],
  positions: readonly number[],
  terms: QueryTerm[],
): number {
  const termOf = (w: string) => terms.find((t) => t.word === w);
  let joined = 0;
  let i = 0;
  while (i < words.length) {
    let j = i;
    const next = (k: number) =>
      k + 1 < words.length &&
      /^\s+$/.test(question.slice(positions[k]! + words[k]!.length, positions[k + 1]!));
    // "Marcio de Lima Leite", "Mohammed bin Salman": a short particle between capitals is of the name.
    const particle = (k: number) =>
      NAME_PARTICLE.test(words[k]!) && next(k) && /^\p{Lu}/u.test(words[k + 1]!);
    while (/^\p{Lu}/u.test(words[j] ?? '') && next(j) && (/^\p{Lu}/u.test(words[j + 1]!) || particle(j + 1)))
      j += /^\p{Lu}/u.test(words[j + 1]!) ? 1 : 2;
    const run = words
      .slice(i, j + 1)
      .map(termOf)
      .filter((t): t is QueryTerm => t?.name === true && countryOf(t.word) === undefined);
    i = j + 1;
    // A name is written with its capital and small letters: "III" is a numeral.
    // The last of its words that names a person is the surname; the others name them less surely.
    const person = run.findLast((t) => t.person && /^\p{Lu}\p{Ll}/u.test(t.word));
    const matched = run.filter((t) => t.kind !== 'none');
    if (run.length < 2 || !person) continue;
    for (const t of run) {
      if (t === person) continue;
      for (const [k, q] of t.expansions) {
        const part = q * NAME_PART_QUALITY;
        if ((person.expansions.get(k) ?? 0) < part) person.expansions.set(k, part);
      }
      terms.splice(terms.indexOf(t), 1);
      if (t.kind !== 'none') joined++;
    }
    person.weight = matched.reduce((sum, t) => sum + t.weight, 0);
    person.required = true;
  }
  return joined;
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
