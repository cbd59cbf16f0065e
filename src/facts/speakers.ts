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
  /** Where in the sentence they are named (a statement's speaker: -1, named before anyone). */
  index?: number;
  /** They spoke there: the speaker of a statement, not someone a sentence names. */
  spoke?: boolean;
}

/** What resolving a speaker looks at: the people named before the statement. */
export interface ArticleState {
  mentions: Mention[];
}

const lastName = (name: string) => words(name).at(-1)?.text.toLowerCase() ?? '';

/** One speaker: the same person, or a name the people extractor has no entity for that is that person's. */
const sameSpeaker = (a: Speaker, b: Speaker) =>
  a.person && b.person ? a.person.id === b.person.id : lastName(a.name) === lastName(b.name);
const distinct = (list: readonly Speaker[]) =>
  list.filter((x, i) => list.findIndex((y) => sameSpeaker(x, y)) === i);

/** An indefinite speaker: "a Croatian government official", "an analyst", "one diplomat". */
const INDEFINITE = /^(?:a|an|one|another)\s/i;

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

/** Titles that any office holder answers to: "the official" is whoever of them was speaking. */
const GENERIC_ROLES = new Set(['official', 'representative']);

function holds(person: Person, role: string, country: string | null): boolean {
  // A person whose roles the article gives with another country only is not "the Croatian minister".
  const countries = person.roles.flatMap((r) => (r.country ? [r.country] : []));
  if (country && countries.length > 0 && !countries.includes(country)) return false;
  return person.roles.some((r) => {
    if (GENERIC_ROLES.has(role)) return !country || r.country === null || r.country === country;
    // A role whose country the article did not attach to it does not rule the person out.
    if (country && r.country !== null && r.country !== country) return false;
    const have = roleClass(r.title);
    if (have === role) return true;
    if (role === 'minister') return have.includes('minister') && have !== 'prime minister';
    return !['foreign minister', 'prime minister', 'president'].includes(role) && have.includes(role);
  });
}

/**
 * Who a pronoun stands for: the person named in its sentence before it, else in the nearest sentence
 * before that names anyone. Where that sentence names several, the one who spoke there, else the one
 * it names first (its subject: "X met Y …. He said" is X); no one after a group ("Both ministers …").
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
  const inSentence = recent.filter((m) => m.sentence === last.sentence);
  const spoke = distinct(inSentence.filter((m) => m.spoke).map((m) => m.speaker));
  if (spoke.length === 1) return spoke[0]!;
  const named = [...inSentence].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  return named[0]?.speaker ?? null;
}

/**
 * The speaker of the latest statement within the recent paragraphs, if no one `rival` accepts was named
 * since ("Zawadzki and Kairys took questions. The minister said …" is either).
 */
function lastSpeaker(
  state: ArticleState,
  paragraph: number,
  rival: (sp: Speaker) => boolean = () => true,
): Speaker | null {
  const at = state.mentions.findLastIndex((x) => x.spoke && paragraph - x.paragraph <= RECENT_PARAGRAPHS);
  const m = state.mentions[at];
  if (!m) return null;
  const since = state.mentions.slice(at + 1).map((x) => x.speaker);
  return since.some((sp) => !sameSpeaker(sp, m.speaker) && rival(sp)) ? null : m.speaker;
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
  const one = ownSpeaker(phrase, own);
  if (one) return { person: one.person, name: one.person.name };
  if (refs.length > 0) return null;
  // "a government official", "an economist": someone the article does not name.
  if (INDEFINITE.test(phrase.trim())) return null;
  if (/^(?:he|she)$/i.test(phrase.trim()))
    return pronounSpeaker(before.speakers, before.text, state, paragraph);
  const role = wantedRole(phrase);
  // "the official pointed out" right after someone spoke: the one speaking, whatever their office.
  if (role && GENERIC_ROLES.has(role)) {
    // Else, like "he", the one the nearest sentence that names anyone names first.
    const speaking = lastSpeaker(state, paragraph) ?? pronounSpeaker([], '', state, paragraph);
    if (speaking) return speaking;
  }
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
    // "the Minister" where two ministers were named, right after one of them spoke: the one speaking.
    const fits = (sp: Speaker) => sp.person !== null && holds(sp.person, role, country);
    const speaking = lastSpeaker(state, paragraph, fits);
    if (speaking && recent.some((sp) => sameSpeaker(sp, speaking))) return speaking;
  }
  const name = nameIn(phrase);
  if (!name) return null;
  return earlierName(name, state) ?? { person: null, name };
}

/**
 * Whether a title-only speaker ("Australia's trade minister") can be a person named only later: one
 * whose roles the article does not give, or who holds that role (in that country).
 */
export function titleFits(phrase: string, speaker: Speaker): boolean {
  const role = wantedRole(phrase);
  if (
    !role ||
    /^(?:he|she)$/i.test(phrase.trim()) ||
    INDEFINITE.test(phrase.trim()) ||
    nameIn(phrase) !== null
  )
    return false;
  if (!speaker.person || speaker.person.roles.length === 0) return true;
  const country =
    words(phrase)
      .map((w) => countryOf(w.text) ?? null)
      .find((c) => c !== null) ?? null;
  return holds(speaker.person, role, country);
}

/** Words joining two people who spoke together ("Kishida and Marcos confirmed …"). */
const JOINT = /^\s*(?:,?\s*and|&|,)\s*(?:\p{Lu}[\p{L}’'-]*\s+){0,3}$/u;

/**
 * The one person named in a speaker's words: the only one, or the last of a title's names ("the
 * Philippine leader, Ferdinand Marcos"); the first where words between them say what the first did to
 * the second ("X congratulated Y and stressed"); no one where the words join them ("X and Y").
 */
function ownSpeaker(phrase: string, own: readonly PersonRef[]): PersonRef | null {
  if (own.length <= 1) return own[0] ?? null;
  const sorted = [...own].sort((a, b) => a.index - b.index);
  const firstAt = phrase.indexOf(sorted[0]!.text);
  const secondAt = phrase.indexOf(sorted[1]!.text, firstAt + 1);
  if (firstAt < 0 || secondAt < 0) return own.at(-1)!;
  const between = phrase.slice(firstAt + sorted[0]!.text.length, secondAt);
  if (JOINT.test(between)) return null;
  const acts = words(between).some(
    (w) => /^\p{Ll}/u.test(w.text) && !/^(?:of|the|and|for|in|to)$/.test(w.text),
  );
  return acts ? sorted[0]! : own.at(-1)!;
}

/**
 * A name named before in fuller form: "Ntshavheni" after "Khumbudzo Ntshavheni" by its surname; a
 * single name ("Ambassador Moin") by any word of the one earlier name that holds it.
 */
function earlierName(name: string, state: ArticleState): Speaker | null {
  const ws = words(name).map((w) => w.text.toLowerCase());
  const surname = ws.at(-1)!;
  const bySurname = state.mentions.find((m) => lastName(m.speaker.name) === surname);
  if (bySurname) return bySurname.speaker;
  if (ws.length !== 1) return null;
  const holding = distinct(
    state.mentions
      .map((m) => m.speaker)
      .filter((sp) => words(sp.name).some((w) => w.text.toLowerCase() === surname)),
  );
  return holding.length === 1 ? holding[0]! : null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Capitalised words that say when, not who: a tail ending in one is no part of a title ("on Tuesday"). */
const WHEN_WORD =
  /\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/u;

/** Words after a speaker that say when or where, not who: "the Foreign Minister after the meeting". */
const SPEAKER_TAIL =
  /\s+(?:after|during|at|on|in|before|while|when|following|earlier|later|yesterday|today|last|this|from|with)\b.*$/iu;

/** The speaker's words without what says when or where they spoke. */
export function speakerWords(phrase: string): string {
  const trimmed = phrase.trim().replace(/^(?:and|but|while|as|so)\s+/i, '');
  const tail = SPEAKER_TAIL.exec(trimmed);
  // "Minister in the Presidency Khumbudzo Ntshavheni": a tail ending in a name is part of the title.
  if (!tail || tail.index === 0 || (/\p{Lu}[\p{Ll}’'-]+$/u.test(tail[0]) && !WHEN_WORD.test(tail[0])))
    return trimmed;
  return trimmed.slice(0, tail.index);
}

/** A family name with its article in lower case, as one word: "al-Marri", "el-Sisi". */
const ARTICLE_NAME = /^(?:al|el|ad|as|ash|at|az|ibn|bin)-\p{Lu}/u;

/** Lower-case words inside a name: "Moin ul Haque", "Ursula von der Leyen", "Luiz Inácio da Silva". */
const PARTICLE = /^(?:ul|al|el|bin|binti|ibn|de|da|do|dos|das|du|van|von|der|den|la|le|di)$/;

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
  const namePart = (i: number) =>
    (/^\p{Lu}[\p{Ll}’'-]/u.test(ws[i]!.text) || ARTICLE_NAME.test(ws[i]!.text)) &&
    !TITLE_WORDS.has(ws[i]!.text.toLowerCase());
  while (
    k > 0 &&
    (namePart(k - 1) ||
      // "Moin ul Haque", and two particles: "Juan de la Fuente".
      (k > 1 &&
        k < ws.length &&
        PARTICLE.test(ws[k - 1]!.text) &&
        (namePart(k - 2) || (k > 2 && PARTICLE.test(ws[k - 2]!.text) && namePart(k - 3)))))
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
  // "A government source told us": one unnamed person; "sources said" and "the source of" are not.
  const head = headWord(phrase);
  if (head === 'source' && INDEFINITE.test(phrase.trim())) return true;
  if (NOT_A_SPEAKER.has(head)) return false;
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

/** A description set off by commas after a name: "president of the chamber", "a trader at the port". */
const DESCRIPTION = /^(?:(?:a|an|the|its|his|her|their)\s|(?!he\b|she\b)\p{Ll})/u;
/** The words set off by a comma just before a speaker's words, back to the clause's start. */
const SEGMENT_BEFORE = /(?:^|[,;:.!?“”"«»()]\s*)([^,;:.!?“”"«»()]{2,60}?),\s*$/u;

/**
 * The name before a speaker's description ("Jane Roe, president of the chamber, said"): the person
 * who spoke, when the words before the comma are a name and nothing else.
 */
export function appositiveName(
  text: string,
  at: number,
  phrase: string,
): { phrase: string; at: number } | null {
  if (!DESCRIPTION.test(phrase.trim())) return null;
  const m = SEGMENT_BEFORE.exec(text.slice(0, at));
  if (!m) return null;
  const segment = m[1]!.trim();
  if (nameIn(segment) !== segment || words(segment).length < 2) return null;
  return { phrase: segment, at: text.lastIndexOf(segment, at) };
}

/**
 * Whether a description before ", who …," names one person: "who" says it is someone, whatever the noun
 * ("A tea broker, who asked not to be named, said"), unless the noun is a group or an institution.
 */
export function describesPerson(phrase: string, refs: readonly PersonRef[]): boolean {
  if (isSpeaker(phrase, refs)) return true;
  const n = words(phrase).length;
  return (
    n > 0 && n <= MAX_SPEAKER_WORDS && /^(?:a|an|the)\s/i.test(phrase) && !NOT_A_SPEAKER.has(headWord(phrase))
  );
}

/** The references of a sentence that fall inside [start, end) of it. */
export const refsWithin = (refs: readonly PersonRef[], start: number, end: number) =>
  // A reference may begin in the words before ("Relations, Claudia Sanhueza" for "Claudia Sanhueza").
  refs.filter((r) => r.index < end && r.index + r.text.length > start);
