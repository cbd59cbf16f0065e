import type { Article, Sentence } from '../corpus/types.js';
import { datesIn } from './dates.js';
import { countryBeside } from './meetingCues.js';
import type { Person, PersonRef } from './people.js';
import type { FactDate, FactSource, Participant } from './types.js';

/**
 * A meeting while it is being read (a draft): who takes part, where, when and in what format, and the
 * small rules that grow it, before the drafts of the corpus are merged into meeting facts.
 */

export const FORMATS: Array<[RegExp, string]> = [
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
export const FORMAT_RANK = new Map(FORMATS.map(([, name], i) => [name, i]));

export interface MeetingDraft {
  article: Article;
  people: Map<string, Participant>;
  place: string | null;
  date: FactDate | null;
  /** A meeting the article mentions as having happened before (date unknown). */
  past: boolean;
  /** A meeting to come ("will meet", "agreed to hold"): never dated by the article. */
  planned?: boolean;
  format: string;
  sources: FactSource[];
  /** Article of every source, for the date inference. */
  articles: Set<Article>;
}

export function source(sentence: Sentence): FactSource {
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

export function formatOf(text: string): string | null {
  for (const [rule, name] of FORMATS) if (rule.test(text)) return name;
  return null;
}

export function betterFormat(a: string, b: string | null): string {
  if (!b) return a;
  return (FORMAT_RANK.get(b) ?? 99) < (FORMAT_RANK.get(a) ?? 99) ? b : a;
}

/** A meeting's day; a past one may be dated by its month ("in Paris last October"). */
export function dateIn(text: string, articleDate: string | null, past = false): FactDate | null {
  const dates = datesIn(text, articleDate);
  const d =
    dates.find((x) => x.precision === 'day') ??
    (past ? dates.find((x) => x.precision === 'month' && x.iso) : undefined);
  return d ? { iso: d.iso, display: d.display, from: d.yearFrom ?? 'none' } : null;
}

/**
 * The date a sentence gives its meeting: the first one written after the meeting word, else the last
 * before it ("who paid a state visit to Lisbon in November 2018, told a forum on Wednesday" is November
 * 2018). `past` is whether that date is a month before the article's month (in an undated article: a
 * month and year the text writes out), a meeting other than the one the article reports.
 */
export function statedDate(
  text: string,
  cueAt: number,
  articleDate: string | null,
): { date: FactDate; past: boolean } | null {
  const dates = datesIn(text, articleDate).filter((x) => x.iso);
  const d = dates.find((x) => x.index >= cueAt) ?? dates.findLast((x) => x.index < cueAt);
  if (!d?.iso) return null;
  const date: FactDate = { iso: d.iso, display: d.display, from: d.yearFrom ?? 'none' };
  // A month and its year ("in August 2024"), not a bare year ("since it was launched in 2016").
  const past =
    d.precision === 'month' &&
    d.iso.length === 7 &&
    (articleDate ? d.iso < articleDate.slice(0, 7) : d.yearFrom === 'text');
  return { date, past };
}

/** Whether two dates may be one day: equal, or one a part of the other ("2025-11" and "2025-11-18"). */
export function sameTime(a: FactDate | null | undefined, b: FactDate | null | undefined): boolean {
  if (!a?.iso || !b?.iso) return true;
  return a.iso.startsWith(b.iso) || b.iso.startsWith(a.iso);
}

/** The date a sentence gives, at whatever precision (a planned or passing meeting: "in November", "in 2026"). */
export function anyDate(text: string, articleDate: string | null): FactDate | null {
  const d = datesIn(text, articleDate).find((x) => x.iso);
  return d ? { iso: d.iso, display: d.display, from: d.yearFrom ?? 'none' } : null;
}

/** A side of a meeting named only by its country (the host of a visit, "the President of Korea"). */
export function side(country: string): Participant {
  return { id: `country:${country}`, name: country, role: null, country };
}
export const isSide = (id: string) => id.startsWith('country:');
/** Whether a person, or a side ("the Latvian president"), is in a draft: a side is there with anyone of its country. */
export function takesPart(d: MeetingDraft, id: string): boolean {
  if (d.people.has(id)) return true;
  const country = isSide(id) ? id.slice('country:'.length) : null;
  return country !== null && [...d.people.values()].some((p) => p.country === country);
}
export const realIds = (d: MeetingDraft) => [...d.people.keys()].filter((id) => !isSide(id));

/** A new draft of one article's meeting. */
export function draftOf(article: Article, past: boolean, planned = false): MeetingDraft {
  return {
    article,
    people: new Map(),
    place: null,
    date: null,
    past,
    planned,
    format: 'meeting',
    sources: [],
    articles: new Set([article]),
  };
}

/** Adds people to a draft; a side named by its country gives way to a person of that country. */
export function addPeople(d: MeetingDraft, refs: readonly PersonRef[], text: string, file: string): void {
  let from = 0;
  for (const r of refs) {
    if (!d.people.has(r.person.id)) {
      const p = participant(r.person, file);
      const beside = p.country ? null : countryBeside(text, r, from);
      d.people.set(r.person.id, beside ? { ...p, country: beside } : p);
    }
    from = r.index + r.text.length;
  }
  const countries = new Set([...d.people].filter(([id]) => !isSide(id)).map(([, p]) => p.country));
  for (const [id, p] of d.people) if (isSide(id) && countries.has(p.country)) d.people.delete(id);
}
