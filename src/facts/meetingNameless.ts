import { datesIn } from './dates.js';
import { capitalOf, countriesIn, countryOf } from './geo.js';
import { isPlanned, withoutBackReferences } from './meetingCues.js';

/**
 * Meetings a sentence tells without naming anyone in them: "the eighth meeting of the joint commission was
 * held in Vilnius", "the commission, which last met in Tartu in 2019", "the last such session, held in Narva
 * in May 2021", "during a meeting in Riga". Only a meeting word with its own place or date counts: the
 * caller gives it the countries the sentence names, or the article's pair.
 */

/** A meeting word, then what was done with it: held, met, took place, is scheduled. */
const HELD =
  /\b(?:meeting|session|summit|talks|phone talk|consultations|commission|council|committee)\b(?:[^.;:]{0,100}?)\b((?:was |were |been )?(?:held|convened)|took place|(?:will|would) take place|(?:last )?met|scheduled(?= (?:for|in)\b)|(?:planned|due|set) to (?:be held|take place))\b/giu;
/**
 * "after a meeting of trade ministers on Thursday", "during a meeting in Riga": the place or day right after.
 * "organised a meeting on May 2" is an event someone held, not a meeting of the two sides.
 */
const MEETING_AT =
  /\b(?:after|during|at|following|in)\s+(?:a|an)\s+(?:\p{L}+\s+){0,2}?meeting(?:\s+of(?:\s+\p{Ll}+){1,3}?)?\s+(?=(?:in|on)\s)/giu;

/** Months and weekdays: capitalised words after "in"/"on" that are no place. */
const NOT_PLACE =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the)$/i;

/** "in Narva", "for Tartu", "in the city of Narva": the first place-like name after the verb. */
const PLACE_AFTER =
  /^\s*(?:in|for|at)\s+(?:the (?:city|town|port) of\s+)?([\p{Lu}][\p{L}’'-]+(?:\s+(?:es\s+)?[\p{Lu}][\p{L}’'-]+)?)/u;

export interface NamelessMeeting {
  /** Where the meeting word is in the sentence. */
  at: number;
  place: string | null;
  /** The date of the clause, or of the sentence when it names only one. */
  dateText: string | null;
  planned: boolean;
  /** "last met", "the last such session": a meeting before the one the article tells. */
  past: boolean;
}

function placeAfter(text: string): string | null {
  const m = PLACE_AFTER.exec(text);
  if (!m) return null;
  const word = m[1]!.replace(/['’]s$/, '');
  const first = word.split(/\s+/)[0]!;
  if (NOT_PLACE.test(first)) return null;
  const capital = capitalOf(word) ?? capitalOf(first);
  if (capital) return capital.city;
  // "in Latvia's capital": a country is a place too, but a country's adjective is not ("in Latvian").
  const country = countryOf(word);
  if (country) return countriesIn(word)[0]?.text === word ? country : null;
  return word;
}

/** The clause after a verb: up to the next comma that follows a place or date, or the sentence's end. */
function clauseAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 80);
  const end = rest.search(/[.;]|,\s+(?!\d)/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The nameless meetings of a sentence, in order. */
export function namelessMeetings(sentence: string, articleDate: string | null): NamelessMeeting[] {
  // "told journalists after the meeting that …": a meeting the article already told.
  const text = withoutBackReferences(sentence);
  const out: NamelessMeeting[] = [];
  const dates = datesIn(text, articleDate).filter((d) => d.iso);
  const add = (at: number, clauseStart: number, past: boolean) => {
    const clause = clauseAfter(text, clauseStart);
    const place = placeAfter(clause);
    const own = datesIn(clause, articleDate).find((d) => d.iso);
    const dateText = own?.text ?? (dates.length === 1 ? dates[0]!.text : null);
    if (!place && !dateText) return;
    if (out.some((m) => m.place === place && m.dateText === dateText)) return;
    const planned = isPlanned(text.slice(at, clauseStart + clause.length)) || /^\s*for\b/i.test(clause);
    out.push({ at, place, dateText, planned, past: past && !planned });
  };
  for (const m of text.matchAll(HELD)) {
    const verb = m[1]!;
    const verbAt = m.index + m[0].length - verb.length;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    const past =
      /\blast\b/i.test(verb) || /\b(?:last|previous|former) (?:such )?(?:\p{L}+ )?$/iu.test(before);
    add(m.index, verbAt + verb.length, past);
  }
  for (const m of text.matchAll(MEETING_AT)) {
    if (out.length > 0) break;
    add(m.index, m.index + m[0].length, false);
  }
  return out;
}
