import type { Article, Sentence } from '../corpus/types.js';
import { capitalOf, countriesIn, countryOf } from './geo.js';
import { isInvitation, isPlanned, meetingCue, reportsMeeting, visitInPassing } from './meetingCues.js';
import {
  addPeople,
  anyDate,
  betterFormat,
  dateIn,
  draftOf,
  formatOf,
  type MeetingDraft,
  participant,
  realIds,
  sameTime,
  side,
  source,
  statedDate,
  takesPart,
} from './meetingDraft.js';
import { namelessMeetings } from './meetingNameless.js';
import { placeIn, soloVisit } from './meetingPlaces.js';
import { titleRefs } from './meetingTitles.js';
import type { PersonRef } from './people.js';
import { articlePair } from './tradePair.js';
import type { FactDate, MeetingFact, Participant } from './types.js';

/**
 * Meetings: who met whom (talks, visits, negotiations), where, when and in
 * what format. Sentences of one article about the same meeting are merged;
 * so are two articles' reports of one event (the same people in the same
 * place, one of them undated), and the undated article then takes the dated
 * one's date, marked as inferred.
 */

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

const SEPARATE = /\b(separate|another|other) meeting\b/i;
/** "have not held a formal meeting since", "never met": a meeting that did not take place. */
const NOT_HELD =
  /\b(?:not|never)\s+(?:\w+\s+){0,2}?(?:held|hold|met|meet|visited|visit|attend|attended)\b|\bno (?:\w+\s+)?(?:meeting|talks|visit)\b|\bskipped\b/i;

const SIGNING = /\b(?:signed|inked)\b/i;

/** Formats a sentence may add to a meeting told ("in an extended format", "his state visit"); "negotiations on …" adds none. */
const NAMES_FORMAT = /\b(?:visit|expanded format)$/;

const THE_MEETING = /\bthe (?:meeting|session|talks)\b/i;
const EVENT_BACK = /^(?:the|this) (?:discussion|meeting|talks|negotiations|visit|conversation)\b/i;

/** "both leaders", "the sides": the people of a sentence just before. */
const GROUP =
  /\b(?:both|the two|the) (?:leaders|presidents|premiers|(?:prime |foreign |\p{Ll}+ )?ministers|sides|parties|heads of (?:state|government)|interlocutors|delegations)\b|\bthe two (?=(?:met|held|also|later)\b)/iu;
const GROUP_LOOKBACK = 2;
/** "They also agreed to convene …": the people of the article's current meeting. */
const THEY = /^(?:they|both)\b/i;

/**
 * "during the state visit of the President of Korea to Tashkent in June 2024": a visit told in passing, as
 * its own meeting of the visitor's country and the host's. Returns the sentence without the phrase.
 */
function passingVisit(
  sentence: Sentence,
  refs: readonly PersonRef[],
  article: Article,
  drafts: MeetingDraft[],
): string {
  const text = sentence.text;
  const v = visitInPassing(text);
  if (!v) return text;
  const rest = text.slice(0, v.start) + ' '.repeat(v.end - v.start) + text.slice(v.end);
  // "A held talks with B during his visit to Dushanbe on January 25": the visit is the sentence's own meeting.
  const own = meetingCue(rest);
  if (v.possessive && own && !own.weak) return text;
  const inside = refs.filter((r) => r.index >= v.start && r.index < v.end);
  // "during his visit": the one who visits is the sentence's subject, named before the phrase.
  const visitors =
    inside.length > 0 ? inside : v.possessive ? refs.filter((r) => r.index < v.start).slice(0, 1) : [];
  const d = draftOf(article, false);
  addPeople(d, visitors, text, article.file);
  for (const c of v.visitorCountries) if (c !== v.placeCountry) d.people.set(`country:${c}`, side(c));
  const visitorCountries = new Set([...d.people.values()].map((p) => p.country));
  if (d.people.size === 0 || visitorCountries.has(v.placeCountry) || visitorCountries.has(null)) return text;
  d.people.set(`country:${v.placeCountry}`, side(v.placeCountry));
  let date = anyDate(v.tail, article.meta.date);
  // "on April 7 of that year": the year the sentence wrote before.
  const year = /\bthat year\b/i.test(v.tail)
    ? text
        .slice(0, v.start)
        .match(/\b(?:19|20)\d\d\b/g)
        ?.at(-1)
    : undefined;
  if (date?.iso && year)
    date = { ...date, iso: year + date.iso.slice(4), display: year + date.display.slice(4) };
  const articleDate = article.meta.date;
  if (date?.iso && articleDate && date.iso > articleDate) d.planned = true;
  else d.past = date?.iso ? !articleDate || date.iso.slice(0, 7) < articleDate.slice(0, 7) : isPast(text);
  // Told in passing with no date, during the article's own visit ("said during a visit to Accra"): today's.
  d.date = date;
  d.place = v.place;
  d.format = betterFormat('visit', formatOf(text.slice(v.start, v.end)));
  d.sources.push(source(sentence));
  drafts.push(d);
  return rest;
}

/** A meeting to come: its own record, dated only by the words of its sentence. */
function plannedMeeting(
  sentence: Sentence,
  refs: readonly PersonRef[],
  article: Article,
  drafts: MeetingDraft[],
): void {
  const text = sentence.text;
  const current =
    refs.length < 2 && (GROUP.test(text) || THEY.test(text))
      ? drafts.findLast((d) => !d.past && !d.planned)
      : undefined;
  const place = placeIn(text);
  const d = draftOf(article, false, true);
  if (current) for (const [id, p] of current.people) d.people.set(id, p);
  addPeople(d, refs, text, article.file);
  if (realIds(d).length < 2) {
    const person = refs[0]?.person;
    const country = place ? (capitalOf(place)?.country ?? countryOf(place)) : undefined;
    if (!person || realIds(d).length !== 1 || !country || country === person.country) return;
    d.people.set(`country:${country}`, side(country));
  }
  d.place = place;
  d.date = anyDate(text, article.meta.date);
  d.format = betterFormat(d.format, formatOf(text));
  d.sources.push(source(sentence));
  drafts.push(d);
}

/** Meetings reported by one article, merged sentence by sentence. */
function articleMeetings(article: Article, refsOf: (s: Sentence) => PersonRef[]): MeetingDraft[] {
  const drafts: MeetingDraft[] = [];
  const pair = articlePair(article);
  const pool = [...new Set(article.sentences.flatMap((s) => refsOf(s).map((r) => r.person)))];
  const read = (sentence: Sentence, at: number) => {
    let refs = refsOf(sentence);
    const text = passingVisit(sentence, refs, article, drafts);
    refs = refs.filter((r) => text.slice(r.index, r.index + r.text.length) === r.text);
    // "the Latvian president", "Estonia's foreign minister": the one person of the article who fits, or a side.
    refs = [...refs, ...titleRefs(text, refs, pool)].sort((a, b) => a.index - b.index);
    const cue = meetingCue(text);
    if (!cue || SEPARATE.test(text) || ORDER.test(text.slice(0, cue.at)) || NOT_HELD.test(text)) return;
    // An invitation is neither the meeting told nor one that will take place.
    if (isInvitation(text)) return;
    if (isPlanned(text)) {
      plannedMeeting(sentence, refs, article, drafts);
      return;
    }
    // "The interlocutors also met …", no one named: the article's current meeting goes on, whoever
    // else the sentences before it mention.
    const going =
      refs.length === 0 && !cue.weak && GROUP.test(text)
        ? drafts.findLast((d) => !d.past && !d.planned)
        : undefined;
    // The date the sentence gives its meeting; one before the article's month is another, past meeting.
    const stated = statedDate(text, cue.at, article.meta.date);
    const ownDay = stated?.past ? stated.date : dateIn(text, article.meta.date);
    // A sentence joins a meeting already told only when it tells of it taking place ("also met",
    // "arrived", "held talks"): what its people did there ("discussed", "agreed", "signed") and
    // "during Trump's visit", "hailed the visit" only refer to it.
    // A sentence that names its format better ("during the talks in an extended format") joins it too.
    // A signing by its people stays with it too: a document signed there takes its date through it.
    const tells = reportsMeeting(text) || SIGNING.test(text);
    const named = formatOf(text);
    const addsTo = (d: MeetingDraft) =>
      tells || (named !== null && NAMES_FORMAT.test(named) && betterFormat(d.format, named) !== d.format);
    if (going && !addsTo(going)) return;
    if (going && sameTime(ownDay, going.date) && !stated?.past) {
      going.sources.push(source(sentence));
      going.place ??= placeIn(text);
      going.format = betterFormat(going.format, formatOf(text));
      going.date ??= ownDay;
      return;
    }
    // "The parties discussed …", "the two sides signed …": a weak word needs the people named.
    if (cue.weak && refs.length < 2) {
      // "Japarov signed the agreement" during the visit the article tells: that visit's record.
      const ids = refs.map((r) => r.person.id);
      const joined =
        ids.length === 1 ? drafts.findLast((d) => !d.past && !d.planned && takesPart(d, ids[0]!)) : undefined;
      if (joined && tells && sameTime(ownDay, joined.date) && !stated?.past)
        joined.sources.push(source(sentence));
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
    // "The discussion took place in Baku on December 14": the event of the sentence before, when the
    // sentence says when or where (not "the meeting lasted two hours").
    if (refs.length === 0 && at > 0 && EVENT_BACK.test(text) && (ownDay || placeIn(text)))
      refs = refsOf(article.sentences[at - 1]!);
    if (refs.length === 0) return;
    const past = isPast(text) || Boolean(stated?.past);
    const ids = refs.map((r) => r.person.id);
    // A sentence dated to another day tells of another meeting, or another day of the visit: each is
    // dated by its own words ("arrived on Tuesday", "held talks on Wednesday").
    const day = ownDay;
    const fits = (d: MeetingDraft) => !d.planned && sameTime(day, d.date);
    const current = drafts.find((d) => !d.past && !past && fits(d) && ids.every((id) => takesPart(d, id)));
    const same =
      current ??
      drafts.find(
        (d) => d.past === past && fits(d) && ids.length >= 2 && ids.every((id) => takesPart(d, id)),
      ) ??
      drafts.find(
        (d) =>
          d.past === past &&
          fits(d) &&
          ids.length >= 2 &&
          realIds(d).length > 0 &&
          realIds(d).every((id) => ids.includes(id)),
      ) ??
      // "during a meeting in Riga. The meeting was held between A and B": the nameless meeting's people
      // ("A was received by B" that day is a meeting of its own).
      drafts.find(
        (d) =>
          THE_MEETING.test(text) &&
          d.past === past &&
          fits(d) &&
          ids.length >= 2 &&
          realIds(d).length === 0 &&
          refs.every((r) => d.people.has(`country:${participant(r.person, article.file).country}`)),
      );
    if (same && !addsTo(same)) return;
    // One person visiting another country is a meeting too, with its place.
    const visit = refs.length === 1 && !same ? soloVisit(text, refs[0]!.person) : null;
    if (!same && refs.length < 2 && !visit) return;
    const draft: MeetingDraft = same ?? draftOf(article, past);
    if (!same) drafts.push(draft);
    addPeople(draft, refs, text, article.file);
    if (visit && draft.people.size === 1) {
      const host = capitalOf(visit)?.country ?? countryOf(visit);
      if (host) draft.people.set(`country:${host}`, side(host));
    }
    draft.sources.push(source(sentence));
    draft.place ??= visit ?? placeIn(text);
    draft.format = betterFormat(draft.format, formatOf(text));
    draft.date ??= stated?.past ? stated.date : dateIn(text, article.meta.date, past);
  };
  article.sentences.forEach((sentence, at) => {
    read(sentence, at);
    const used = drafts.some((d) =>
      d.sources.some((s) => s.line === sentence.line && s.file === sentence.file),
    );
    if (!used) namelessMeeting(sentence, article, pair, drafts);
  });
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
    if (d.planned) {
      d.date = { iso: null, display: 'to come, date not stated', from: 'none' };
    } else if (d.past) {
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
 * "the eighth meeting of the joint commission was held in Vilnius", no one named: a meeting of the two
 * countries the sentence names, or of the article's pair. It joins the article's meeting of those countries
 * on the same day, if there is one.
 */
function namelessMeeting(
  sentence: Sentence,
  article: Article,
  pair: [string, string] | null,
  drafts: MeetingDraft[],
): void {
  const text = sentence.text;
  const found = namelessMeetings(text, article.meta.date);
  if (found.length === 0) return;
  const named = [...new Set(countriesIn(text).map((c) => c.country))];
  // The two the sentence names; else the article's pair, when the sentence names none but them.
  const pairFits = pair && (named.every((c) => pair.includes(c)) || pair.every((c) => named.includes(c)));
  const sides = named.length === 2 ? named : pairFits ? pair : null;
  if (!sides) return;
  const articleDate = article.meta.date;
  for (const n of found) {
    const date = n.dateText ? anyDate(n.dateText, articleDate) : null;
    const planned = n.planned || Boolean(date?.iso && articleDate && date.iso > articleDate);
    const past =
      !planned &&
      (n.past || Boolean(date?.iso && articleDate && date.iso.slice(0, 7) < articleDate.slice(0, 7)));
    const countries = (d: MeetingDraft) => new Set([...d.people.values()].map((p) => p.country));
    const same = drafts.find(
      (d) =>
        !d.planned &&
        !planned &&
        d.past === past &&
        sides.every((c) => countries(d).has(c)) &&
        (!date?.iso || !d.date?.iso || d.date.iso.startsWith(date.iso) || date.iso.startsWith(d.date.iso)),
    );
    if (same) {
      same.sources.push(source(sentence));
      same.place ??= n.place;
      continue;
    }
    const d = draftOf(article, past, planned);
    for (const c of sides) d.people.set(`country:${c}`, side(c));
    d.place = n.place;
    d.date = date;
    d.format = betterFormat('meeting', formatOf(text.slice(n.at)));
    d.sources.push(source(sentence));
    drafts.push(d);
  }
}

/**
 * "Prime Minister Pham Minh Chinh held talks with his Japanese counterpart": in an article on one pair of
 * countries, participants whose country the article does not give are from the other country, when every
 * participant whose country it gives is from one side ("X paid a courtesy call on Y and met Z").
 */
function inferCounterpart(d: MeetingDraft, pair: [string, string] | null): void {
  if (!pair || d.people.size < 2) return;
  const all = [...d.people.values()];
  const known = new Set(all.flatMap((p) => (p.country ? [p.country] : [])));
  if (known.size !== 1) return;
  const [side] = known;
  if (!pair.includes(side!)) return;
  const other = pair[0] === side ? pair[1] : pair[0];
  for (const p of all) if (!p.country) d.people.set(p.id, { ...p, country: other });
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
