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

/** Who spoke: a person entity, or a name the people extractor has no entity for. */
export interface Speaker {
  person: Person | null;
  name: string;
}

export interface Mention {
  speaker: Speaker;
  paragraph: number;
  /** Id of the sentence that names them. */
  sentence: number;
}

/** What resolving a speaker looks at: the people named before the statement. */
export interface ArticleState {
  mentions: Mention[];
}

const sameSpeaker = (a: Speaker, b: Speaker) =>
  a.person ? a.person === b.person : !b.person && a.name === b.name;
const distinct = (list: readonly Speaker[]) =>
  list.filter((x, i) => list.findIndex((y) => sameSpeaker(x, y)) === i);

/** Words that name several people: "he" after "Both ministers …" is either. */
const GROUP = /\b(?:both|ministers|leaders|presidents|officials|sides|parties|delegations)\b/i;

/** The role a speaker's title names, as people.ts classes roles ("the Head of State" → president). */
function wantedRole(phrase: string): string | null {
  const t = phrase.toLowerCase();
  if (/head of state|\bleader\b/.test(t)) return 'president';
  if (/\bdiplomat\b/.test(t)) return 'foreign minister';
  // "a spokesperson for the foreign ministry" is a spokesperson, not a foreign minister.
  const head = headWord(phrase);
  if (TITLE_WORDS.has(head) && !/^(?:head|minister|chief|deputy)$/.test(head)) return head;
  const title = words(t).find((w) => TITLE_WORDS.has(w.text));
  if (!title) return null;
  const cls = roleClass(t);
  return ['foreign minister', 'prime minister', 'president', 'minister'].includes(cls) ? cls : title.text;
}

function holds(person: Person, role: string, country: string | null): boolean {
  return person.roles.some((r) => {
    // A role whose country the article did not attach to it does not rule the person out.
    if (country && r.country !== null && r.country !== country) return false;
    const have = roleClass(r.title);
    if (have === role) return true;
    if (role === 'minister') return have.includes('minister') && have !== 'prime minister';
    return !['foreign minister', 'prime minister', 'president'].includes(role) && have.includes(role);
  });
}

/**
 * Who a pronoun stands for: the one person named in its sentence before it, else in the nearest
 * sentence before that names anyone; no one when that sentence names several, or a group.
 */
function pronounSpeaker(
  before: readonly Speaker[],
  beforeText: string,
  state: ArticleState,
  paragraph: number,
): Speaker | null {
  if (GROUP.test(beforeText)) return null;
  const here = distinct(before);
  if (here.length > 0) return here.length === 1 ? here[0]! : null;
  const recent = state.mentions.filter((m) => paragraph - m.paragraph <= RECENT_PARAGRAPHS);
  const last = recent.at(-1);
  if (!last) return null;
  const inSentence = distinct(recent.filter((m) => m.sentence === last.sentence).map((m) => m.speaker));
  return inSentence.length === 1 ? inSentence[0]! : null;
}

/** The one person a title, pronoun or name in the speaker's words stands for, if the article makes it clear. */
export function resolveSpeaker(
  phrase: string,
  refs: readonly PersonRef[],
  state: ArticleState,
  paragraph: number,
  /** People named in the sentence before the speaker's words, and those words. */
  before: { speakers: readonly Speaker[]; text: string } = { speakers: [], text: '' },
): Speaker | null {
  // "Moon's counterpart Tran Dai Quang" is not Moon.
  const own = refs.filter((r) => !new RegExp(`${escapeRegExp(r.text)}['’]s\\b`, 'u').test(phrase));
  if (own.length > 0) return { person: own.at(-1)!.person, name: own.at(-1)!.person.name };
  if (refs.length > 0) return null;
  if (/^(?:he|she)$/i.test(phrase.trim()))
    return pronounSpeaker(before.speakers, before.text, state, paragraph);
  const role = wantedRole(phrase);
  if (role) {
    const country =
      words(phrase)
        .map((w) => countryOf(w.text) ?? null)
        .find((c) => c !== null) ?? null;
    const people = (list: readonly Mention[]) =>
      distinct(list.map((m) => m.speaker)).filter((sp) => sp.person && holds(sp.person, role, country));
    const fitting = people(state.mentions);
    if (fitting.length === 1) return fitting[0]!;
    const recent = people(state.mentions.filter((m) => paragraph - m.paragraph <= RECENT_PARAGRAPHS));
    if (recent.length === 1) return recent[0]!;
  }
  const name = nameIn(phrase);
  if (!name) return null;
  // "Ntshavheni" after "Khumbudzo Ntshavheni": the fuller name named before.
  const surname = words(name).at(-1)!.text;
  const earlier = state.mentions.find((m) => words(m.speaker.name).at(-1)?.text === surname);
  return earlier ? earlier.speaker : { person: null, name };
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
  // "Laura Benítez of the Buenos Aires-based group Monte Vivo": the name leads.
  let lead = 0;
  while (
    lead < ws.length &&
    lead < 4 &&
    /^\p{Lu}[\p{Ll}’'-]/u.test(ws[lead]!.text) &&
    !TITLE_WORDS.has(ws[lead]!.text.toLowerCase())
  )
    lead++;
  if (
    lead >= 2 &&
    lead < ws.length &&
    /^(?:of|from|at|with)$/.test(ws[lead]!.text) &&
    !ws.slice(0, lead).some((w) => countryOf(w.text))
  )
    return phrase.slice(ws[0]!.start, ws[lead - 1]!.end);
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
  if (
    /^\p{Lu}[\p{Ll}’'-]+\s+\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+){0,2}\s+(?:of|from)\s/u.test(
      phrase.trim(),
    )
  )
    return nameIn(phrase) !== null;
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
