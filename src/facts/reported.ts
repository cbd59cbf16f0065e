import type { Sentence } from '../corpus/types.js';
import { words } from './geo.js';
import type { PersonRef } from './people.js';
import {
  appositiveName,
  describesPerson,
  isSpeaker,
  nameIn,
  refsWithin,
  type Speaker,
  speakerWords,
} from './speakers.js';
import { ADVERB_PATTERN, BARE_CLAUSE_VERBS, QUOTE_ONLY_VERBS, VERB_PATTERN } from './statementWords.js';
import type { StatementFact } from './types.js';

/**
 * Reported speech in one sentence (see src/facts/statements.ts): "X stressed
 * that …", "X told reporters that …", "X said the …", "…, he added",
 * "According to X, …", and a statement's draft before its speaker is resolved.
 */

/** Fewer words after "that" are not a reported clause. */
export const MIN_CLAUSE_WORDS = 4;

export const wordCount = (text: string) => words(text).length;

/** A statement found, its speaker not yet resolved. */
export interface Draft {
  form: StatementFact['form'];
  verb: string;
  phrase: string;
  quote: string;
  sentences: Sentence[];
  paragraph: number;
  /** References inside the speaker's words. */
  refs: PersonRef[];
  /** The speaker, when known before any words are read (an interview's answers). */
  preset?: Speaker | null;
  /** The people named in the sentence before the speaker's words, and those words (for "he"). */
  before?: { refs: PersonRef[]; text: string };
  /** Attributed at its end ("…, said Tokayev."): the speech may begin sentences before, without quote marks. */
  trailing?: true;
  /** A speaker given as the previous statement's (an unattributed quotation continuing it). */
  continues?: boolean;
}

/** Words that start a description set off by commas, not a name: "a trader at the port", "who imports shoes". */
const APPOSITION = /^(?:a|an|the|its|his|her|their|who|which|whose)\s/i;
/** A relative clause set off by commas after a speaker: ", who asked not to be named,". */
const RELATIVE = /^(?:who|whose)\s/i;
const VERB_IN = new RegExp(`\\b(${VERB_PATTERN})\\b`, 'giu');
const THAT_AFTER =
  /^\s+(?:(?:on|in|at|during|after|before|while|when|later|earlier|also)\b[^,;:]{0,40}?\s+)?(?:that\s+|:\s*)/iu;
const TOLD_WHOM =
  /^\s+(?:reporters|journalists|the press|him|her|them|us|the (?:audience|participants|media|meeting|forum|conference|delegation)|\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2})(?:\s+that\s+|\s*:\s*|\s+(?=\S))/u;
/** What after "said" starts no reported clause: a preposition ("said in a statement"), an object, a quote. */
const NOT_A_CLAUSE =
  /^\s*(?:$|[,.;:!?“”"«»(]|(?:and|but|or|in|on|at|to|during|after|before|with|for|by|from|of|into|as|so|yes|nothing|goodbye|him|them|me|us|that|earlier|later|then|also|again)\b|about\s+(?!\d))/iu;
const TOLD_THAT = /^\s+(?:[^,;:“”"«»]{1,40}?\s+)?that\s+/u;
const ACCORDING_START = /^according to ([^,;:]{1,120}?),\s+(.+)$/iu;
const ACCORDING_END = /^(.+?),\s+according to ([^,;:]{1,120}?)[.!]?$/iu;
/** What an unnamed speaker's attribution may end in: "… said on condition of anonymity". */
const ANONYMITY = '(?:speaking\\s+)?on\\s+(?:the\\s+)?condition\\s+of\\s+anonymity';
const SPEAKER_LAST = new RegExp(
  `^(.+?),\\s+(?:(${VERB_PATTERN})\\s+([^,;:]{1,120}?)|([^,;:]{1,120}?)\\s+(?:${ADVERB_PATTERN}\\s+)?(${VERB_PATTERN}))(?:,?\\s+${ANONYMITY})?[.!]?$`,
  'iu',
);

/** A news agency's credit at a sentence's end: ", Trend reports", ", Xinhua reported citing the ministry". */
const WIRE_CREDIT =
  /,\s+(?:\p{Lu}[\p{L}.-]*\s+){1,3}(?:reports?|reported)(?:\s+(?:via|citing|quoting)\b[^.;]*)?[.]?$/u;

const clause = (text: string) => text.trim().replace(/[.;,]+$/, '');

/** Reported speech in one sentence outside quote marks: "X stressed that …", "…, he added", "According to X, …". */
export function reportedIn(s: Sentence, refs: readonly PersonRef[], paragraph: number): Draft | null {
  const t = s.text;
  /** A subject a relative clause describes as someone ("A broker, who asked not to be named,"). */
  let described: string | null = null;
  const make = (
    form: Draft['form'],
    verb: string,
    raw: string,
    rawAt: number,
    quote: string,
    trailing = false,
  ): Draft | null => {
    if (wordCount(quote) < MIN_CLAUSE_WORDS) return null;
    const phrase = speakerWords(raw);
    const at = rawAt + Math.max(0, raw.indexOf(phrase));
    const within = refsWithin(refs, at, at + phrase.length);
    if (!isSpeaker(phrase, within) && !(raw === described && describesPerson(phrase, within))) return null;
    return {
      form,
      verb,
      phrase,
      quote: clause(quote),
      sentences: [s],
      paragraph,
      refs: within,
      before: { refs: refs.filter((r) => r.index < at), text: t.slice(0, at) },
      ...(trailing ? { trailing: true } : {}),
    };
  };
  const according = ACCORDING_START.exec(t);
  if (according)
    return make('according', 'according to', according[1]!, t.indexOf(according[1]!), according[2]!);
  const accordingEnd = ACCORDING_END.exec(t);
  if (accordingEnd)
    return make(
      'according',
      'according to',
      accordingEnd[2]!,
      t.lastIndexOf(accordingEnd[2]!),
      accordingEnd[1]!,
    );
  for (const m of t.matchAll(VERB_IN)) {
    const verb = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    if (QUOTE_ONLY_VERBS.has(verb)) continue;
    const head = t.slice(0, m.index);
    const boundary = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf(':'));
    let start = boundary + 1;
    let subject = head
      .slice(start)
      .replace(new RegExp(`\\s+${ADVERB_PATTERN}\\s*$`, 'iu'), '')
      .trim();
    // "Its chairperson, Grace Njoroge-Onyango, said" / "Mamadou Fall, a trader at the port, said": the name set off by commas.
    if (boundary > 0 && (subject === '' || APPOSITION.test(subject))) {
      // Back over a clause set off by commas ("…, who imports shoes,") to the name before it.
      let end = boundary;
      let relative = false;
      for (let hop = 0; hop < 2 && end > 0; hop++) {
        const previous = head.lastIndexOf(',', end - 1);
        const segment = head.slice(previous + 1, end).trim();
        const within = refsWithin(refs, previous + 1, end);
        // "A cocoa trader, who asked not to be named, said": the one the relative clause describes.
        if (relative && segment !== '' && previous < 0 && describesPerson(segment, within)) {
          subject = segment;
          described = segment;
          start = previous + 1;
          break;
        }
        if (segment !== '' && !APPOSITION.test(segment)) {
          if (nameIn(segment) !== null && isSpeaker(segment, within)) {
            subject = segment;
            start = previous + 1;
          }
          break;
        }
        relative = RELATIVE.test(segment);
        end = previous;
      }
    }
    if (subject === '') continue;
    let at = start + head.slice(start).indexOf(subject);
    // "Jane Roe, director of the council, told …": the name before the description.
    const named = appositiveName(t, at, subject);
    if (named) ({ phrase: subject, at } = named);
    const rest = t.slice(m.index + m[0].length);
    const that = THAT_AFTER.exec(rest);
    if (that) {
      const found = make('reported', verb, subject, at, rest.slice(that[0].length));
      if (found) return found;
      continue;
    }
    if (verb === 'told' || verb === 'tells') {
      const toldThat = TOLD_THAT.exec(rest);
      if (toldThat) {
        const found = make('reported', verb, subject, at, rest.slice(toldThat[0].length));
        if (found) return found;
      }
      const whom = TOLD_WHOM.exec(rest);
      if (whom) {
        const found = make('reported', verb, subject, at, rest.slice(whom[0].length));
        if (found) return found;
      }
      continue;
    }
    if (BARE_CLAUSE_VERBS.has(verb) && !NOT_A_CLAUSE.test(rest) && /^\s+\S/.test(rest)) {
      const found = make('reported', verb, subject, at, rest);
      if (found) return found;
    }
  }
  // "…, said the Deputy Minister Jane Doe, Trend reports via the ministry.": the wire's credit is not the speaker.
  const last = SPEAKER_LAST.exec(t.replace(WIRE_CREDIT, '.'));
  if (last) {
    const verb = (last[2] ?? last[5])!.toLowerCase().replace(/\s+/g, ' ');
    const phrase = (last[3] ?? last[4])!.trim();
    if (!QUOTE_ONLY_VERBS.has(verb))
      return make('reported', verb, phrase, t.lastIndexOf(phrase), last[1]!, true);
  }
  return null;
}
