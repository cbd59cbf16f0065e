import type { Article, Sentence } from '../corpus/types.js';
import { answerText, interviewAnswers } from './interviews.js';
import type { PersonRef } from './people.js';
import { type QuoteSpan, quotedText, quoteSpans } from './quoteMarks.js';
import { type Draft, MIN_CLAUSE_WORDS, reportedIn, wordCount } from './reported.js';
import {
  type ArticleState,
  appositiveName,
  isSpeaker,
  nameIn,
  refsWithin,
  resolveSpeaker,
  type Speaker,
  speakerWords,
  titleFits,
} from './speakers.js';
import { ADVERB_PATTERN, VERB_PATTERN } from './statementWords.js';
import type { FactSource, StatementFact } from './types.js';

/**
 * Who said what. A statement is words in quote marks with a speaker and a
 * speech verb beside them ("…," said the President / Tokayev said: "…"),
 * reported speech ("Muhriddin stressed that …", "…, he added"), "according
 * to" a person, or an interview's answers. The speaker is resolved to a
 * person of the article where one fits: a name, "the Kazakh President" or
 * "the Minister" when one person of the article so far holds that role, "he"
 * or "she" when one person was just speaking or named. Otherwise the speaker
 * stays null and the statement keeps the words the article used.
 */

const source = (s: Sentence): FactSource => ({ file: s.file, line: s.line, text: s.text });

/** Fewer words in quote marks are a phrase being quoted ("synchronized watches"), not a statement. */
const MIN_QUOTE_WORDS = 4;

interface Paragraph {
  index: number;
  sentences: Sentence[];
  /** Offset of each sentence in `text`. */
  starts: number[];
  text: string;
}

function paragraphsOf(article: Article): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  let last = -1;
  for (const s of article.sentences) {
    if (!current || s.block !== last) {
      current = { index: out.length, sentences: [], starts: [], text: '' };
      out.push(current);
      last = s.block;
    }
    if (current.text !== '') current.text += ' ';
    current.starts.push(current.text.length);
    current.sentences.push(s);
    current.text += s.text;
  }
  return out;
}

/** The index in `p.sentences` of the sentence holding offset `at`. */
function sentenceAt(p: Paragraph, at: number): number {
  let i = 0;
  while (i + 1 < p.starts.length && p.starts[i + 1]! <= at) i++;
  return i;
}

const VERB_AFTER = new RegExp(
  `^\\s*[,.!?…]?\\s*(${VERB_PATTERN})\\s+([^,.;:!?“”"«»()]{1,120}?)\\s*(?=[,.;:!?“”"«»()]|$)`,
  'iu',
);
const SPEAKER_AFTER = new RegExp(
  `^\\s*[,.!?…]?\\s*([^,.;:!?“”"«»()]{1,120}?)\\s+(?:${ADVERB_PATTERN}\\s+)?(${VERB_PATTERN})\\b`,
  'iu',
);
const SPEAKER_BEFORE = new RegExp(
  `(?:^|[,;.!?]\\s+)([^,.;:!?“”"«»()]{1,120}?),?\\s+(?:${ADVERB_PATTERN}\\s+)?(${VERB_PATTERN})(?:\\s+(?:that|reporters|journalists|the press)\\s*[:,]?|\\s+[^,.;:!?“”"«»()]{1,60}?\\s*[:,]|\\s*[:,]?)\\s*$`,
  'iu',
);
const ACCORDING_BEFORE = /(?:^|[,;.!?]\s+)according to ([^,.;:!?“”"«»()]{1,120}?)\s*,\s*$/iu;

interface Attribution {
  phrase: string;
  verb: string;
  /** Offsets of the phrase in the paragraph. */
  at: number;
}

/** The speaker and verb just after a quotation ("…," said the President / "…," Tokayev added). */
function attributionAfter(
  p: Paragraph,
  close: number,
  refsOf: (at: number, end: number) => PersonRef[],
): Attribution | null {
  if (close < 0) return null;
  const rest = p.text.slice(close);
  const inverted = VERB_AFTER.exec(rest);
  if (inverted) {
    const raw = inverted[2]!;
    const phrase = speakerWords(raw);
    const at = close + inverted.index + inverted[0].length - raw.length + raw.indexOf(phrase);
    if (isSpeaker(phrase, refsOf(at, at + phrase.length)))
      return { phrase, verb: inverted[1]!.toLowerCase().replace(/\s+/g, ' '), at };
  }
  const plain = SPEAKER_AFTER.exec(rest);
  if (plain) {
    const phrase = speakerWords(plain[1]!);
    const at = close + rest.indexOf(phrase);
    if (isSpeaker(phrase, refsOf(at, at + phrase.length)))
      return { phrase, verb: plain[2]!.toLowerCase().replace(/\s+/g, ' '), at };
  }
  return null;
}

/** The speaker and verb just before a quotation (Tokayev said: "…" / According to him, "…"). */
function attributionBefore(
  p: Paragraph,
  open: number,
  from: number,
  refsOf: (at: number, end: number) => PersonRef[],
): Attribution | null {
  if (open < 0) return null;
  const before = p.text.slice(from, open);
  const according = ACCORDING_BEFORE.exec(before);
  const m = according ?? SPEAKER_BEFORE.exec(before);
  if (!m) return null;
  let phrase = speakerWords(m[1]!);
  let at = from + before.lastIndexOf(phrase, m.index + m[0].length);
  // "Jane Roe, president of the chamber, said:": the name before the description.
  const named = appositiveName(p.text, at, phrase);
  if (named && named.at >= from) ({ phrase, at } = named);
  if (!isSpeaker(phrase, refsOf(at, at + phrase.length))) return null;
  return { phrase, verb: according ? 'according to' : m[2]!.toLowerCase().replace(/\s+/g, ' '), at };
}

/** Sentences of a paragraph that a span [start, end) runs over. */
function sentencesOf(p: Paragraph, start: number, end: number): Sentence[] {
  const first = sentenceAt(p, start);
  const last = sentenceAt(p, Math.max(start, end - 1));
  return p.sentences.slice(first, last + 1);
}

/** A quotation not closed in its paragraph, running on into the next ones that open again. */
interface OpenQuote {
  parts: string[];
  sentences: Sentence[];
  paragraph: number;
  before: Attribution | null;
  beforeRefs: PersonRef[];
}

function directStatements(
  paragraphs: readonly Paragraph[],
  refsAt: (p: Paragraph, at: number, end: number) => PersonRef[],
): { drafts: Draft[]; quoted: Set<Sentence> } {
  const drafts: Draft[] = [];
  const quoted = new Set<Sentence>();
  let running: OpenQuote | null = null;
  for (const p of paragraphs) {
    const refsOf = (at: number, end: number) => refsAt(p, at, end);
    const spans = quoteSpans(p.text);
    // A running quotation goes on only in a paragraph that opens with a quote mark.
    // (Or closes one with no opening mark: a quotation wrapped over lines the splitter took for paragraphs.)
    if (
      running &&
      !(
        spans[0]?.open === 0 ||
        spans[0]?.open === -1 ||
        (spans[0] && /^\s*$/.test(p.text.slice(0, spans[0].open)))
      )
    ) {
      running = null;
    }
    let from = 0;
    let lastInParagraph: Draft | null = null;
    /** The attributed quotation just before, which a quotation going on in lower case continues. */
    let joinable: { draft: Draft; close: number; pending: boolean } | null = null;
    spans.forEach((span: QuoteSpan, k) => {
      const text = quotedText(p.text, span);
      const sentences = sentencesOf(p, span.start, span.end);
      if (running && k === 0) {
        running.parts.push(text);
        running.sentences.push(...sentences);
        if (span.close < 0) return;
        const after = attributionAfter(p, span.close, refsOf);
        const who = after ?? running.before;
        if (who) {
          const draft: Draft = {
            form: who.verb === 'according to' ? 'according' : 'direct',
            verb: who.verb,
            phrase: who.phrase,
            quote: running.parts.join(' '),
            sentences: [
              ...new Set([...running.sentences, ...(after ? sentencesOf(p, after.at, after.at + 1) : [])]),
            ],
            paragraph: running.paragraph,
            refs: after ? refsOf(after.at, after.at + after.phrase.length) : running.beforeRefs,
          };
          drafts.push(draft);
          lastInParagraph = draft;
          for (const s of draft.sentences) quoted.add(s);
        }
        running = null;
        from = span.close;
        return;
      }
      // "We have built it," Fajon said, "and we will keep it.": one sentence split by its attribution.
      if (
        joinable?.close === from &&
        span.close >= 0 &&
        /^\p{Ll}/u.test(text) &&
        !/[.!?]/.test(p.text.slice(from + 1, Math.max(from, span.open)))
      ) {
        const { draft } = joinable;
        draft.quote = `${draft.quote.replace(/[,;:]$/, '')} ${text}`;
        draft.sentences = [...new Set([...draft.sentences, ...sentences])].sort((a, b) => a.id - b.id);
        if (joinable.pending && wordCount(draft.quote) >= MIN_QUOTE_WORDS) {
          drafts.push(draft);
          lastInParagraph = draft;
        }
        for (const s of draft.sentences) quoted.add(s);
        joinable = { draft, close: span.close, pending: false };
        from = span.close;
        return;
      }
      joinable = null;
      const before = attributionBefore(p, span.open, from, refsOf);
      if (span.close < 0) {
        running = {
          parts: [text],
          sentences: [...sentences],
          paragraph: p.index,
          before,
          beforeRefs: before ? refsOf(before.at, before.at + before.phrase.length) : [],
        };
        return;
      }
      from = span.close;
      const after = before ? null : attributionAfter(p, span.close, refsOf);
      const who = before ?? after;
      if (!who) {
        // "…," Tokayev said. "…": a quotation split by an attribution is two statements of one speaker.
        if (lastInParagraph && wordCount(text) >= 1) {
          const draft: Draft = {
            form: 'direct',
            verb: '',
            phrase: '',
            quote: text,
            sentences,
            paragraph: p.index,
            refs: [],
            continues: true,
          };
          drafts.push(draft);
          lastInParagraph = draft;
          for (const s of sentences) quoted.add(s);
        } else if (wordCount(text) >= MIN_QUOTE_WORDS && span.open <= 0) {
          // A paragraph that is one quotation, after a paragraph ending "…said:" or another quotation.
          const prev = paragraphs[p.index - 1];
          const colon =
            prev && /:\s*$/.test(prev.text)
              ? attributionBefore(prev, prev.text.length, 0, (at, end) => refsAt(prev, at, end))
              : null;
          const draft: Draft = {
            form: 'direct',
            verb: colon?.verb ?? '',
            phrase: colon?.phrase ?? '',
            quote: text,
            sentences,
            paragraph: p.index,
            refs: colon && prev ? refsAt(prev, colon.at, colon.at + colon.phrase.length) : [],
            ...(colon ? {} : { continues: true }),
          };
          drafts.push(draft);
          lastInParagraph = draft;
          for (const s of sentences) quoted.add(s);
        }
        return;
      }
      const whoSentences = sentencesOf(p, who.at, who.at + 1);
      const draft: Draft = {
        form: who.verb === 'according to' ? 'according' : 'direct',
        verb: who.verb,
        phrase: who.phrase,
        quote: text,
        sentences: [...new Set([...sentences, ...whoSentences])].sort((a, b) => a.id - b.id),
        paragraph: p.index,
        refs: refsOf(who.at, who.at + who.phrase.length),
      };
      // '"This line," he said, "is not …"': a few words a quotation in lower case may go on from.
      const short = wordCount(text) < MIN_QUOTE_WORDS;
      if (who.verb !== 'according to') joinable = { draft, close: span.close, pending: short };
      if (short) return;
      drafts.push(draft);
      lastInParagraph = draft;
      for (const s of draft.sentences) quoted.add(s);
      // "…," she said, adding that B: B is a second statement, "added".
      const adding = ADDING.exec(p.text.slice(who.at + who.phrase.length));
      if (after && adding && wordCount(adding[1]!) >= MIN_CLAUSE_WORDS) {
        drafts.push({
          form: 'reported',
          verb: 'added',
          phrase: '',
          quote: adding[1]!.trim(),
          sentences: [draft.sentences[0]!],
          paragraph: p.index,
          refs: [],
          continues: true,
        });
      }
    });
  }
  return { drafts, quoted };
}

const ADDING = /^[^.!?“”"«»]{0,40}?,\s*adding that\s+(.+?)(?:[.!?](?=\s|$)|$)/u;

const FIRST_PERSON = /\b(?:I|I’m|I'm|we|We|our|Our|my|My|us)\b/u;

/**
 * Speech in the first person without quote marks, ended by "…, said Tokayev.": the statement is the
 * paragraph's sentences up to the attribution, when the speech is in the first person.
 */
function extendSpeech(d: Draft, p: Paragraph, quoted: ReadonlySet<Sentence>): void {
  const k = p.sentences.indexOf(d.sentences[0]!);
  if (k <= 0) return;
  const before = p.sentences.slice(0, k);
  if (before.some((s) => quoted.has(s) || /[“”"«»]/.test(s.text))) return;
  if (!FIRST_PERSON.test([...before.map((s) => s.text), d.quote].join(' '))) return;
  d.quote = [...before.map((s) => s.text), d.quote].join(' ');
  d.sentences = [...before, ...d.sentences];
  d.form = 'direct';
}

/**
 * Every statement of the articles. `refsOf` gives the people each sentence
 * names (src/facts/people.ts): speakers are resolved against them.
 */
export function extractStatements(
  articles: readonly Article[],
  refsOf: (s: Sentence) => PersonRef[],
): StatementFact[] {
  return articles.flatMap((a) => articleStatements(a, refsOf));
}

function articleStatements(article: Article, refsOf: (s: Sentence) => PersonRef[]): StatementFact[] {
  const paragraphs = paragraphsOf(article);
  const refsAt = (p: Paragraph, at: number, end: number) => {
    const i = sentenceAt(p, at);
    const s = p.sentences[i]!;
    const offset = p.starts[i]!;
    return refsWithin(refsOf(s), at - offset, end - offset);
  };
  const found = directStatements(paragraphs, refsAt);
  const quoted = found.quoted;
  const answers = interviewAnswers(paragraphs, refsOf);
  const answered = new Set(answers.flatMap((a) => a.sentences));
  // A quotation an answer attributes to someone else is theirs, and not part of the answer.
  const nested = found.drafts.filter((d) => answered.has(d.sentences[0]!) && d.phrase !== '');
  const theirs = new Set(nested.flatMap((d) => d.sentences));
  const interview: Draft[] = answers.flatMap((a) => {
    const own = a.sentences.filter((s) => !theirs.has(s));
    if (own.length === 0) return [];
    return [
      {
        form: 'interview' as const,
        verb: 'said',
        phrase: a.phrase,
        quote: answerText(own),
        sentences: own,
        paragraph: paragraphs.findIndex((p) => p.sentences.includes(own[0]!)),
        refs: [],
        preset: a.person
          ? { person: a.person, name: a.person.name }
          : a.name
            ? { person: null, name: a.name }
            : null,
      },
    ];
  });
  const direct = [...found.drafts.filter((d) => !answered.has(d.sentences[0]!)), ...nested, ...interview];
  const reported: Draft[] = [];
  for (const p of paragraphs) {
    for (const s of p.sentences) {
      if (quoted.has(s) || answered.has(s)) continue;
      const found = reportedIn(s, refsOf(s), p.index);
      if (found) reported.push(found);
    }
  }
  for (const d of reported) if (d.trailing) extendSpeech(d, paragraphs[d.paragraph]!, quoted);
  const drafts = [...direct, ...reported].sort(
    (a, b) => a.sentences[0]!.id - b.sentences[0]!.id || (a.form === 'direct' ? -1 : 1),
  );

  // Resolve speakers in reading order, so "he" and "the Minister" look back at what came before.
  const state: ArticleState = { mentions: [] };
  const paragraphOf = new Map<number, number>();
  for (const p of paragraphs) for (const s of p.sentences) paragraphOf.set(s.id, p.index);
  let read = 0;
  const sentences = article.sentences;
  const out: StatementFact[] = [];
  let previous: { speaker: Speaker | null; paragraph: number; nobodyBefore: boolean } | null = null;
  for (const d of drafts) {
    const first = d.sentences[0]!;
    while (read < sentences.length && sentences[read]!.id < first.id) {
      const s = sentences[read]!;
      for (const r of refsOf(s))
        state.mentions.push({
          speaker: { person: r.person, name: r.person.name },
          paragraph: paragraphOf.get(s.id) ?? 0,
          sentence: s.id,
          index: r.index,
        });
      read++;
    }
    let speaker: Speaker | null;
    let phrase = d.phrase;
    let verb = d.verb;
    if (d.continues) {
      // Only right after another quotation: else a quoted paragraph's speaker is not known.
      const last = out.at(-1);
      if (!last || !previous || last.form !== 'direct' || d.paragraph - previous.paragraph > 1) continue;
      speaker = previous.speaker;
      phrase = d.phrase || last.speakerText;
      verb = d.verb || last.verb;
    } else if (d.preset !== undefined) {
      speaker = d.preset;
    } else {
      const before = {
        speakers: (d.before?.refs ?? []).map((r) => ({ person: r.person, name: r.person.name })),
        text: d.before?.text ?? '',
      };
      speaker = resolveSpeaker(d.phrase, d.refs, state, d.paragraph, before);
    }
    const at = d.sentences.at(-1)!;
    if (speaker)
      state.mentions.push({
        speaker,
        paragraph: paragraphOf.get(at.id) ?? d.paragraph,
        sentence: at.id,
        spoke: true,
      });
    // A lead's title-only speaker ("Australia's trade minister said …") named by the next statement, a
    // paragraph on ("…," Jane Doe told reporters): the same person, as news writing introduces them.
    const unnamed = out.at(-1);
    if (
      speaker &&
      previous &&
      unnamed &&
      previous.speaker === null &&
      previous.nobodyBefore &&
      !d.continues &&
      d.preset === undefined &&
      d.paragraph - previous.paragraph <= 1 &&
      nameIn(phrase) !== null &&
      titleFits(unnamed.speakerText, speaker)
    ) {
      out[out.length - 1] = {
        ...unnamed,
        speaker: speaker.name,
        speakerId: speaker.person?.id ?? null,
        statement: unnamed.statement.replace(unnamed.speakerText, speaker.name),
      };
    }
    previous = {
      speaker,
      paragraph: paragraphOf.get(at.id) ?? d.paragraph,
      // No one the title could stand for named yet: it introduces someone named later.
      nobodyBefore: !state.mentions.some((m) => m.speaker !== speaker && titleFits(phrase, m.speaker)),
    };
    const who = speaker?.name ?? phrase;
    const lead = verb === 'according to' ? `According to ${who}` : `${who} ${verb}`;
    out.push({
      kind: 'statement',
      id: `${first.file}:${first.line}:${out.length + 1}`,
      speakerId: speaker?.person?.id ?? null,
      speaker: speaker?.name ?? null,
      speakerText: phrase,
      quote: d.quote,
      form: d.form,
      verb,
      statement: `${lead}: “${d.quote}”`,
      source: source(first),
      sources: d.sentences.map(source),
    });
  }
  return out;
}
