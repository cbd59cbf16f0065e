import { countryOf, words } from './geo.js';
import { type Person, type PersonRef, roleClass } from './people.js';
import { NOT_A_SPEAKER, TITLE_WORDS } from './statementWords.js';

/**
 * Speakers of statements (see src/facts/statements.ts): whether the words
 * beside a speech verb name a person, and which person of the article they
 * name, if the article makes it clear.
 */
/** A speaker is named in at most this many words ("the head of the Ministry of Foreign Affairs of Kazakhstan"). */
const MAX_SPEAKER_WORDS = 12;
/** "He" and "the Minister" resolve to someone named at most this many paragraphs before. */
const RECENT_PARAGRAPHS = 2;

export interface Mention {
  person: Person;
  paragraph: number;
}

/** What resolving a speaker looks at: the people named before the statement, and who spoke last. */
export interface ArticleState {
  mentions: Mention[];
  lastSpeaker: { person: Person; paragraph: number } | null;
}

/** The role a speaker's title names, as people.ts classes roles ("the Head of State" → president). */
function wantedRole(phrase: string): string | null {
  const t = phrase.toLowerCase();
  if (/head of state|\bleader\b/.test(t)) return 'president';
  if (/\bdiplomat\b/.test(t)) return 'foreign minister';
  const title = words(t).find((w) => TITLE_WORDS.has(w.text));
  if (!title) return null;
  const cls = roleClass(t);
  return ['foreign minister', 'prime minister', 'president', 'minister'].includes(cls) ? cls : title.text;
}

function holds(person: Person, role: string, country: string | null): boolean {
  return person.roles.some((r) => {
    if (country && r.country !== country) return false;
    const have = roleClass(r.title);
    if (have === role) return true;
    if (role === 'minister') return have.includes('minister') && have !== 'prime minister';
    return !['foreign minister', 'prime minister', 'president'].includes(role) && have.includes(role);
  });
}

/** The one person a title, pronoun or name in the speaker's words stands for, if the article makes it clear. */
export function resolveSpeaker(
  phrase: string,
  refs: readonly PersonRef[],
  state: ArticleState,
  paragraph: number,
): Person | null {
  // "Moon's counterpart Tran Dai Quang" is not Moon.
  const own = refs.filter((r) => !new RegExp(`${escapeRegExp(r.text)}['’]s\\b`, 'u').test(phrase));
  if (own.length > 0) return own.at(-1)!.person;
  if (refs.length > 0) return null;
  const recent = state.mentions.filter((m) => paragraph - m.paragraph <= RECENT_PARAGRAPHS);
  if (/^(?:he|she)$/i.test(phrase.trim())) {
    if (state.lastSpeaker && paragraph - state.lastSpeaker.paragraph <= RECENT_PARAGRAPHS)
      return state.lastSpeaker.person;
    const people = [...new Set(recent.map((m) => m.person))];
    const lastPara = recent.at(-1)?.paragraph;
    const latest = [...new Set(recent.filter((m) => m.paragraph === lastPara).map((m) => m.person))];
    return people.length === 1 ? people[0]! : latest.length === 1 ? latest[0]! : null;
  }
  const role = wantedRole(phrase);
  if (!role) return null;
  const country =
    words(phrase)
      .map((w) => countryOf(w.text) ?? null)
      .find((c) => c !== null) ?? null;
  const fitting = [...new Set(state.mentions.map((m) => m.person))].filter((p) => holds(p, role, country));
  if (fitting.length === 1) return fitting[0]!;
  const recentFitting = [...new Set(recent.map((m) => m.person))].filter((p) => holds(p, role, country));
  return recentFitting.length === 1 ? recentFitting[0]! : null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words after a speaker that say when or where, not who: "the Foreign Minister after the meeting". */
const SPEAKER_TAIL =
  /\s+(?:after|during|at|on|in|before|while|when|following|earlier|later|yesterday|today|last|this|from|with)\b.*$/iu;

/** The speaker's words without what says when or where they spoke. */
export function speakerWords(phrase: string): string {
  const trimmed = phrase.trim().replace(/^(?:and|but|while|as|so)\s+/i, '');
  const tail = SPEAKER_TAIL.exec(trimmed);
  // "Minister in the Presidency Khumbudzo Ntshavheni": a tail ending in a name is part of the title.
  if (!tail || tail.index === 0 || /\p{Lu}[\p{Ll}’'-]+$/u.test(tail[0])) return trimmed;
  return trimmed.slice(0, tail.index);
}

/** The proper name at the end of a speaker's words ("Minister in the Presidency Khumbudzo Ntshavheni" → the name). */
export function nameIn(phrase: string): string | null {
  const ws = words(phrase);
  let k = ws.length;
  while (
    k > 0 &&
    /^\p{Lu}[\p{Ll}’'-]/u.test(ws[k - 1]!.text) &&
    !TITLE_WORDS.has(ws[k - 1]!.text.toLowerCase())
  )
    k--;
  // "the Presidency Khumbudzo Ntshavheni": a word right after "the" or "of" names an institution.
  if (k > 0 && k < ws.length - 1 && /^(?:the|of|in|for|at)$/i.test(ws[k - 1]!.text)) k++;
  const name = ws.slice(k);
  if (name.length === 0 || name.length > 4 || name.some((w) => countryOf(w.text))) return null;
  return phrase.slice(name[0]!.start, name.at(-1)!.end).replace(/['’]s$/, '');
}

/** The part of a phrase before "of"/"for": its head noun decides whether a person spoke. */
function headWord(phrase: string): string {
  const ws = words(phrase.toLowerCase()).map((w) => w.text);
  const cut = ws.findIndex((w, i) => i > 0 && /^(?:of|for|at|to|in)$/.test(w));
  const head = cut > 0 ? ws.slice(0, cut) : ws;
  return (head.at(-1) ?? '').replace(/['’]s$/, '');
}

/** Whether words before or after a speech verb can name one person who spoke. */
export function isSpeaker(phrase: string, refs: readonly PersonRef[]): boolean {
  const ws = words(phrase);
  if (ws.length === 0 || ws.length > MAX_SPEAKER_WORDS) return false;
  if (/^(?:he|she)$/i.test(phrase.trim())) return true;
  if (NOT_A_SPEAKER.has(headWord(phrase))) return false;
  if (refs.length > 0) return true;
  if (ws.some((w) => TITLE_WORDS.has(w.text.toLowerCase()))) return true;
  // A name the people extractor has no role for: capitalised words, not a country.
  return (
    ws.length <= 4 &&
    ws.every((w) => /^\p{Lu}/u.test(w.text)) &&
    !ws.some((w) => countryOf(w.text)) &&
    /^\p{Lu}/u.test(phrase.trim())
  );
}

/** The references of a sentence that fall inside [start, end) of it. */
export const refsWithin = (refs: readonly PersonRef[], start: number, end: number) =>
  refs.filter((r) => r.index >= start && r.index < end);
