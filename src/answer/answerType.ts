import type { Engine, IndexedFact } from '../engine.js';
import type { FactDate } from '../facts/types.js';
import { sentenceIdOf } from './facts.js';

/**
 * What a question's form says its answer must contain: "how much" and "how
 * many" an amount or a count, "when" a date, "where" a place, "who" a
 * person, "which agreement" an agreement. A sentence or fact without it does
 * not answer the question, however many of its words it shares.
 */
export type AnswerType = 'amount' | 'date' | 'place' | 'person' | 'agreement' | 'statement';

const AGREEMENT_WORDS =
  '(?:agreements?|instruments?|treat(?:y|ies)|memorand(?:um|a|ums)|accords?|pacts?|deals?|documents?|declarations?|protocols?|conventions?|contracts?|roadmaps?|mous?)';

const FORMS: ReadonlyArray<[AnswerType, RegExp]> = [
  // "What was the trade turnover in 2023?" asks for an amount as much as "how much" does.
  [
    'amount',
    /\bhow\s+(?:much|many|large|big|high|sizeable|significant|long)\b|\b(?:what|which)\s+(?:[\w-]+\s+){0,2}?(?:turnover|volume|price|cost)\b|\b(?:what|which)\s+(?:[\w-]+\s+)?(?:trade|commerce|turnover|exports?|imports?)\s+(?:targets?|goals?|objectives?)\b|\b(?:what|which)\s+(?:targets?|goals?|objectives?)\s+(?:for\s+)?(?:trade|commerce|turnover|exports?|imports?)\b|\b(?:what|which)\s+(?:was|is|were|are|will\s+be)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:turnover|volume|value|amount|total|price|cost|size|sum)\b|\b(?:what|which)\s+(?:level|share|price|cost|size|sum|amount|volume|value)\s+of\b/i,
  ],
  ['agreement', new RegExp(String.raw`\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?${AGREEMENT_WORDS}\b`, 'i')],
  ['date', /^\W*(?:since\s+|until\s+)?when\b|\b(?:what|which)\s+(?:year|date|month|day)\b/i],
  // "Where does X rank among…" asks for a rank, not a place.
  [
    'place',
    /^\W*where\b(?!.*\b(?:rank|ranks|ranked|stand|stands)\b)|\b(?:what|which)\s+(?:city|capital|venue|town)\b/i,
  ],
  ['person', /^\W*(?:who|whom)\b/i],
  // "What did Rahmon say about…" asks for what someone said: a sentence that reports speech.
  ['statement', /^\W*what\s+(?:did|does|do|has|have)\s+.+\b(?:say|said|tell|told|think|stress|note)\b/i],
];

/** The answer type a question's form asks for, or null when its form says nothing. */
export function answerTypeOf(question: string): AnswerType | null {
  for (const [type, form] of FORMS) {
    const m = form.exec(question);
    if (!m) continue;
    // A document is an agreement when it is signed: "what travel document will Kenya issue" asks for a
    // permit, "which documents did they sign" for agreements.
    if (type === 'agreement' && PAPER.test(m[0]) && !SIGNED.test(question)) continue;
    return type;
  }
  return null;
}

/** Words that name an agreement only when a question says it was signed or agreed. */
const PAPER = /\b(?:documents?|instruments?|papers?)\s*$/i;
const SIGNED =
  /\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|conclud(?:e|es|ed)|agree(?:s|d)?|adopt(?:s|ed)?|exchang(?:e|es|ed)|initial(?:l?ed)?|ratif(?:y|ies|ied)|put\s+their\s+names)\b/i;

const NUMBER_WORD =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|third|quarter|double[ds]?|tripled?|several)\b/i;
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE_WORDS =
  /\b(?:1[89]\d\d|20\d\d|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|(?:last|this|next|previous|past|coming)\s+(?:year|month|week|spring|summer|autumn|fall|winter)|(?:end|start|beginning|middle|half)\s+of\s+(?:the|this|next|last)\s+(?:year|month|week|decade)|year-end|(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:years?|decades?|months?|weeks?|days?)\s+ago)\b/i;
const PLACE_AFTER =
  /\b(?:in|at|visited|visiting|hosted by)\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?\p{Lu}\p{Ll}/u;
const TITLED_NAME =
  /\b(?:President|Minister|Premier|Ambassador|Chairman|Chairwoman|Secretary|Speaker|King|Emir|Prince|Mr|Mrs|Ms|Dr)\.?\s+\p{Lu}\p{Ll}/u;
const MID_NAME = /[\p{Ll},;:]\s+(?:the\s+)?\p{Lu}\p{Ll}/u;
const AGREEMENT = new RegExp(`\\b${AGREEMENT_WORDS}\\b`, 'i');
/**
 * Reported speech: a verb of saying, a quotation, or an interview's answer. A passive verb is not
 * speech: "was welcomed at the airport by" says who greeted whom.
 */
const SPEECH =
  /(?<!\b(?:was|were|is|are|be|been|being)\s+)\b(?:said|says|say|told|tells|stated|states|noted|notes|stressed|stresses|emphasi[sz]ed|added|adds|highlighted|declared|remarked|announced|underlined|underscored|pointed\s+out|expressed|urged|warned|praised|welcomed|explained|assured|confirmed|reaffirmed|recalled|believes?|according\s+to)\b|["“”]|^\s*A:/i;
/**
 * Numbers that are not amounts: years and year ranges ("since 2018",
 * "2018-2019"), ordinals ("the 42nd meeting") and days of a month or their ranges ("on July
 * 2", "2 July", "March 2-3"). A sentence whose only digits are these holds no amount.
 */
const NOT_AMOUNT = new RegExp(
  String.raw`\b(?:1[89]|20)\d\d(?:\s*[-–]\s*(?:(?:1[89]|20)?\d\d))?\b|\b\d+(?:st|nd|rd|th)\b|\b${MONTH}\.?\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?\b|\b\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+${MONTH}\b`,
  'gi',
);

/** "The two countries", "both sides": who is meant, not how many. */
const THE_PARTIES = /\b(?:the|both|these|those|all)\s+(?:two|three|four|five)\b/gi;

/** A pattern of the numbers a question writes ("2030", the "1" of "Kambarata-1"), or null for none. */
export function ownNumbersPattern(own: readonly string[]): RegExp | null {
  const numbers = own.filter((n) => /^\d+$/.test(n));
  return numbers.length === 0
    ? null
    : new RegExp(String.raw`(?<![\d.,])(?:${numbers.join('|')})(?![\d]|[.,]\d)`, 'g');
}

/**
 * Whether a text holds an answer of the type besides the numbers the question itself writes
 * (`own`, from ownNumbersPattern): "the 2030 World Cup" does not say when its final is, nor
 * "Kambarata-1" how much was committed to it.
 */
export function textHasBeyond(type: AnswerType, text: string, own: RegExp | null): boolean {
  if (own === null || (type !== 'amount' && type !== 'date')) return true;
  const rest = text.replace(own, ' ');
  return rest === text || textHas(type, rest);
}

/** Whether a sentence's text holds an answer of the type (the people it names are read from the facts). */
function textHas(type: AnswerType, text: string): boolean {
  switch (type) {
    case 'amount':
      return /\d/.test(text.replace(NOT_AMOUNT, ' ')) || NUMBER_WORD.test(text.replace(THE_PARTIES, ' '));
    case 'date':
      return DATE_WORDS.test(text);
    case 'place':
      // Where something happened: "in Astana", "at the State House". A country or capital named as
      // a party ("Argentina and Brazil agree", "between Astana and Dushanbe") does not say where.
      return PLACE_AFTER.test(text);
    case 'agreement':
      return AGREEMENT.test(text);
    case 'person':
      // "Who will chair…" is answered by a person, a country or a body: a name, not a title alone.
      return TITLED_NAME.test(text) || MID_NAME.test(text);
    case 'statement':
      return SPEECH.test(text);
  }
}

const datePresent = (date: FactDate) => date.iso !== null || !/not stated/i.test(date.display);

/** Whether a fact is of the kind a type asks for. */
export function factHas(type: AnswerType, f: IndexedFact): boolean {
  switch (type) {
    case 'amount':
      // "11 instruments" counts what was signed.
      return (
        (f.kind === 'trade' && (f.fact.amountUsd !== null || f.fact.percent !== null)) ||
        (f.kind === 'agreement' && typeof f.fact.count === 'number')
      );
    case 'date':
      // "before 2025-06-10" (a meeting "last month") is a date too, though not a day.
      return (
        (f.kind === 'meeting' && datePresent(f.fact.date)) ||
        (f.kind === 'agreement' && f.fact.date !== null && datePresent(f.fact.date))
      );
    case 'place':
      return (f.kind === 'meeting' || f.kind === 'agreement') && f.fact.place !== null;
    case 'person':
      return f.kind === 'person' || (f.kind === 'meeting' && f.fact.participants.length > 0);
    case 'agreement':
      return f.kind === 'agreement';
    case 'statement':
      // A fact is read from what was said, but is not itself a statement of it.
      return false;
  }
}

/**
 * Per index document, whether it holds an answer of the type: 1 or 0,
 * computed once per engine and type, on the first question that asks for it.
 */
export function documentsWith(engine: Engine, type: AnswerType): Uint8Array {
  const byType = engine.derived.documentsWith;
  let table = byType.get(type);
  if (table) return table;
  const { sentences } = engine.corpus;
  table = new Uint8Array(sentences.length + engine.indexedFacts.length);
  for (let i = 0; i < sentences.length; i++) table[i] = textHas(type, sentences[i]!.text) ? 1 : 0;
  engine.indexedFacts.forEach((f, i) => {
    if (!factHas(type, f)) return;
    table![sentences.length + i] = 1;
    // A sentence a person fact was read from names that person.
    if (type === 'person' && f.kind === 'person') {
      for (const s of f.fact.sources) {
        const id = sentenceIdOf(engine, s);
        if (id !== undefined) table![id] = 1;
      }
    }
  });
  byType.set(type, table);
  return table;
}

/** Digits that are not a year, a rank or a day; or a scale word. */
const FIGURE_SCALE = /\b(?:million|billion|trillion|mln|bln|bn)\b/i;

/**
 * Per index document, whether it writes a figure in digits or with a scale word ("$100 billion",
 * "4.5 percent", "two billion"): what a question about a trade volume, target or exports asks for.
 * "A three-day visit" holds a count but no such figure. Computed once per engine.
 */
export function documentsWithFigure(engine: Engine): Uint8Array {
  const key = 'figure';
  const byType = engine.derived.documentsWith;
  let table = byType.get(key);
  if (table) return table;
  const { sentences } = engine.corpus;
  table = new Uint8Array(sentences.length + engine.indexedFacts.length);
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]!.text;
    table[i] = /\d/.test(text.replace(NOT_AMOUNT, ' ')) || FIGURE_SCALE.test(text) ? 1 : 0;
  }
  engine.indexedFacts.forEach((f, i) => {
    if (factHas('amount', f)) table![sentences.length + i] = 1;
  });
  byType.set(key, table);
  return table;
}
