import type { Corpus } from '../corpus/types.js';
import { type Engine, factOf, isFactId } from '../engine.js';
import { capitalOf, countryOf } from '../facts/geo.js';
import { sourcesOf } from '../facts/kinds/index.js';
import { type IndexDoc, type KeySet, keysSimilar } from '../index/searchIndex.js';
import { documentsWith, documentsWithFigure, ownNumbersPattern, textHasBeyond } from './answerType.js';
import { countedKeysOf, listedKeysOf, listedOnly } from './countedWords.js';
import { type Coverage, maskCoverage } from './coverage.js';
import { askedPart, factFits, sentenceParts } from './factFit.js';
import { sentenceIdOf } from './facts.js';
import { sourceOf } from './links.js';
import { namesAnother } from './namesAnother.js';
import type { QueryPlan, QueryTerm } from './queryTerm.js';
import { RADIX_MIN, radixOrder } from './radixOrder.js';
import { against, onlyOtherWay } from './tradeWay.js';
import type { Citation } from './types.js';

/**
 * The relevance rule. An answer is found when its best sentence covers at
 * least FOUND_COVERAGE of the question's information (idf-weighted content
 * words; a word no article uses weighs the most) and misses fewer than half
 * of its content words (so a two-word question needs both: "president of
 * Russia" is not answered by a sentence that only names Russia), every
 * place it names, and, when it asks something about a name, something of
 * what it asks ("When was Aliyev born?" is not answered by Aliyev alone). Further quotes must come close to the best one in
 * coverage and in score.
 * Tuned on bench/questions.json (npm run eval).
 */
export const RELEVANCE = {
  FOUND_COVERAGE: 0.55,
  /**
   * …or this much when the question names places, people or years and the
   * document itself names them all: those are the most telling words of a
   * question, and a paraphrase's other words are often its own phrasing
   * ("sit down with", "put into").
   */
  FOUND_COVERAGE_NAMED: 0.45,
  /** A further quote covers at least this share of what the best one covers… */
  CITE_COVERAGE_RATIO: 0.75,
  /** …and scores at least this share of the best score. */
  CITE_SCORE_RATIO: 0.3,
  /**
   * Coverage a sentence gains when it writes the count a "how many/much" question asks for, a
   * number right before what is counted ("27 documents", "900,000 Moroccan nationals").
   */
  COUNT_BONUS: 0.15,
  /** Sentences this similar (Jaccard of content words) are one quote with several sources. */
  NEAR_DUPLICATE: 0.5,
} as const;

export interface Ranked {
  id: number;
  score: number;
  coverage: number;
  missing: number;
  /** Passes the relevance rule on its own. */
  relevant: boolean;
}

/** How many bits of a 32-bit mask are set. */
function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask >>> 0; m !== 0; m &= m - 1) n++;
  return n;
}

/** Content words a relevant sentence may leave unmatched: fewer than half. */
export function allowedMissing(terms: number): number {
  return Math.floor((terms - 1) / 2);
}

const noKeys = () => false;

const byRelevanceScoreId = (a: Ranked, b: Ranked) =>
  Number(b.relevant) - Number(a.relevant) || b.score - a.score || a.id - b.id;

/**
 * Ranks index documents for a plan: relevant ones first, then by BM25 score
 * weighted by the square of coverage (counting what a sentence leaves to its article).
 */
export function rank(engine: Engine, plan: QueryPlan, type?: IndexDoc['type']): Ranked[] {
  const keys = [...plan.keys.keys()];
  const matches = engine.index.match(
    keys,
    keys.map((key) => plan.keys.get(key) ?? 1),
    type,
  );
  const n = matches.count;
  const coverageOf = maskCoverage(plan, keys, matches.words);
  const judge = relevanceOf(engine, plan);
  const bitOf = new Map<string, number>();
  keys.forEach((k, b) => {
    if (!bitOf.has(k)) bitOf.set(k, b);
  });
  const shares = new Float64Array(n);
  const missing = new Uint16Array(n);
  const scores = new Float64Array(n);
  const relevant = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = coverageOf(matches.masks, i * matches.words);
    // Which keys a document holds is only asked when it misses a required place.
    const offset = i * matches.words;
    const hasKey =
      c.missingRequired === 0
        ? noKeys
        : (key: string) => {
            const bit = bitOf.get(key);
            return bit !== undefined && (matches.masks[offset + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
          };
    const judged = judge(matches.ids[i]!, c, hasKey);
    relevant[i] = judged >= 0 ? 1 : 0;
    shares[i] = judged >= 0 ? judged : c.share;
    missing[i] = c.missing;
    scores[i] = matches.scores[i]! * shares[i]! * shares[i]!;
  }
  const order = n >= RADIX_MIN ? radixOrder(matches.ids, scores, relevant) : null;
  const ranked: Ranked[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const i = order ? order[r]! : r;
    ranked[r] = {
      id: matches.ids[i]!,
      score: scores[i]!,
      coverage: shares[i]!,
      missing: missing[i]!,
      relevant: relevant[i] === 1,
    };
  }
  return order ? ranked : ranked.sort(byRelevanceScoreId);
}

/**
 * How much a person the question names counts when a sentence leaves them
 * to its article ("I paid a visit to Vietnam" in Aliyev's interview):
 * something, but less than naming them. Places and years that a sentence
 * leaves to its article count nothing (they pass the rule, no more): a
 * question about another year or country pair must not be answered by an
 * article that mentions them in passing.
 */
export const LEAN_QUALITY = 0.5;

/** Measures of a trade figure that is money (or a share of it), not a count. */
const FIGURE_MEASURES: ReadonlySet<string> = new Set(['volume', 'target', 'exports']);

const YEAR_WORD = /^(?:1[89]|20)\d\d$/;
/** How many sentences before one may give the year it leaves unwritten. */
const YEAR_CONTEXT = 3;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
const MONTH_IN_TEXT =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|march|april|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
/** A month's two digits ("05" for "May"), or null for a word that is not a month. */
function monthOf(word: string): string | null {
  if (!MONTH_WORD.test(word)) return null;
  return String(MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1).padStart(2, '0');
}
/**
 * The relevance rule for one document, given its coverage and which query
 * keys it contains: the coverage it is judged by when it is relevant, or -1
 * when it is not. A document that does not itself name a place the
 * question requires may lean on its article ("no unresolved issues" in an
 * article about Kazakhstan answers a question about Kazakhstan), and the
 * required words then count LEAN_QUALITY in its coverage; a fact must name
 * the place itself.
 */
export function relevanceOf(
  engine: Engine,
  plan: QueryPlan,
): (id: number, c: Coverage, hasKey: (key: string) => boolean) => number {
  const missingAllowed = allowedMissing(plan.contentWords);
  const named = plan.terms.some((t) => t.required || (t.name && !t.optional));
  // "How much…" is not answered by a sentence without an amount, "when…" by one without a date.
  const typed = plan.answerType ? documentsWith(engine, plan.answerType) : undefined;
  const required = plan.terms.filter((t) => t.required);
  // "What trade target…" asks for a figure: a count of days or of the two sides is not one.
  // ("How many documents…" asks for a count.)
  const figured =
    plan.answerType === 'amount' &&
    !plan.terms.some((t) => t.counted) &&
    [...plan.figure.measures].some((m) => FIGURE_MEASURES.has(m))
      ? documentsWithFigure(engine)
      : undefined;
  const corpus = engine.corpus as Corpus | undefined;
  // A document is a sentence of the corpus or a fact (engine.ts owns which ids are which).
  const isFact = (id: number) => !corpus || isFactId(engine, id);
  const askedCountries = new Set(
    plan.terms.map((t) => countryOf(t.word) ?? capitalOf(t.word)?.country).filter((c) => c !== undefined),
  );
  const counts = plan.terms.some((t) => t.counted);
  const speech = plan.answerType === 'statement';
  const countedKeys = new Set(plan.terms.filter((t) => t.counted).flatMap((t) => [...t.expansions.keys()]));
  // What a sentence counts and lists is read once per engine, on the first question that asks.
  const derived = counts ? engine.derived : undefined;
  if (derived) {
    derived.countedWords ??= [];
    derived.listedWords ??= [];
  }
  const countedWords = derived?.countedWords ?? [];
  const listedWords = derived?.listedWords ?? [];
  const sentenceText = (id: number) => corpus!.sentences[id]!.text;
  const writesCount = (id: number) => {
    if (!counts || isFact(id)) return false;
    let counted = countedWords[id];
    if (counted === undefined) {
      counted = countedKeysOf(sentenceText(id));
      countedWords[id] = counted;
    }
    for (const k of countedKeys) if (counted.has(k)) return true;
    return false;
  };
  // "…exports, worth $1.9 billion, are dominated by copper, zinc and gas" gives no figure for copper.
  const countedInList = (id: number) => {
    if (!counts || isFact(id)) return false;
    let listed = listedWords[id];
    if (listed === undefined) {
      listed = listedKeysOf(sentenceText(id));
      listedWords[id] = listed;
    }
    return listedOnly(listed, countedKeys);
  };
  // The question's own numbers ("2030", the "1" of "Kambarata-1") are not its answer.
  const ownNumbers = ownNumbersPattern(plan.terms.map((t) => t.word));
  const beyond = (id: number) =>
    ownNumbers === null ||
    !plan.answerType ||
    isFact(id) ||
    textHasBeyond(plan.answerType, corpus!.sentences[id]!.text, ownNumbers);
  const asked = plan.tradeWay;
  const wayMemo = new Map<number, boolean>();
  const otherWay = (id: number) => {
    if (!asked || !corpus) return false;
    let other = wayMemo.get(id);
    if (other === undefined) {
      if (isFact(id)) {
        const f = factOf(engine, id);
        other = f?.kind === 'trade' && against({ seller: f.fact.exporter, buyer: f.fact.importer }, asked);
      } else other = onlyOtherWay(corpus.sentences[id]!.text, asked);
      wayMemo.set(id, other);
    }
    return other;
  };
  const part = askedPart(plan.figure);
  const parts = part !== 0 ? sentenceParts(engine) : undefined;
  const fitting = new Map<number, boolean>();
  const fits = (id: number) => {
    let ok = fitting.get(id);
    if (ok === undefined) {
      const f = corpus ? factOf(engine, id) : undefined;
      ok = f === undefined || factFits(plan.figure, f);
      fitting.set(id, ok);
    }
    return ok;
  };
  const articlesNamingTerm = (term: QueryTerm) => {
    const keys = [...term.expansions.keys()];
    const articles = new Set<number>();
    if (!corpus) return articles;
    if (keys.length > 0) {
      const found = engine.index.match(
        keys,
        keys.map(() => 1),
        'sentence',
      );
      for (let i = 0; i < found.count; i++) articles.add(corpus.sentences[found.ids[i]!]?.article ?? -1);
    }
    // An article dated in the asked year or month is about it, though its text may not write it
    // ("May 2022" for a report dated 2022-05-04 that says "today").
    const year = YEAR_WORD.test(term.word) ? term.word : null;
    const month = monthOf(term.word);
    if (year !== null || month !== null) {
      corpus.articles.forEach((a, i) => {
        const date = a.meta.date;
        if (
          date &&
          (year === null || date.startsWith(year)) &&
          (month === null || date.slice(5, 7) === month)
        )
          articles.add(i);
      });
    }
    return articles;
  };
  // A sentence that writes no year is about the asked one when its article is dated in it, or when
  // one of the sentences just before it writes it ("In 2019 trade reached…; exports made up…"): an
  // article that names the year in passing ("since 2019") does not date all its other sentences.
  const yearAround = (year: string, id: number) => {
    const sentence = corpus!.sentences[id]!;
    if (corpus!.articles[sentence.article]?.meta.date?.startsWith(year)) return true;
    const written = new RegExp(`\\b${year}\\b`);
    for (let k = id - 1; k >= 0 && k >= id - YEAR_CONTEXT; k--) {
      const before = corpus!.sentences[k]!;
      if (before.article !== sentence.article) break;
      if (written.test(before.text)) return true;
    }
    return false;
  };
  let articlesNaming: Array<Set<number>> | undefined;
  const naming = () => {
    articlesNaming ??= required.map(articlesNamingTerm);
    return articlesNaming;
  };
  // The most any document's share can grow by (leaning on its article, writing a count): a document
  // below the lowest bar even then is refused before any of the checks that read its text.
  const lowestBar = Math.min(RELEVANCE.FOUND_COVERAGE, RELEVANCE.FOUND_COVERAGE_NAMED);
  const mostBonus = counts ? RELEVANCE.COUNT_BONUS : 0;
  const namesByTerm: Array<Set<number> | undefined> = [];
  /**
   * What the names a sentence leaves to its article add to its coverage: a month, a word of an
   * event's name ("the meeting" of a council the article names). Places, people and years have
   * rules of their own (above).
   */
  const NONE = { share: 0, count: 0 };
  const leanedNames = (id: number, c: Coverage, base: number): { share: number; count: number } => {
    if (c.missedNameBits === 0 || !corpus || isFact(id) || c.total === 0) return NONE;
    // Most documents of a common word stay far below the bar whatever their article names: they are
    // not looked up (the lookup matches each name over the whole index, once per question).
    let most = 0;
    let names = 0;
    for (let j = 0; j < plan.terms.length && j < 31; j++) {
      if ((c.missedNameBits & (1 << j)) === 0) continue;
      most += plan.terms[j]!.weight;
      names++;
    }
    if (base + (LEAN_QUALITY * most) / c.total < RELEVANCE.FOUND_COVERAGE_NAMED) return NONE;
    if (c.missing - c.missingRequired - names > missingAllowed) return NONE;
    const sentence = corpus.sentences[id]!;
    let weight = 0;
    let count = 0;
    for (let j = 0; j < plan.terms.length && j < 31; j++) {
      if ((c.missedNameBits & (1 << j)) === 0) continue;
      const term = plan.terms[j]!;
      // A sentence that gives another month is about that one.
      if (monthOf(term.word) !== null && MONTH_IN_TEXT.test(sentence.text)) continue;
      namesByTerm[j] ??= articlesNamingTerm(term);
      if (namesByTerm[j]!.has(sentence.article)) {
        weight += term.weight;
        count++;
      }
    }
    return count === 0 ? NONE : { share: (LEAN_QUALITY * weight) / c.total, count };
  };
  return (id, c, hasKey) => {
    // (Names it leaves to its article can make up for at most one missing word each, and LEAN_QUALITY.)
    const leanable = c.missedNameBits === 0 ? 0 : bitCount(c.missedNameBits);
    if (c.missing - c.missingRequired - leanable > missingAllowed) return -1;
    if (c.share + LEAN_QUALITY * (c.missingPeopleShare + (leanable > 0 ? 1 : 0)) + mostBonus < lowestBar)
      return -1;
    // Names alone do not answer what is asked about them: "When was Aliyev born?".
    // …but what someone said may be about the asked matter in other words: a statement of the person
    // named that covers most of the question answers "What did Leite say about cars?".
    if (plan.plainTerms > 0 && c.plainMatched === 0 && !(speech && c.share >= RELEVANCE.FOUND_COVERAGE))
      return -1;
    if (typed && typed[id] !== 1) return -1;
    // "Did they sign a defence cooperation agreement?" is not answered by the agreements on other things.
    if (c.missedTopic) return -1;
    if (figured && figured[id] !== 1) return -1;
    // "How much did Angola export to Portugal?" is not answered by Portugal's exports to Angola.
    if (otherWay(id)) return -1;
    // "How much gas…" is not answered by a figure that does not name gas.
    if (counts && c.countedMatched === 0) return -1;
    if (!beyond(id)) return -1;
    // A figure of another measure or span ("volume, 2024" for "growth in the first half") is not the answer.
    if (isFact(id) && !fits(id)) return -1;
    // …nor by a sentence about another part of the year ("the first half" for "the first quarter").
    if (parts && !isFact(id) && parts[id] !== 0 && parts[id] !== part) return -1;
    const bonus = writesCount(id) ? RELEVANCE.COUNT_BONUS : 0;
    if (bonus === 0 && countedInList(id)) return -1;
    // A name the article gives is not missed, though it counts less than naming it.
    const leaned = leanedNames(id, c, c.share + bonus + LEAN_QUALITY * c.missingPeopleShare);
    if (c.missingRequired === 0) {
      const share = c.share + bonus + leaned.share;
      return share <
        (named && c.missingNames === 0 ? RELEVANCE.FOUND_COVERAGE_NAMED : RELEVANCE.FOUND_COVERAGE) ||
        c.missing - leaned.count > missingAllowed
        ? -1
        : share;
    }
    if (!corpus) return -1;
    const sets = naming();
    if (isFact(id)) {
      // A trade figure does not name who gave it: a person the question names may be named by the
      // article of one of its sources ("our ambition is $20 billion by 2028" in an interview).
      // A meeting or agreement names its people, and must name the asked one itself.
      const fact = factOf(engine, id);
      if (fact?.kind !== 'trade') return -1;
      const articles = sourcesOf(fact).map((s) => {
        const sid = sentenceIdOf(engine, s);
        return sid === undefined ? -1 : corpus.sentences[sid]!.article;
      });
      const leansOnSource = required.every(
        (term, j) =>
          [...term.expansions.keys()].some(hasKey) || (term.person && articles.some((a) => sets[j]!.has(a))),
      );
      if (!leansOnSource) return -1;
      const share = c.share + LEAN_QUALITY * c.missingPeopleShare;
      return share < RELEVANCE.FOUND_COVERAGE || c.missing - c.missingRequired > missingAllowed ? -1 : share;
    }
    const sentence = corpus.sentences[id]!;
    const leans = required.every(
      (term, j) =>
        [...term.expansions.keys()].some(hasKey) ||
        // A sentence that gives another year (or session) is about that one, whatever its article says.
        (sets[j]!.has(sentence.article) &&
          !namesAnother(term, sentence.text, askedCountries) &&
          (!YEAR_WORD.test(term.word) || yearAround(term.word, sentence.id))),
    );
    if (!leans) return -1;
    const share = c.share + LEAN_QUALITY * c.missingPeopleShare + bonus + leaned.share;
    return share < RELEVANCE.FOUND_COVERAGE || c.missing - c.missingRequired - leaned.count > missingAllowed
      ? -1
      : share;
  };
}

/**
 * Whether the index's documents with sentence ids are the corpus's sentences
 * as written (the engine builds it so), so their key sets can be read from
 * the index instead of tokenizing each quoted sentence again. Checked once
 * per engine and index.
 */
function indexHoldsSentences(engine: Engine): boolean {
  const { index, corpus, derived } = engine;
  if (derived.sentencesCheckedIndex === index) return true;
  const holds = corpus.sentences.every((s, i) => {
    const doc = index.docs[i];
    return s.id === i && doc?.type === 'sentence' && doc.text === s.text;
  });
  if (holds) derived.sentencesCheckedIndex = index;
  return holds;
}

/** Picks the quotes: close enough to the best, near-duplicates folded into one. */
export function selectCitations(engine: Engine, ranked: readonly Ranked[], limit: number): Citation[] {
  const best = ranked[0];
  if (!best) return [];
  const { corpus, sourceBaseUrl, index } = engine;
  const fromIndex = indexHoldsSentences(engine);
  const minCoverage = best.coverage * RELEVANCE.CITE_COVERAGE_RATIO;
  const minScore = best.score * RELEVANCE.CITE_SCORE_RATIO;
  const citations: Citation[] = [];
  const keySets: KeySet[] = [];
  for (const r of ranked) {
    if (!r.relevant || r.coverage < minCoverage) continue;
    if (r.score < minScore) break;
    const sentence = corpus.sentences[r.id];
    if (!sentence) continue;
    // A common word makes tens of thousands of candidates; each is compared
    // with at most `limit` quotes, straight from the index's key sets.
    const keys = fromIndex ? index.keySet(r.id) : index.keySetOfText(sentence.text);
    let twin = -1;
    for (let i = 0; i < keySets.length && twin < 0; i++) {
      if (keysSimilar(keySets[i]!, keys, RELEVANCE.NEAR_DUPLICATE)) twin = i;
    }
    if (twin >= 0) {
      citations[twin]!.also.push(sourceOf(corpus, sentence, sourceBaseUrl));
      continue;
    }
    if (citations.length >= limit) continue;
    keySets.push(keys);
    citations.push({
      n: citations.length + 1,
      ...sourceOf(corpus, sentence, sourceBaseUrl),
      text: sentence.text,
      also: [],
      score: Number(r.score.toFixed(4)),
    });
  }
  return citations;
}
