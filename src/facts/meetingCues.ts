import { capitalOf, countriesIn, countryOf } from './geo.js';
import type { PersonRef } from './people.js';
import { TITLES } from './personWords.js';

/**
 * The words that tell whether a sentence reports a meeting, one planned, or only refers back to one.
 * Kept apart from meetings.ts, which merges the sentences into meetings.
 */

/**
 * "after the talks", "at the close of the meeting", "in the presence of the two leaders": a meeting the
 * article already told, named to date something else (a signing, a remark). "at the end of talks between
 * A and B" still tells of one.
 */
const BACK_REFERENCE =
  /\b(?:after|following|at the (?:close|conclusion|end) of|during|at|in the course of|on the (?:margins|sidelines) of)\s+the\s+(?:\p{L}+\s+){0,2}?(?:talks|meeting|meetings|negotiations|visit|consultations|conversation|summit)\b(?!\s+(?:between|with|of)\b)|\bin the presence of (?:the|both) (?:two )?(?:leaders|presidents|heads of state|ministers|prime ministers|sides)\b|\btold (?:reporters|journalists)\b|\bat (?:a|the) (?:joint )?(?:press|news) (?:conference|briefing)\b/giu;

/** Words that tell of a meeting on their own. */
const STRONG =
  /\b(?:met|meet|meets|meeting|talks|negotiations|visit|visits|visited|visiting|received|receives|receiving|hosts?|hosted|summit|phone call|telephone conversation|conversation|discussion|greeted|welcomed (?:by|at|in)|co-chaired|co-chair|chaired|arrived|arrives|arriving|landed in|consultations|seen off|courtesy call|accompanied by|travell?ed to|convene|session of the)\b|\bcalled on\b(?![^,.;]*\bto\s+\p{Ll})/iu;
/** Words that tell of a meeting only when the sentence names two people of it ("A and B signed …"). */
const WEAK = /\b(?:discussed|signed|witnessed|press conference|welcomed)\b/iu;

/**
 * A verb that tells the meeting or visit taking place ("met", "held talks", "arrived", "was received by"),
 * as opposed to what its people did there ("discussed", "agreed", "reviewed", "signed", "welcomed the
 * progress"): only such a sentence reports a meeting already told once more.
 */
const TAKES_PLACE =
  /\b(?:met|meet|meets|meeting with|held|hold|holds|holding|visited|visits|visiting|arrived|arrives|arriving|landed|received|receives|receiving|hosted|hosts|hosting|(?:was|were|is|are|been) (?:warmly )?welcomed|welcomed \p{Lu}|greeted|talked|co-chaired|chaired|called on|took place|paid|pays|convened|seen off)\b/u;

/** "The two ministers discussed …" tells what the meeting was about; "they also discussed …" adds to it. */
const DISCUSSED = /\b(?<!also\s)(?:discussed|exchanged views)\b/iu;

export function reportsMeeting(text: string): boolean {
  const own = withoutBackReferences(text);
  return TAKES_PLACE.test(own) || DISCUSSED.test(own);
}

export interface MeetingCue {
  /** Where the first meeting word is. */
  at: number;
  /** Only a weak word: the sentence must name the people itself. */
  weak: boolean;
}

/** The sentence with its phrases that only refer back to a told meeting blanked out (same length). */
let lastText = '';
let lastBlanked = '';
export function withoutBackReferences(text: string): string {
  // Read twice in a row for one sentence (its cue, then whether a verb tells the meeting): kept once.
  if (text !== lastText) {
    lastBlanked = text.replace(BACK_REFERENCE, (m) => ' '.repeat(m.length));
    lastText = text;
  }
  return lastBlanked;
}

/** The meeting word of a sentence, once phrases that only refer back to a told meeting are set aside. */
export function meetingCue(text: string): MeetingCue | null {
  const own = withoutBackReferences(text);
  const strong = STRONG.exec(own);
  if (strong) return { at: strong.index, weak: false };
  const weak = WEAK.exec(own);
  return weak ? { at: weak.index, weak: true } : null;
}

/**
 * A meeting to come: "will meet", "is expected to visit", "agreed to hold the next round", "to be held in",
 * "when he meets his counterpart".
 */
const PLANNED =
  /\b(?:will|would|shall)\s+(?:\p{L}+\s+){0,3}?(?:meet|visit|hold|convene|host|review|travel|take place|be held)\b|\bprepar\w*\s+(?:for\s+)?(?:a|the|his|her|their)\s+(?:\p{L}+\s+){0,2}?(?:visit|meeting|summit|trip)\b|\b(?:expected|due|scheduled|planned|set|agreed|decided|ready|plans?|intends?|directed|instructed)\s+(?:\p{L}+\s+){0,4}?to\s+(?:\p{L}+\s+){0,3}?(?:meet|visit|hold|convene|host|take place|be held|pay|resume)\b|\bto be held\b|\bnext (?:\p{L}+\s+){0,2}?(?:round|meeting|session|summit)\b|\bupcoming\b|\bwhen (?:he|she|they|the \p{L}+) meets?\b|\bpreparations for the (?:\p{L}+\s+){0,2}?(?:visit|meeting|summit)\b/iu;

/** "X invited Y to visit Z", "invited the leader to the summit": an invitation, which no one has taken up yet. */
const INVITED = /\binvit\w*\s+(?:[\p{L}’'-]+\s+){1,6}?to\s+(?:visit|pay|attend|come|the)\b/iu;

export function isInvitation(text: string): boolean {
  return INVITED.test(text);
}

export function isPlanned(text: string): boolean {
  return PLANNED.test(text);
}

/**
 * "during the state visit of the President of Korea to Tashkent in June 2024", "during his visit to Rabat on
 * April 7": a visit told in passing, with its own place (and date) in the phrase.
 */
const VISIT_IN_PASSING =
  /\b(?:during|at|on|since|in the course of|established during)\s+(?:the|his|her|their|a|([\p{Lu}][\p{L}-]+)['’]s)\s+(?:(?:first|last|recent|historic|state|official|working|two-day|three-day)\s+)*(?:visit|trip)(?:\s+of\s+([^,;]*?))?\s+to\s+(?:the\s+)?([\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)([^,;]*)/u;

export interface VisitInPassing {
  /** Where the phrase starts and ends in the sentence. */
  start: number;
  end: number;
  /** The visitor: "his", a possessive name or "of …" words. */
  visitor: string | null;
  /** Countries the "of …" words name ("the President of the Republic of Korea"). */
  visitorCountries: string[];
  possessive: boolean;
  place: string;
  placeCountry: string;
  /** The phrase's own words after the place, for its date. */
  tail: string;
}

export function visitInPassing(text: string): VisitInPassing | null {
  const m = VISIT_IN_PASSING.exec(text);
  if (!m) return null;
  const placeWord = m[3]!.replace(/['’]s$/, '');
  const capital = capitalOf(placeWord) ?? capitalOf(placeWord.split(/\s+/)[0]!);
  const placeCountry = capital?.country ?? countryOf(placeWord);
  if (!placeCountry) return null;
  const of = m[2] ?? null;
  return {
    start: m.index,
    end: m.index + m[0].length,
    visitor: m[1] ?? of,
    visitorCountries: of ? countriesIn(of).map((c) => c.country) : [],
    possessive: m[1] === undefined && /^\S+\s+(?:his|her|their)\b/i.test(m[0]),
    place: capital?.city ?? placeWord,
    placeCountry,
    tail: m[4] ?? '',
  };
}

/** The words of titles ("state secretary", "foreign minister"), written lower-case in running text. */
const TITLE_WORDS = new Set(TITLES.flat());

/** Lower-case words a title may hold between a country and a name ("Minister for Foreign Affairs of the …"). */
const TITLE_GLUE = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'on']);

/**
 * The country a sentence gives a person right beside the name: "Thai Commerce Minister X", "Brazil's
 * Minister X", "the Minister of Trade of the Republic of Korea X", "X of Ghana", "his Ghanaian counterpart X".
 * Only title words may stand between the country and the name.
 */
export function countryBeside(text: string, ref: PersonRef, from: number): string | null {
  const after =
    /^(?:\s+[\p{Lu}][\p{L}’'-]+)*\s*,?\s*(?:of|from)\s+(?:the\s+)?((?:(?:[\p{Lu}][\p{L}-]+|of|the)\s*){1,6})/u.exec(
      text.slice(ref.index + ref.text.length),
    );
  if (after) {
    const named = countriesIn(after[1]!)[0];
    if (named) return named.country;
  }
  const before = text.slice(from, ref.index);
  const mentions = countriesIn(before);
  const last = mentions.at(-1);
  if (!last) return null;
  const at = before.lastIndexOf(last.text);
  const between = before.slice(at + last.text.length).replace(/^['’]s\b/, '');
  const lower = between.match(/\b\p{Ll}[\p{L}-]*/gu) ?? [];
  return lower.every((w) => TITLE_GLUE.has(w) || TITLE_WORDS.has(w) || w === 'counterpart')
    ? last.country
    : null;
}
