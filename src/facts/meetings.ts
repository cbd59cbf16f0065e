import type { Article, Sentence } from '../corpus/types.js';
import { datesIn } from './dates.js';
import { capitalCity, capitalOf, countriesIn, countryOf } from './geo.js';
import type { Person, PersonRef } from './people.js';
import { articlePair } from './trade.js';
import type { FactDate, FactSource, MeetingFact, Participant } from './types.js';

/**
 * Meetings: who met whom (talks, visits, negotiations), where, when and in
 * what format. Sentences of one article about the same meeting are merged;
 * so are two articles' reports of one event (the same people in the same
 * place, one of them undated), and the undated article then takes the dated
 * one's date, marked as inferred.
 */

const TRIGGER =
  /\b(met|meet|meets|meeting|talks|negotiations|discussed|discussion|visit|visits|visited|visiting|received|hosts?|hosted|summit|phone call|telephone conversation|conversation|greeted|welcomed|signed|witnessed|co-chaired|chaired|arrived|arrives|press conference|consultations)\b/i;
/** A meeting referred to as past from the article's point of view. */
const PAST =
  /\b(previously|earlier|before that|in the past|last (?:year|month|week|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december)|previous meeting)\b/i;
/** Cue words of PAST that news misspells ("the pervious meeting"): matched with one letter off. */
const PAST_WORDS = ['previous', 'previously', 'earlier'];

/** Whether two words are at most one edit apart (a letter added, dropped, changed or two swapped). */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.slice(i + 1) === b.slice(i + 1)) return true; // changed
  if (a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1)) return true; // added or dropped
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swapped
}

/**
 * "previously reached agreements", "earlier decisions": a past word that qualifies another noun (through a
 * participle, or as an adjective) dates that thing, not a meeting. "previously met", "earlier talks",
 * "earlier this week" still do.
 */
const QUALIFIES_NOUN =
  /\b(?:previously|earlier|previous)\s+(?:(?!met\b|held\b)\p{L}+(?:ed|en|ne|de|t)\s+)?(?!(?:this|that|the|in|on|at|with|today|than|and|for|meeting|meetings|talks|visit|visits|negotiations|consultations|conversation|met|held|visited|discussed)\b)\p{L}+/giu;

/** PAST, tolerating a misspelled cue word of seven letters or more. */
function isPast(text: string): boolean {
  const plain = text.replace(QUALIFIES_NOUN, ' ');
  if (PAST.test(plain)) return true;
  const words = plain.toLowerCase().match(/\p{L}{7,}/gu) ?? [];
  return words.some((w) => PAST_WORDS.some((p) => w !== p && oneEditApart(w, p)));
}

/** "Tokayev instructed the minister to hold talks with …": an order, not a meeting of those two. */
const ORDER =
  /\b(?:instructed|ordered|tasked|charged|directed|commissioned|urged|asked)\b[^.;]*?\bto\s+(?:\w+\s+){0,3}?$/i;

/** A visit by one person to another country: "arrived in Tbilisi on a working visit", "a state visit to Nigeria". */
const VISIT_FORMAT = /\b(?:state|official|working|business)\s+visit\b/i;
/** The place right after the visit: "visited Tbilisi", "arrived in the capital of Georgia", "trip to Nigeria". */
const VISIT_TO =
  /\b(?:(?:arrived|arrives|arriving)\s+in|visited|visits|visiting|to visit|(?:visit|trip|travel(?:led|ed|s|ling)?)\s+to)\s+(?:the\s+)?((?:capital (?:city )?of\s+(?:the\s+)?)?[\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)/u;
const SEPARATE = /\b(separate|another|other) meeting\b/i;
/** "agreed to hold the next round of consultations", "accepted an invitation to visit": a meeting to come. */
const FUTURE =
  /\b(?:agreed|ready|readiness|plans?|planned|intends?|decided|invitation|invited)\s+to\s+(?:\w+\s+){0,3}?(?:hold|launch|start|resume|visit|meet|pay)\b|\bnext (?:round|meeting|session|summit)\b|\bupcoming\b/i;
/** "have not held a formal meeting since", "never met": a meeting that did not take place. */
const NOT_HELD =
  /\b(?:not|never)\s+(?:\w+\s+){0,2}?(?:held|hold|met|meet|visited|visit)\b|\bno (?:\w+\s+)?(?:meeting|talks|visit)\b/i;

const FORMATS: Array<[RegExp, string]> = [
  [/\bstate visit\b/i, 'state visit'],
  [/\bofficial visit\b/i, 'official visit'],
  [/\bworking visit\b/i, 'working visit'],
  [/\bbusiness visit\b/i, 'business visit'],
  [/\b(?:phone call|telephone (?:call|conversation)|phone conversation)\b/i, 'phone call'],
  [/\bsummit\b/i, 'summit'],
  [/\b(?:extended|expanded|enlarged) (?:format|negotiations|talks)\b/i, 'talks in an expanded format'],
  [/\bnegotiations\b/i, 'negotiations'],
  [/\btalks\b/i, 'talks'],
  [/\bvisit(?:ed|s|ing)?\b/i, 'visit'],
  [/\b(?:met|meet|meets|meeting)\b/i, 'meeting'],
];
const FORMAT_RANK = new Map(FORMATS.map(([, name], i) => [name, i]));

export interface MeetingDraft {
  article: Article;
  people: Map<string, Participant>;
  place: string | null;
  date: FactDate | null;
  /** A meeting the article mentions as having happened before (date unknown). */
  past: boolean;
  format: string;
  sources: FactSource[];
  /** Article of every source, for the date inference. */
  articles: Set<Article>;
}

function source(sentence: Sentence): FactSource {
  return { file: sentence.file, line: sentence.line, text: sentence.text };
}

/** A participant with the role the reporting article gives them (roles change over time). */
export function participant(person: Person, file: string): Participant {
  const here = person.roles.filter((r) => r.sentence.file === file);
  const pick = (roles: typeof person.roles) => roles.find((r) => r.country !== null) ?? roles[0];
  const role = pick(here) ?? pick(person.roles);
  return {
    id: person.id,
    name: person.name,
    role: role?.title ?? null,
    country: role?.country ?? person.country,
  };
}

const PLACE =
  /\b(?:in|to|at|arrived in|visit to|talks in|held in)\s+(?:the\s+)?(?:([\p{Lu}][\p{L}-]+)['’]s\s+)?([\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)/gu;

/** The meeting's place: a capital or country after "in/to/at", preferring a city. */
export function meetingPlace(text: string): string | null {
  let country: string | null = null;
  for (const m of text.matchAll(PLACE)) {
    const word = m[2]!.replace(/['’]s$/, '');
    const first = word.split(/\s+/)[0]!;
    if (capitalOf(word)) return capitalOf(word)!.city;
    if (capitalOf(first)) return capitalOf(first)!.city;
    if (!country && countriesIn(word).length > 0 && countryOf(word)) country = countryOf(word)!;
  }
  return country;
}

function formatOf(text: string): string | null {
  for (const [rule, name] of FORMATS) if (rule.test(text)) return name;
  return null;
}

function betterFormat(a: string, b: string | null): string {
  if (!b) return a;
  return (FORMAT_RANK.get(b) ?? 99) < (FORMAT_RANK.get(a) ?? 99) ? b : a;
}

/** A meeting's day; a past one may be dated by its month ("in Paris last October"). */
function dateIn(text: string, articleDate: string | null, past = false): FactDate | null {
  const dates = datesIn(text, articleDate);
  const d =
    dates.find((x) => x.precision === 'day') ??
    (past ? dates.find((x) => x.precision === 'month' && x.iso) : undefined);
  return d ? { iso: d.iso, display: d.display, from: d.yearFrom ?? 'none' } : null;
}

/** The place a lone visitor goes to, when it is another country or its city. */
function soloVisit(text: string, person: Person): string | null {
  // "during his visit to Warsaw", said by a spokesman: the visitor is someone else.
  if (/\b(?:his|her|their)\s+(?:\w+\s+)?(?:visit|trip)\b/i.test(text)) return null;
  const to = VISIT_TO.exec(text);
  const format = VISIT_FORMAT.exec(text);
  const place =
    (to && (capitalOfCountryIn(to[1]!) ?? placeWord(to[1]!))) ??
    (format ? meetingPlace(text.slice(format.index)) : null);
  if (!place) return null;
  const country = capitalOf(place)?.country ?? countryOf(place) ?? null;
  return country && country !== person.country ? place : null;
}

/** A capital or country named by a phrase, as a place. */
function placeWord(phrase: string): string | null {
  const word = phrase.replace(/['’]s$/, '');
  return capitalOf(word)?.city ?? countryOf(word) ?? null;
}

/** "arrived in the capital of Georgia": the capital. */
function capitalOfCountryIn(text: string): string | null {
  const m = /\bcapital (?:city )?of\s+(?:the\s+)?([\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)/u.exec(
    text,
  );
  const country = m ? countryOf(m[1]!) : undefined;
  return country ? (capitalCity(country) ?? country) : null;
}

/** Two dates this far apart or more are two meetings, not the days of one visit. */
const VISIT_DAYS = 7;

const EVENT_BACK = /^(?:the|this) (?:discussion|meeting|talks|negotiations|visit|conversation)\b/i;

/** "both leaders", "the sides": the people of a sentence just before. */
const GROUP =
  /\b(?:both|the two|the) (?:leaders|presidents|ministers|sides|parties|heads of state|interlocutors|delegations)\b/i;
const GROUP_LOOKBACK = 2;

/** A sentence whose first meeting word is about a meeting to come. */
function isFuture(text: string, triggerAt: number): boolean {
  const m = FUTURE.exec(text);
  return m !== null && m.index <= triggerAt;
}

/** Meetings reported by one article, merged sentence by sentence. */
function articleMeetings(article: Article, refsOf: (s: Sentence) => PersonRef[]): MeetingDraft[] {
  const drafts: MeetingDraft[] = [];
  article.sentences.forEach((sentence, at) => {
    const text = sentence.text;
    const trigger = TRIGGER.exec(text);
    if (
      !trigger ||
      SEPARATE.test(text) ||
      ORDER.test(text.slice(0, trigger.index)) ||
      isFuture(text, trigger.index) ||
      NOT_HELD.test(text)
    )
      return;
    let refs = refsOf(sentence);
    // "The interlocutors also discussed …", no one named: the article's current meeting goes on, whoever
    // else the sentences before it mention.
    const going = refs.length === 0 && GROUP.test(text) ? drafts.findLast((d) => !d.past) : undefined;
    if (going) {
      going.sources.push(source(sentence));
      going.place ??= meetingPlace(text) ?? capitalOfCountryIn(text);
      going.format = betterFormat(going.format, formatOf(text));
      going.date ??= dateIn(text, article.meta.date);
      return;
    }
    // "The two leaders met in Brasilia" (one of them named, or none): the people of a sentence just before.
    if (refs.length < 2 && GROUP.test(text)) {
      const earlier = article.sentences.slice(Math.max(0, at - GROUP_LOOKBACK), at).reverse();
      const ids = refs.map((r) => r.person.id);
      refs =
        earlier
          .map(refsOf)
          .find((r) => r.length >= 2 && ids.every((id) => r.some((x) => x.person.id === id))) ?? refs;
    }
    // "The discussion took place in Baku on December 14": the event of the sentence before.
    if (refs.length === 0 && at > 0 && EVENT_BACK.test(text)) refs = refsOf(article.sentences[at - 1]!);
    if (refs.length === 0) return;
    const past = isPast(text);
    const ids = refs.map((r) => r.person.id);
    // A sentence dated to another day tells of another meeting ("on March 8, 2023, after negotiations with …").
    const day = dateIn(text, article.meta.date);
    // Days of one visit ("arrives today … leaves tomorrow") stay one meeting.
    const fits = (d: MeetingDraft) =>
      !day?.iso ||
      !d.date?.iso ||
      Math.abs(Date.parse(d.date.iso) - Date.parse(day.iso)) <= VISIT_DAYS * 86_400_000;
    const current = drafts.find((d) => !d.past && !past && fits(d) && ids.every((id) => d.people.has(id)));
    const same =
      current ??
      drafts.find(
        (d) => d.past === past && fits(d) && ids.length >= 2 && ids.every((id) => d.people.has(id)),
      ) ??
      drafts.find(
        (d) =>
          d.past === past &&
          fits(d) &&
          ids.length >= 2 &&
          [...d.people.keys()].every((id) => ids.includes(id)),
      );
    // One person visiting another country is a meeting too, with its place.
    const visit = refs.length === 1 && !same ? soloVisit(text, refs[0]!.person) : null;
    if (!same && refs.length < 2 && !visit) return;
    const draft: MeetingDraft = same ?? {
      article,
      people: new Map(),
      place: null,
      date: null,
      past,
      format: 'meeting',
      sources: [],
      articles: new Set([article]),
    };
    if (!same) drafts.push(draft);
    for (const r of refs)
      if (!draft.people.has(r.person.id)) draft.people.set(r.person.id, participant(r.person, article.file));
    draft.sources.push(source(sentence));
    draft.place ??= visit ?? meetingPlace(text) ?? capitalOfCountryIn(text);
    draft.format = betterFormat(draft.format, formatOf(text));
    draft.date ??= dateIn(text, article.meta.date, past);
  });
  const pair = drafts.length > 0 ? articlePair(article) : null;
  for (const d of drafts) {
    inferCounterpart(d, pair);
    // "a state visit to Tajikistan" in an article that names Dushanbe: the city.
    const country = d.place && !capitalOf(d.place) ? countryOf(d.place) : undefined;
    if (country) {
      const city = article.sentences
        .flatMap((s) => s.text.match(/[\p{Lu}][\p{L}-]+/gu) ?? [])
        .map((w) => capitalOf(w))
        .find((c) => c?.country === country);
      if (city) d.place = city.city;
    }
    if (d.date) continue;
    if (d.past) {
      d.date = {
        iso: null,
        display: article.meta.date ? `before ${article.meta.date}` : 'date not stated',
        from: 'none',
      };
    } else if (article.meta.date) {
      d.date = { iso: article.meta.date, display: article.meta.date, from: 'article' };
    }
  }
  return drafts;
}

/**
 * "Prime Minister Pham Minh Chinh held talks with his Japanese counterpart": in an article on one pair of
 * countries, the one of two participants whose country the article does not give is from the other country.
 */
function inferCounterpart(d: MeetingDraft, pair: [string, string] | null): void {
  if (!pair || d.people.size !== 2) return;
  const [a, b] = [...d.people.values()];
  const [known, unknown] = a!.country ? [a!, b!] : [b!, a!];
  if (!known.country || unknown.country || !pair.includes(known.country)) return;
  d.people.set(unknown.id, { ...unknown, country: pair[0] === known.country ? pair[1] : pair[0] });
}

const sameSet = (a: Map<string, Participant>, b: Map<string, Participant>) =>
  a.size === b.size && [...a.keys()].every((k) => b.has(k));

/** Two reports of one event: the same people, not past, and the same date or the same place with one undated. */
function sameEvent(a: MeetingDraft, b: MeetingDraft): boolean {
  if (a.past || b.past || a.people.size < 2 || !sameSet(a.people, b.people)) return false;
  if (a.date?.iso && b.date?.iso) return a.date.iso === b.date.iso;
  return a.place !== null && a.place === b.place;
}

export interface MeetingsResult {
  meetings: MeetingFact[];
  /** Undated articles whose date follows from a dated report of the same event. */
  inferredDates: Map<Article, { date: string; from: string }>;
}

/** Meetings of the whole corpus, one record per event, in date order (undated last). */
export function extractMeetings(
  articles: readonly Article[],
  refsOf: (s: Sentence) => PersonRef[],
): MeetingsResult {
  const merged: MeetingDraft[] = [];
  const inferredDates = new Map<Article, { date: string; from: string }>();
  for (const article of articles) {
    for (const d of articleMeetings(article, refsOf)) {
      const twin = merged.find((m) => sameEvent(m, d));
      if (!twin) {
        merged.push(d);
        continue;
      }
      const dated = twin.date?.iso ? twin : d.date?.iso ? d : null;
      const undated = dated === twin ? d : twin;
      if (dated && !undated.date?.iso && dated.date?.from === 'article' && !undated.article.meta.date) {
        inferredDates.set(undated.article, { date: dated.date.iso!, from: dated.article.file });
      }
      twin.sources.push(...d.sources);
      twin.articles.add(article);
      twin.place ??= d.place;
      twin.format = betterFormat(twin.format, d.format);
      if (!twin.date?.iso && d.date?.iso) twin.date = d.date;
    }
  }
  const meetings = merged.map(toFact);
  meetings.sort((a, b) => {
    const x = a.date.iso;
    const y = b.date.iso;
    if (x && y) return x < y ? -1 : x > y ? 1 : 0;
    return x ? -1 : y ? 1 : 0;
  });
  return { meetings, inferredDates };
}

function toFact(d: MeetingDraft): MeetingFact {
  const participants = [...d.people.values()];
  const date: FactDate = d.date ?? { iso: null, display: 'date not stated', from: 'none' };
  const fact: Omit<MeetingFact, 'statement'> = {
    kind: 'meeting',
    id: `${date.iso ?? 'undated'}-${participants.map((p) => p.id).join('-')}`,
    participants,
    place: d.place,
    date,
    format: d.format,
    source: d.sources[0]!,
    sources: d.sources,
  };
  return { ...fact, statement: meetingStatement(fact) };
}

/** The one-line statement of a meeting. */
export function meetingStatement(fact: Omit<MeetingFact, 'statement'>): string {
  const who = fact.participants.map((p) =>
    p.role ? `${p.name} (${p.role}${p.country ? `, ${p.country}` : ''})` : p.name,
  );
  const where = fact.place ? ` in ${fact.place}` : '';
  return `${fact.date.display}: ${fact.format}${where}: ${who.join(' and ')}`;
}
