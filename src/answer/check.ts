import { performance } from 'node:perf_hooks';
import { parseArticle } from '../corpus/load.js';
import type { Corpus, Sentence } from '../corpus/types.js';
import type { ClaimVocabulary, Engine } from '../engine.js';
import { extractFacts } from '../facts/index.js';
import { formatUsd, moneyIn, percentsIn } from '../facts/money.js';
import type { FactSource } from '../facts/types.js';
import { contentKeys, isStopWord, stripFormat, termKey, tokenize } from '../text/normalize.js';
import { ordinalValue } from '../text/ordinals.js';
import { yearOfDate } from '../text/periods.js';
import { synonymsOf } from '../text/synonyms.js';
import { ask, MAX_QUESTION_CHARS } from './ask.js';
import { countryWord, newswireText } from './chatText.js';
import {
  agreementEvidence,
  citationFrom,
  type Evidence,
  meetingEvidence,
  NONE,
  peopleMeetingEvidence,
  tradeEvidence,
} from './checkFacts.js';
import { claimCountries } from './claimCountries.js';
import { claimVocabulary, compareDetails, type Details, detailKeys, detailsOf } from './claimDetails.js';
import { toAnswerFact } from './facts.js';
import { type CheckAnswer, type Citation, type ClaimCheck, type ClaimFact, notFoundAnswer } from './types.js';

/** Longest text `/check` takes: a Discord message with Nitro. */
export const MAX_CHECK_CHARS = 4000;
/** Claims checked in one message; the rest are counted, not checked (one reply must stay readable). */
export const MAX_CLAIMS = 8;
/** Evidence sentences shown per claim and side. */
const EVIDENCE_PER_CLAIM = 2;
/** A sentence supports a claim when it holds this share of the claim's topic words (details aside). */
const SUPPORT_COVERAGE = 0.5;
/** A sentence is about the same thing as a claim, for comparing their details, from this share… */
const SAME_TOPIC_COVERAGE = 0.5;
/** …or from this smaller share when it also gives this many of the claim's details with the same value. */
const WEAK_TOPIC_COVERAGE = 0.3;
/** Another person or name in the sentence contradicts the claim's only from this share (names abound). */
const STRONG_TOPIC_COVERAGE = 0.6;
const DETAILS_FOR_WEAK_TOPIC = 2;
/** A sentence holding this share of the claim's words tells of the same matter, a detail missing or not. */
const SAME_MATTER_COVERAGE = 0.8;
/** Sentences of an article's lead: who, where and when its event was, which later sentences leave out. */
const LEAD_SENTENCES = 2;
/** Sentences taken from the index for a claim, besides what ask() quotes. */
const INDEX_CANDIDATES = 12;

const NEGATION = /\b(?:not|never|no|neither|nor|without|denied|refused|failed)\b|n['’]t\b/i;

/** Discord markup that is not part of what a message claims: mentions, emoji, links, code, formatting. */
function plainText(message: string): string {
  return stripFormat(message)
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<a?:\w+:\d+>|<[@#][!&]?\d+>|<t:\d+(?::\w)?>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^\s*>+\s?/gm, '')
    .replace(/^\s*[-*]\s+/gm, '')
    .replace(/[*_~`|]{1,3}/g, '');
}

/** The message as a one-article corpus: split into sentences by the corpus's own splitter, facts extracted. */
function messageCorpus(text: string): { sentences: Sentence[]; facts: ReturnType<typeof extractFacts> } {
  const article = parseArticle(text, 'message', 'message', 0, 0);
  const corpus: Corpus = {
    dir: '',
    articles: [article],
    sentences: article.sentences,
    warnings: [],
    hash: '',
  };
  return { sentences: article.sentences, facts: extractFacts(corpus) };
}

/** A sentence worth checking: a statement with some content, not a question or a greeting. */
/** A statement asked back for confirmation ("…, right?", "…, isn't it?"): a claim all the same. */
const TAG_QUESTION =
  /,?\s*(?:right|correct|no|yes|true|innit|eh|(?:is|was|are|were|do|does|did|has|have|had|can|will|would)n['’]t\s+(?:it|they|he|she|there|we|you))\s*\?+\s*$/i;

function isClaim(sentence: string): boolean {
  if (/\?\s*$/.test(sentence) && !TAG_QUESTION.test(sentence)) return false;
  return contentKeys(sentence).length >= 3;
}

/** The claim without its figures and years, for finding the sentences about the same thing. */
function withoutFigures(text: string): string {
  let out = text;
  for (const m of [...moneyIn(text), ...percentsIn(text)]) out = out.replace(m.text, ' ');
  return out
    .replace(/\b(?:in|of|by|for)?\s*(?:1[89]\d\d|20\d\d)\b/g, ' ')
    .replace(/\b(?:last|this|next|past|previous) (?:year|month|week)\b/gi, ' ')
    .replace(/\s+/g, ' ');
}

// ─────────────── sentences: what ask() finds, details compared ───────────────

/** A word as a topic key: a country by its name whatever the form ("Kazakh", "Kazakhstan's"). */
const topicKey = (w: string) => {
  const country = /^\p{Lu}/u.test(w) ? countryWord(w) : undefined;
  return country === undefined ? termKey(w) : `country:${country}`;
};

function sentenceTopic(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .filter((w) => !isStopWord(w))
      .map(topicKey),
  );
}

/** Share of the claim's topic words (its words but figures, dates and places) the sentence holds, synonyms counted. */
function topicShare(topic: readonly string[], sentence: ReadonlySet<string>): number {
  if (topic.length === 0) return 0;
  const hit = topic.filter((k) => sentence.has(k) || synonymsOf(k).some((s) => sentence.has(s))).length;
  return hit / topic.length;
}

/** Function words the stop list lacks: they say nothing of what a claim is about. */
const FUNCTION_WORDS = new Set(
  ['during', 'around', 'back', 'also', 'only', 'still', 'already', 'ever', 'always', 'now', 'even'].map(
    termKey,
  ),
);

const MONTH_KEY = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;

/** The details of each article's lead (its first sentences): who, where and when of the article's event. */
function leadDetails(engine: Engine, file: string, vocab: ClaimVocabulary): Details | null {
  const article = engine.derived.articleByFile.get(file);
  if (!article) return null;
  const year = yearOfDate(article.meta.date);
  // The headline and the first sentences of text, not a letterhead in capitals ("REPUBLIC OF CROATIA").
  const lead = [
    article.meta.title ?? '',
    ...article.sentences
      .filter((s) => /\p{Ll}/u.test(s.text))
      .slice(0, LEAD_SENTENCES)
      .map((s) => s.text),
  ].join(' ');
  const d = detailsOf(lead, vocab, year);
  if (article.meta.date) {
    const [y, m, day] = article.meta.date.split('-').map(Number);
    d.years.push(y!);
    d.dates.push({ month: m!, day: day ?? null, year: y! });
  }
  return d;
}

/** The speakers of the statements a sentence is part of. */
function speakersOf(engine: Engine, c: Pick<Citation, 'file' | 'line' | 'text'>): string[] {
  const here = (x: FactSource) => x.file === c.file && x.line === c.line && x.text === c.text;
  return engine.facts.statements.flatMap((st) =>
    st.speaker !== null && st.sources.some(here) ? [st.speaker] : [],
  );
}

function sentenceEvidence(engine: Engine, claim: string): Evidence {
  const asked = claim.length > MAX_QUESTION_CHARS ? claim.slice(0, MAX_QUESTION_CHARS) : claim;
  const vocab = claimVocabulary(engine);
  // ask() says "not found" for a word no article has; a claim with another detail still has its sentence,
  // so the index is also searched for the claim's words (and their synonyms) directly.
  const keys = contentKeys(withoutFigures(asked)).filter((k) => vocab.all.has(k) && !/\d/.test(k));
  const withSynonyms = [...new Set([...keys, ...keys.flatMap((k) => synonymsOf(k))])];
  const direct = engine.index
    .search(withSynonyms, () => 1, 'sentence')
    .slice(0, INDEX_CANDIDATES)
    .map((r) => engine.corpus.sentences[r.id])
    .filter((x): x is Sentence => x !== undefined)
    .map((x) => citationFrom(engine, x));
  const found = [asked, withoutFigures(asked)].map((q) => ask(engine, q, { limit: 8 }));
  const seen = new Set<string>();
  const citations = [...found.flatMap((a) => a.citations), ...direct].filter((c) => {
    const key = `${c.file}:${c.line}:${c.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const details = detailsOf(claim, vocab);
  const places = detailKeys(details);
  const topic = [
    ...new Set(
      tokenize(withoutFigures(claim))
        .filter(
          (w) =>
            !isStopWord(w) &&
            !/\d|['’]/.test(w) &&
            !places.has(termKey(w)) &&
            !FUNCTION_WORDS.has(termKey(w)) &&
            !MONTH_KEY.test(termKey(w)) &&
            (ordinalValue(w) === null || /^first$/i.test(w)),
        )
        .map(topicKey),
    ),
  ];
  const negated = NEGATION.test(claim);
  const leads = new Map<string, Details | null>();
  const scored = citations.map((c) => {
    const article = engine.derived.articleByFile.get(c.file);
    if (!leads.has(c.file)) leads.set(c.file, leadDetails(engine, c.file, vocab));
    const own = detailsOf(c.text, vocab, yearOfDate(article?.meta.date));
    const words = sentenceTopic(c.text);
    // A quotation's speaker, named in the sentence beside it: "Ruto said …" of "“We have …,” he said".
    for (const name of speakersOf(engine, c)) {
      const key = termKey(tokenize(name).at(-1) ?? name);
      own.persons.add(key);
      words.add(topicKey(tokenize(name).at(-1) ?? name));
    }
    // "Bilateral trade reached …" in an article whose lead names the two countries: about them.
    for (const country of leads.get(c.file)?.countries ?? []) words.add(`country:${country}`);
    const cover = topicShare(topic, words);
    // What the claim says of its countries: the countries alone do not make a sentence about it.
    const said = topic.filter((k) => !k.startsWith('country:'));
    const saysCover = said.length >= 2 ? topicShare(said, words) : cover;
    // What the claim says happened, its people and countries aside: "planning a trip" is not "held talks".
    const event = said.filter((k) => !details.persons.has(k));
    const eventCover = event.length > 0 ? topicShare(event, words) : 1;
    const cmp = compareDetails(
      details,
      own,
      leads.get(c.file) ?? null,
      { amount: formatUsd },
      cover >= STRONG_TOPIC_COVERAGE,
    );
    return { c, cover, saysCover, eventCover, cmp };
  });
  scored.sort((a, b) => b.cover + 0.1 * b.cmp.agree - (a.cover + 0.1 * a.cmp.agree));
  const about = scored.filter(
    (s) =>
      !s.cmp.otherPeriod &&
      (s.cover >= SAME_TOPIC_COVERAGE ||
        (s.cover >= WEAK_TOPIC_COVERAGE && s.cmp.agree >= DETAILS_FOR_WEAK_TOPIC)),
  );
  const supports = about.filter(
    (s) =>
      s.cover >= SUPPORT_COVERAGE &&
      s.saysCover >= SUPPORT_COVERAGE &&
      s.cmp.conflicts.length === 0 &&
      s.cmp.missing === 0 &&
      s.cmp.loose === 0 &&
      NEGATION.test(s.c.text) === negated,
  );
  if (supports.length > 0) return { ...NONE, supports: supports.map((s) => s.c) };
  // A claim of several facts may have them in consecutive sentences of one paragraph.
  for (const s of about) {
    if (s.cover < SUPPORT_COVERAGE || s.cmp.conflicts.length > 0 || NEGATION.test(s.c.text) !== negated)
      continue;
    const article = engine.derived.articleByFile.get(s.c.file);
    const passage = article?.sentences.filter((x) => x.line === s.c.line) ?? [];
    if (passage.length < 2) continue;
    const text = passage.map((x) => x.text).join(' ');
    const own = detailsOf(text, vocab, yearOfDate(article?.meta.date));
    const cmp = compareDetails(details, own, leads.get(s.c.file) ?? null, { amount: formatUsd }, true);
    if (cmp.conflicts.length === 0 && cmp.missing === 0 && cmp.loose === 0) {
      return { ...NONE, supports: passage.map((x) => citationFrom(engine, x)) };
    }
  }
  // "did not sign" against "signed": the same words and details, one of them negated.
  const denied = about.filter(
    (s) =>
      s.cover >= SUPPORT_COVERAGE &&
      s.cmp.conflicts.length === 0 &&
      s.cmp.missing === 0 &&
      negated &&
      !NEGATION.test(s.c.text),
  );
  if (denied.length > 0) {
    return { ...NONE, disagrees: denied.map((s) => s.c), reason: 'the articles say it happened' };
  }
  // Another value for one detail, the others all given: the same matter told otherwise. A claim some of
  // whose details the sentence does not give at all may be about another matter.
  // Unless the sentence says all the claim does in its words: then it is the same matter, a detail aside.
  const against = about.filter(
    (s) =>
      s.cmp.conflicts.length > 0 &&
      // About the claim by its people and details only: the sentence must also tell of what they did.
      (s.cover >= SAME_TOPIC_COVERAGE || s.eventCover >= SUPPORT_COVERAGE) &&
      (s.cmp.missing === 0 ||
        (s.cmp.missingCountries === 0 &&
          s.cover >= SAME_MATTER_COVERAGE &&
          s.saysCover >= SAME_MATTER_COVERAGE &&
          s.cmp.missing <= s.cmp.conflicts.length)),
  );
  if (against.length > 0) {
    return {
      ...NONE,
      disagrees: against.map((s) => s.c),
      reason: `the articles give ${against[0]!.cmp.conflicts[0]}`,
    };
  }
  return NONE;
}

const VERDICT_LABEL: Record<ClaimCheck['verdict'], string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  unrelated: 'Nothing in the articles speaks to this',
};

/**
 * One claim's verdict: typed facts first (they know measure, pair, period, signatories), then sentences.
 * The claim is read in the articles' words (shorthand written out, clipped names expanded); a typed
 * fact's support gives way to a sentence that gives another value for one of the claim's details.
 */
function checkClaim(engine: Engine, claim: Sentence): { check: ClaimCheck; evidence: Evidence } {
  const vocab = claimVocabulary(engine);
  const text = claimCountries(
    newswireText(
      claim.text.replace(TAG_QUESTION, '.'),
      (w) => vocab.common.has(termKey(w)) || vocab.persons.has(termKey(w)),
    ),
  );
  const { facts } = messageCorpus(text);
  const typed = [
    tradeEvidence(engine, facts.trade),
    agreementEvidence(engine, facts.agreements),
    meetingEvidence(engine, facts.meetings),
    peopleMeetingEvidence(engine, text),
  ].find((e) => e.supports.length > 0 || e.disagrees.length > 0);
  let evidence = typed ?? sentenceEvidence(engine, text);
  if (typed && typed.supports.length > 0) {
    // The fact's own sentence may give another value for a detail the fact does not hold (a place, a person).
    const sentences = sentenceEvidence(engine, text);
    const sourceOfFact = (c: Citation) => typed.supports.some((s) => s.file === c.file && s.line === c.line);
    if (sentences.supports.length === 0 && sentences.disagrees.some(sourceOfFact)) evidence = sentences;
  }
  const verdict: ClaimCheck['verdict'] =
    evidence.supports.length > 0 ? 'supported' : evidence.disagrees.length > 0 ? 'contradicted' : 'unrelated';
  const refs = (cs: Citation[]) =>
    cs
      .slice(0, EVIDENCE_PER_CLAIM)
      .map(({ file, line, url, date, text }) => ({ file, line, url, date, text }));
  return {
    check: {
      claim: claim.text,
      verdict,
      reason: evidence.reason,
      supports: refs(evidence.supports),
      disagrees: refs(evidence.disagrees),
    },
    evidence,
  };
}

function claimFact(check: ClaimCheck): ClaimFact {
  const reason = check.reason ? ` (${check.reason})` : '';
  return {
    kind: 'claim',
    statement: `${VERDICT_LABEL[check.verdict]}${reason}: “${check.claim}”`,
    sources: [...check.supports, ...check.disagrees],
    verdict: check.verdict,
    claim: check.claim,
    reason: check.reason,
    supports: check.supports,
    disagrees: check.disagrees,
  };
}

function summary(checks: readonly ClaimCheck[], skipped: number): string {
  const count = (v: ClaimCheck['verdict']) => checks.filter((c) => c.verdict === v).length;
  const n = checks.length;
  const parts = [
    `${count('supported')} supported`,
    `${count('contradicted')} contradicted`,
    `${count('unrelated')} not covered by the articles`,
  ];
  const more =
    skipped > 0
      ? ` The other ${skipped} sentence${skipped === 1 ? ' was' : 's were'} not checked (at most ${MAX_CLAIMS} a message).`
      : '';
  return `${n} claim${n === 1 ? '' : 's'} checked: ${parts.join(', ')}.${more}`;
}

/**
 * Checks a message against the articles: splits it into claims (its sentences), and for each finds the
 * sentences and facts that support it, those that disagree (the same measure for the same pair and
 * period with another value, another date, another signatory), or says that nothing speaks to it.
 */
export function check(engine: Engine, message: string): CheckAnswer {
  const started = performance.now();
  const text = plainText(message).trim();
  const empty = (why: string): CheckAnswer => ({
    ...notFoundAnswer('check', '', why, started),
    command: 'check',
    claims: [],
  });
  if (text === '')
    return empty(
      'There is no text to check: the message is empty (or only an image, a link or an attachment).',
    );
  if (text.length > MAX_CHECK_CHARS) {
    return empty(`The text is too long to check (${text.length} characters; at most ${MAX_CHECK_CHARS}).`);
  }
  const { sentences } = messageCorpus(text);
  const claims = sentences.filter((s) => isClaim(s.text));
  if (claims.length === 0) {
    return empty(
      'There is nothing to check in that text: it makes no statement (a question, or too few words).',
    );
  }
  const checked = claims.slice(0, MAX_CLAIMS).map((c) => checkClaim(engine, c));
  const citations: Citation[] = [];
  for (const { check: c } of checked) {
    for (const ref of [...c.supports, ...c.disagrees]) {
      if (!citations.some((x) => x.file === ref.file && x.line === ref.line && x.text === ref.text)) {
        citations.push({ ...ref, n: citations.length + 1, text: ref.text ?? '', also: [], score: 0 });
      }
    }
  }
  const checks = checked.map((c) => c.check);
  const typedFacts = checked.flatMap((c) => c.evidence.facts);
  return {
    command: 'check',
    query: text.length > 200 ? `${text.slice(0, 199)}…` : text,
    found: true,
    answer: summary(checks, claims.length - checked.length),
    citations,
    facts: [...checks.map(claimFact), ...typedFacts.slice(0, 4).map((f) => toAnswerFact(engine, f))],
    matched: citations.length,
    unmatched: [],
    tookMs: performance.now() - started,
    claims: checks,
  };
}
