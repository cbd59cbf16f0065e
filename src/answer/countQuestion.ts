import type { Engine } from '../engine.js';
import { capitalOf, countriesIn, countryOf } from '../facts/geo.js';
import type { PersonFact } from '../facts/types.js';
import { MONTH_KEYS } from '../text/calendar.js';
import { contentKeys, termKey, tokenize } from '../text/normalize.js';
import { matchPeople, wordMatcher } from './views.js';

/**
 * Reading a counting or listing question ("How many agreements were signed in 2024?", "Which
 * agreements did Muhriddin sign?", "List the meetings in 2025"): what it counts and the filters it
 * names. A question of another shape, or one whose filters cannot be read (a relative date, "last
 * year"), reads as null, and /ask ranks its sentences as usual.
 */

export type CountKind = 'agreement' | 'meeting' | 'statement' | 'person' | 'trade';

export interface CountQuestion {
  /** `count` for "how many", `list` for "which …", "list the …". */
  shape: 'count' | 'list';
  kind: CountKind;
  /** The noun counted, as a reader expects it back ("documents", "memoranda", "meetings"). */
  noun: { one: string; many: string };
  /** Agreement types or meeting formats the noun narrows to; empty for any. */
  narrow: string[];
  /** Signed or planned, when the question says which. */
  status: 'signed' | 'planned' | null;
  /** ISO prefixes, inclusive (`2024`, `2025-05`); null with no date named. */
  period: { from: string; to: string; label: string } | null;
  /** Each person named, as the people the name can mean. */
  people: Array<{ typed: string; matches: PersonFact[] }>;
  /** Countries named. */
  countries: string[];
  /** A place named ("in Dushanbe"). */
  place: string | null;
  /** Capitalised words that are none of the above (an event's name): the item's article must have them. */
  names: string[];
  /** Topic keys of an "on …"/"about …" phrase: the item must have one. */
  topic: string[];
}

type Noun = { kind: CountKind; one: string; many: string; narrow: string[] };
const noun = (kind: CountKind, one: string, many: string, narrow: string[] = []): Noun => ({
  kind,
  one,
  many,
  narrow,
});

/** Plural nouns a counting question counts, by the fact kind that holds them. */
const NOUNS: Array<[RegExp, Noun]> = [
  [/^documents?$/i, noun('agreement', 'document', 'documents')],
  [/^agreements?$/i, noun('agreement', 'agreement', 'agreements')],
  [/^(?:treaty|treaties)$/i, noun('agreement', 'treaty', 'treaties', ['treaty'])],
  [
    /^(?:memorand(?:a|ums?)|mous?)$/i,
    noun('agreement', 'memorandum', 'memoranda', ['memorandum', 'memoranda of understanding']),
  ],
  [/^accords?$/i, noun('agreement', 'accord', 'accords')],
  [/^deals?$/i, noun('agreement', 'deal', 'deals')],
  [/^pacts?$/i, noun('agreement', 'pact', 'pacts')],
  [/^instruments?$/i, noun('agreement', 'instrument', 'instruments')],
  [/^protocols?$/i, noun('agreement', 'protocol', 'protocols', ['protocol'])],
  [/^declarations?$/i, noun('agreement', 'declaration', 'declarations', ['declaration'])],
  [/^meetings?$/i, noun('meeting', 'meeting', 'meetings')],
  [/^talks$/i, noun('meeting', 'round of talks', 'rounds of talks', ['talks', 'negotiations'])],
  [/^negotiations$/i, noun('meeting', 'round of talks', 'rounds of talks', ['talks', 'negotiations'])],
  [/^visits?$/i, noun('meeting', 'visit', 'visits', ['visit'])],
  [/^summits?$/i, noun('meeting', 'summit', 'summits', ['summit'])],
  [/^(?:statements?|quotes?|remarks?)$/i, noun('statement', 'statement', 'statements')],
  [/^(?:people|persons?)$/i, noun('person', 'person', 'people')],
  [/^officials?$/i, noun('person', 'official', 'officials')],
  [/^leaders?$/i, noun('person', 'leader', 'leaders')],
  [/^ministers?$/i, noun('person', 'minister', 'ministers', ['minister'])],
  [/^presidents?$/i, noun('person', 'president', 'presidents', ['president'])],
  [/^(?:trade\s+)?figures?$/i, noun('trade', 'trade figure', 'trade figures')],
];

const COUNT_START = /^\s*(?:how\s+many|what\s+(?:is|was)\s+the\s+number\s+of|the\s+number\s+of|count)\s+/i;
const HOW_OFTEN = /^\s*how\s+often\s+/i;
const LIST_START = /^\s*(?:which|what|list|name|show(?:\s+me)?|give(?:\s+me)?|enumerate)\s+/i;
/** Words between the question's start and its noun: "how many new bilateral …", "list all the …". */
const MODIFIERS = new Set(
  [
    'all',
    'the',
    'of',
    'every',
    'each',
    'new',
    'other',
    'key',
    'major',
    'bilateral',
    'intergovernmental',
    'interstate',
    'official',
    'cooperation',
    'joint',
    'separate',
    'different',
    'state',
    'high-level',
  ].map(termKey),
);

/** The counted noun at the start of `rest` (after a few modifiers), and what follows it. */
function nounAt(rest: string): { noun: Noun; word: string; after: string } | null {
  const words = [...rest.matchAll(/[\p{L}][\p{L}-]*/gu)].slice(0, 5);
  for (let i = 0; i < words.length; i++) {
    const m = words[i]!;
    const next = words[i + 1];
    const two = next && /^trade$/i.test(m[0]) ? `${m[0]} ${next[0]}` : null;
    const found = (two && nounOf(two)) || nounOf(m[0]);
    if (found) {
      const end = two && nounOf(two) ? next!.index + next![0].length : m.index + m[0].length;
      return { noun: found, word: two && nounOf(two) ? two : m[0], after: rest.slice(end) };
    }
    // Capitalised words before the noun are names or countries ("how many Kazakh-Tajik documents").
    if (!MODIFIERS.has(termKey(m[0])) && !/^\p{Lu}/u.test(m[0])) return null;
  }
  return null;
}

/** "How many times did X and Y meet?": the verb says what is counted. */
const TIMES_VERBS: Array<[RegExp, Noun]> = [
  [
    /\b(?:meet|met|talk(?:ed)?|hold\s+talks|held\s+talks|visit(?:ed)?)\b/i,
    noun('meeting', 'meeting', 'meetings'),
  ],
  [
    /\b(?:say|said|speak|spoke|comment(?:ed)?|quoted|cited|state[ds]?)\b/i,
    noun('statement', 'statement', 'statements'),
  ],
  [/\b(?:sign(?:ed)?)\b/i, noun('agreement', 'document', 'documents')],
];

/** People are counted only as the articles' people, never as a population ("how many people live …"). */
const NAMED_IN_ARTICLES =
  /\b(?:named|mentioned|appear(?:s|ed)?|quoted|cited|listed|in\s+the\s+(?:articles?|news|sources?)|are\s+there)\b/i;

/** A date the question names relative to today: the articles cannot resolve it, so the question is left to ranking. */
const RELATIVE_DATE =
  /\b(?:(?:last|this|next|past|previous|coming|current)\s+(?:year|month|week|decade)|yesterday|today|ago|recently)\b/i;

const MONTHS = MONTH_KEYS;
const MONTH_YEAR = new RegExp(String.raw`\b(${MONTHS.join('|')})\s+(?:of\s+)?((?:19|20)\d{2})\b`, 'i');
const YEAR = /\b(?:19|20)\d{2}\b/g;

/** Capitalised words that are titles or question words, not names. */
const NOT_NAMES = new Set(
  [
    'how',
    'which',
    'what',
    'list',
    'name',
    'show',
    'give',
    'count',
    'did',
    'do',
    'does',
    'were',
    'was',
    'are',
    'is',
    'has',
    'have',
    'the',
    'and',
    'mr',
    'mrs',
    'ms',
    'dr',
    'president',
    'presidents',
    'prime',
    'minister',
    'ministers',
    'foreign',
    'deputy',
    'vice',
    'affairs',
    'premier',
    'king',
    'queen',
    'prince',
    'emir',
    'sheikh',
    'chancellor',
    'secretary',
    'general',
    'head',
    'state',
    'mou',
    'mous',
    'understanding',
    'i',
    'v',
  ].map(termKey),
);

const STATUS_PLANNED =
  /\b(?:will|to\s+be\s+signed|plan(?:ned|s)?|expected|intend(?:ed|s)?|upcoming|future|prepar(?:ed|ing)|draft(?:ed)?)\b/i;
const STATUS_SIGNED = /\b(?:sign(?:ed)?|ink(?:ed)?|conclude(?:d)?|exchange(?:d)?|seal(?:ed)?)\b/i;

/** "… on energy and water", "… about transport": the topic words after the noun. */
const TOPIC =
  /\b(?:on|about|regarding|concerning|covering|in\s+the\s+(?:field|area|sphere)s?\s+of)\s+((?:[\p{Ll}][\p{L}-]*)(?:\s+(?:and|or|,)?\s*[\p{Ll}][\p{L}-]*)*)/u;
/** Topic words that say when or how, not what about. */
const NOT_TOPIC = new Set(
  ['visit', 'trip', 'talks', 'meeting', 'sidelines', 'occasion', 'behalf', 'day', 'sign', 'signed'].map(
    termKey,
  ),
);

function nounOf(word: string): Noun | undefined {
  return NOUNS.find(([re]) => re.test(word.replace(/\s+/g, ' ')))?.[1];
}

/** What the question counts: its noun, or for "how many times", its verb. */
function countedNoun(question: string): { shape: 'count' | 'list'; noun: Noun; rest: string } | null {
  const counting = COUNT_START.exec(question);
  if (counting) {
    const rest = question.slice(counting[0].length);
    if (/^times\b/i.test(rest)) {
      const verb = TIMES_VERBS.find(([re]) => re.test(rest));
      return verb ? { shape: 'count', noun: verb[1], rest } : null;
    }
    const found = nounAt(rest);
    return found ? { shape: 'count', noun: found.noun, rest: found.after } : null;
  }
  const often = HOW_OFTEN.exec(question);
  if (often) {
    const rest = question.slice(often[0].length);
    const verb = TIMES_VERBS.find(([re]) => re.test(rest));
    return verb ? { shape: 'count', noun: verb[1], rest } : null;
  }
  const listing = LIST_START.exec(question);
  if (listing) {
    const found = nounAt(question.slice(listing[0].length));
    // "Which agreement …" asks for one thing: only a plural noun lists.
    if (!found || !/(?:s|people|memoranda)$/i.test(found.word)) return null;
    return { shape: 'list', noun: found.noun, rest: found.after };
  }
  return null;
}

function periodOf(question: string): CountQuestion['period'] | 'relative' {
  if (RELATIVE_DATE.test(question)) return 'relative';
  const month = MONTH_YEAR.exec(question);
  if (month) {
    const m = String(MONTHS.indexOf(month[1]!.toLowerCase()) + 1).padStart(2, '0');
    const iso = `${month[2]}-${m}`;
    return {
      from: iso,
      to: iso,
      label: `in ${month[1]!.charAt(0).toUpperCase()}${month[1]!.slice(1).toLowerCase()} ${month[2]}`,
    };
  }
  const years = [...question.matchAll(YEAR)].map((m) => m[0]);
  if (years.length === 0) return null;
  const [a, b] = [years[0]!, years.at(-1)!].sort();
  if (/\bsince\s+(?:19|20)\d{2}\b/i.test(question)) return { from: a!, to: '9999', label: `since ${a}` };
  if (/\b(?:before|until|till)\s+(?:19|20)\d{2}\b/i.test(question))
    return { from: '0000', to: String(Number(a) - 1), label: `before ${a}` };
  if (years.length > 1 && a !== b) return { from: a!, to: b!, label: `between ${a} and ${b}` };
  return { from: a!, to: a!, label: `in ${a}` };
}

/** The capitalised words of a question, with where each starts; possessive 's dropped. */
function capitalised(question: string): Array<{ word: string; at: number; end: number }> {
  const out: Array<{ word: string; at: number; end: number }> = [];
  for (const m of question.matchAll(/[\p{L}][\p{L}\p{M}'’-]*/gu)) {
    const word = m[0].replace(/['’]s?$/u, '');
    if (/^\p{Lu}/u.test(word) && word.length > 1) out.push({ word, at: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Places the articles' facts hold, by key. */
function knownPlace(engine: Engine, word: string): boolean {
  const key = termKey(word);
  return (
    engine.facts.meetings.some((m) => m.place !== null && termKey(m.place) === key) ||
    engine.facts.agreements.some((a) => a.place !== null && termKey(a.place) === key)
  );
}

/**
 * The counting question a text asks, or null when it is not one (or asks about a date relative
 * to today). Cheap for other questions: two regular expressions decide.
 */
export function readCountQuestion(engine: Engine, question: string): CountQuestion | null {
  const counted = countedNoun(question);
  if (!counted) return null;
  const { noun: found, shape, rest } = counted;
  if (found.kind === 'person' && !NAMED_IN_ARTICLES.test(rest)) return null;
  if (found.kind === 'trade' && !/\btrade\b/i.test(question)) return null;
  const period = periodOf(question);
  if (period === 'relative') return null;

  const mentioned = countriesIn(question);
  const countries = [...new Set(mentioned.map((c) => c.country))];
  // Words of a country's name are not names ("South" of "South Africa").
  const countryWords = new Set(mentioned.flatMap((c) => tokenize(c.text).map(termKey)));
  const words = capitalised(question).filter((w, i) => i > 0 || w.at > 0 || !NOT_NAMES.has(termKey(w.word)));
  const people: CountQuestion['people'] = [];
  const names: string[] = [];
  let place: string | null = null;
  // Consecutive name words are one person ("Kassym-Jomart Tokayev"): tried together first.
  const sameWord = wordMatcher(engine);
  let run: string[] = [];
  // The people whose own name has every typed word, when some do ("Wang Yi", not every Wang).
  const exact = (typed: string, found: PersonFact[]) => {
    const keys = tokenize(typed).map(termKey);
    const own = found.filter((p) => {
      const name = new Set(tokenize(p.name).map(termKey));
      return keys.every((k) => name.has(k));
    });
    return own.length > 0 ? own : found;
  };
  const flush = () => {
    if (run.length === 0) return;
    const whole = matchPeople(engine, run.join(' '));
    if (whole.length > 0) people.push({ typed: run.join(' '), matches: exact(run.join(' '), whole) });
    else {
      for (const w of run) {
        // One word alone names a person by a word of their name, or by their surname misspelt:
        // not by a near word of a title ("Cooperation" of a minister's long title).
        const one = matchPeople(engine, w).filter((p) => {
          const name = tokenize(p.name);
          return name.some((n) => termKey(n) === termKey(w)) || sameWord(w, name.at(-1) ?? '');
        });
        if (one.length > 0) people.push({ typed: w, matches: exact(w, one) });
        else names.push(w);
      }
    }
    run = [];
  };
  let end = -1;
  for (const { word, at, end: after } of words) {
    // A name is words next to each other: "Saidov and Cho Tae-yul" is two people.
    if (end >= 0 && question.slice(end, at).trim() !== '') flush();
    end = after;
    const key = termKey(word);
    const isMonth = MONTHS.includes(word.toLowerCase());
    const isCountry = countryWords.has(key) || countryOf(word) !== undefined || countriesIn(word).length > 0;
    const isPlace = !isCountry && (capitalOf(word) !== undefined || knownPlace(engine, word));
    if (NOT_NAMES.has(key) || isMonth || isCountry || nounOf(word)) {
      flush();
      continue;
    }
    if (isPlace) {
      flush();
      place = word;
      continue;
    }
    run.push(word);
  }
  flush();
  // "… of the same person" twice ("Tokayev Kassym-Jomart") is one person.
  const distinct = people.filter(
    (p, i) =>
      people.findIndex((q) => q.matches.map((m) => m.id).join() === p.matches.map((m) => m.id).join()) === i,
  );
  const topicMatch = TOPIC.exec(rest);
  const topic = topicMatch
    ? contentKeys(topicMatch[1]!).filter((k) => !NOT_TOPIC.has(k) && !MONTHS.includes(k))
    : [];
  const status = STATUS_PLANNED.test(question) ? 'planned' : STATUS_SIGNED.test(question) ? 'signed' : null;
  return {
    shape,
    kind: found.kind,
    noun: { one: found.one, many: found.many },
    narrow: found.narrow,
    status: found.kind === 'agreement' ? status : null,
    period,
    people: distinct,
    countries,
    place,
    // A word of a named person's own name ("Tae-yul" of "Cho Tae-yul") is not an event's name.
    names: names.filter(
      (n) =>
        !NOT_NAMES.has(termKey(n)) &&
        !distinct.some((p) =>
          p.matches.some((m) =>
            tokenize(n).every((w) => tokenize(m.name).some((x) => termKey(x) === termKey(w))),
          ),
        ),
    ),
    topic,
  };
}
