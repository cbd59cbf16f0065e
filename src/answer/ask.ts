import { performance } from 'node:perf_hooks';
import { type Engine, factOf, isFactId, type PeopleKeys } from '../engine.js';
import { countryOf } from '../facts/geo.js';
import type { IndexDoc } from '../index/searchIndex.js';
import { contentKeys, stripFormat, termKey, tokenize } from '../text/normalize.js';
import { documentsWith } from './answerType.js';
import { countingAnswer } from './count.js';
import { coverage } from './coverage.js';
import { spelledKey } from './expand.js';
import { citationOf, citationsForFacts, toAnswerFact } from './facts.js';
import { notFoundMessage } from './notFound.js';
import { planQuery } from './query.js';
import type { QueryPlan } from './queryTerm.js';
import { statementAnswerFact, statementsFor } from './quotes.js';
import { type Ranked, rank, selectCitations } from './rank.js';
import { type Answer, type Citation, foundAnswer, notFoundAnswer } from './types.js';

/** The keys of the people's names, built once per engine. */
function personNames(engine: Engine): PeopleKeys {
  let keys = engine.derived.peopleKeys;
  if (!keys) {
    const names = new Set(
      engine.facts.people.flatMap((p) => [p.name, ...p.aliases]).flatMap((n) => contentKeys(n)),
    );
    // Titles in aliases ("President Tokayev") are not names.
    for (const title of ['president', 'minister', 'foreign', 'prime', 'deputy', 'affairs'])
      names.delete(termKey(title));
    const own = engine.facts.people
      .flatMap((p) => tokenize(p.name))
      .filter((w) => countryOf(w) === undefined && names.has(termKey(w)));
    const people = new Set(own.map((w) => termKey(w)));
    keys = { names, people, peopleSpelled: new Set(own.map((w) => spelledKey(w))) };
    engine.derived.peopleKeys = keys;
  }
  return keys;
}

/** How many of the best-matching sentences can decide which source of a fact is quoted first. */
const PREFERENCE_DEPTH = 500;
/** A fact shown first (but a trade figure) covers at least this share of what the best sentence covers. */
const FACT_COVERAGE_RATIO = 0.8;
/** Facts shown first in an answer: at most this many… */
const MAX_FACTS = 3;
/** …each scoring at least this share of the best fact. */
const FACT_SCORE_RATIO = 0.5;

export const MAX_QUESTION_CHARS = 500;

export interface AskOptions {
  /** Most quotes in the answer (default 5). */
  limit?: number;
  /** Command name recorded in the answer (default `ask`). */
  command?: string;
  /** Restrict to sentences or facts. */
  type?: IndexDoc['type'];
}

/**
 * Answers a free question from the corpus: ranked quotes with their sources,
 * or `found: false` with a message when no sentence is relevant enough.
 */
export function ask(engine: Engine, question: string, options: AskOptions = {}): Answer {
  const started = performance.now();
  const command = options.command ?? 'ask';
  const query = stripFormat(question).trim();
  if (query === '') return notFoundAnswer(command, query, 'Ask a question: the question was empty.', started);
  if (query.length > MAX_QUESTION_CHARS) {
    return notFoundAnswer(
      command,
      `${query.slice(0, 100)}…`,
      `The question is too long (${query.length} characters); keep it under ${MAX_QUESTION_CHARS}.`,
      started,
    );
  }

  const plan = planQuery(engine.index, query, { ...personNames(engine), lexicon: engine.lexicon });
  const unmatched = plan.terms.filter((t) => t.kind === 'none').map((t) => t.word);
  if (plan.terms.length === 0) {
    return notFoundAnswer(
      command,
      query,
      'The question has no words to search for (only common words or symbols). Name what you want to know about.',
      started,
    );
  }
  const limit = options.limit ?? 5;
  const ranked = rank(engine, plan, options.type);
  const sentences = ranked.filter((r) => !isFactId(engine, r.id));
  // A meeting, agreement or person fact comes first only when it answers nearly as much of the
  // question as the best sentence: a visit's fact does not say where wreaths were laid during it.
  // (A trade figure is checked against the asked measure and span instead: see factFit.ts.)
  const bestSentence = sentences[0]?.relevant ? sentences[0].coverage : 0;
  // A trade figure is checked by measure only when the question names one: otherwise it too must
  // come close to the best sentence ("how big a slice…" is not answered by the growth rate).
  const measured = plan.figure.measures.size > 0;
  const facts = relevantFacts(engine, ranked).filter(
    (f) =>
      (measured && factOf(engine, f.id)?.kind === 'trade') ||
      f.coverage >= bestSentence * FACT_COVERAGE_RATIO,
  );
  const quotes = sentences[0]?.relevant ? selectCitations(engine, sentences, limit) : [];
  const found = facts.length > 0 || quotes.length > 0;
  const shownFacts = facts.map((r) => factOf(engine, r.id)!);
  // Which of a fact's sources to quote first: the ones the question matches best.
  // A source that holds what the question asks for ("in Dushanbe" for "where") comes before one that does not.
  const typed = plan.answerType && shownFacts.length > 0 ? documentsWith(engine, plan.answerType) : undefined;
  const preference = new Map(
    shownFacts.length > 0
      ? sentences
          .slice(0, PREFERENCE_DEPTH)
          .map((r, i) => [r.id, i + (typed && typed[r.id] !== 1 ? PREFERENCE_DEPTH : 0)] as const)
      : [],
  );
  // A trade figure of no asked measure does not lead a sentence that answers more of the question.
  const leads =
    !measured &&
    quotes.length > 0 &&
    facts.length > 0 &&
    facts.every((f) => factOf(engine, f.id)?.kind === 'trade' && f.coverage < bestSentence)
      ? quotes.slice(0, 1)
      : [];
  const citations = mergeCitations(
    [...leads, ...citationsForFacts(engine, shownFacts, MAX_FACTS, preference)],
    quotes,
    limit,
  );
  // "How many agreements were signed in 2024?": counted from the typed facts, each item cited, even
  // when no sentence ranks (a count of zero keeps the quotes ranking found: see count.ts).
  const counted = countingAnswer(engine, query, {
    command,
    started,
    limit,
    found,
    citations,
    matched: ranked.length,
    unmatched,
  });
  if (counted) return counted;
  if (!found)
    return notFoundAnswer(command, query, notFoundMessage(engine, unmatched), started, {
      matched: ranked.length,
      unmatched,
    });
  // "What did X say about Y?": X's own statements come first, then the usual quotes.
  const said = statementsFor(engine, query);
  if (said) {
    const statements = said.ranked.slice(0, MAX_FACTS).map((r) => r.statement);
    return foundAnswer(
      command,
      query,
      statements[0]!.statement,
      {
        citations: mergeCitations(
          statements.map((s, i) => citationOf(engine, s.source, i + 1)),
          citations,
          limit,
        ),
        facts: statements.map((s) => statementAnswerFact(engine, s)),
        matched: ranked.length,
        unmatched,
      },
      started,
    );
  }
  return foundAnswer(
    command,
    query,
    shownFacts[0] && leads.length === 0
      ? shownFacts[0].fact.statement
      : answerClause(citations[0]!.text, plan),
    { citations, facts: shownFacts.map((f) => toAnswerFact(engine, f)), matched: ranked.length, unmatched },
    started,
  );
}

const CLAUSE_BREAK = /;\s+|:\s+|,\s+(?=(?:while|whereas|but|which|who)\s)|\s+[—–]\s+/;

/**
 * The short answer drawn from the best sentence: its clause that matches the
 * most of the question ("…, while Tajikistan sends textiles, fruits and
 * vegetables to Kazakhstan" → that clause), or the whole sentence when no
 * clause matches as much as it does.
 */
export function answerClause(sentence: string, plan: QueryPlan): string {
  const clauses = sentence.split(CLAUSE_BREAK).filter((c) => c.trim() !== '');
  if (clauses.length < 2) return sentence;
  const matched = (text: string) => coverage(plan, contentKeys(text)).share;
  const whole = matched(sentence);
  const best = clauses.map((c) => ({ c, m: matched(c) })).sort((a, b) => b.m - a.m)[0]!;
  if (best.m < whole || best.c.split(/\s+/).length < 4) return sentence;
  const text = best.c.trim().replace(/^(?:while|whereas|but|and|which|who|as|with)\s+/i, '');
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…"”]$/.test(capital) ? capital : `${capital.replace(/[,;:]$/, '')}.`;
}

/** The relevant facts worth showing: close to the best one. */
function relevantFacts(engine: Engine, ranked: readonly Ranked[]): Ranked[] {
  const facts = ranked.filter((r) => r.relevant && isFactId(engine, r.id));
  const best = facts[0];
  if (!best) return [];
  return facts.filter((r) => r.score >= best.score * FACT_SCORE_RATIO).slice(0, MAX_FACTS);
}

/** The facts' quotes first, then the best sentences not quoted yet, renumbered. */
function mergeCitations(first: readonly Citation[], rest: readonly Citation[], limit: number): Citation[] {
  const out = [...first];
  const has = (c: Citation) => out.some((o) => o.file === c.file && o.line === c.line && o.text === c.text);
  for (const c of rest) {
    if (out.length >= limit) break;
    if (!has(c)) out.push(c);
  }
  return out.map((c, i) => ({ ...c, n: i + 1 }));
}

/** Lists the sentences that match a query (more of them than `ask` quotes). */
export function search(engine: Engine, query: string, limit = 10): Answer {
  const answer = ask(engine, query, { command: 'search', limit });
  if (!answer.found) return answer;
  const shown = answer.citations.length;
  const more = answer.citations.reduce((sum, c) => sum + c.also.length, 0);
  const also = more > 0 ? ` (and ${more} near-identical elsewhere)` : '';
  return { ...answer, answer: `${shown} matching sentence${shown === 1 ? '' : 's'}${also}, best first.` };
}
