import { performance } from 'node:perf_hooks';
import type { Engine } from '../engine.js';
import type { StatementFact } from '../facts/types.js';
import { contentKeys, termKey, tokenize } from '../text/normalize.js';
import { citationOf, refOf } from './facts.js';
import { notFoundMessage } from './notFound.js';
import { type Answer, type AnswerFact, notFoundAnswer } from './types.js';
import { matchPeople, suggestions } from './views.js';

/** Most statements a /quotes answer shows (a renderer pages through them). */
const MAX_STATEMENTS = 12;
/** A statement is about a topic when it has at least this share of the topic's words. */
const TOPIC_SHARE = 0.5;

export interface RankedStatement {
  statement: StatementFact;
  /** Share of the topic's words the statement has (1 with no topic). */
  score: number;
}

export interface StatementsOf {
  /** The people the typed name matched (their names), or the unresolved speakers' names it matched. */
  people: string[];
  /** Their statements, best match to the topic first; with no topic, in the articles' order. */
  ranked: RankedStatement[];
  /** How many statements the people have in all, whatever the topic. */
  total: number;
}

/** Whether a statement's speaker is one the user typed: a person entity by id, or a named speaker by name. */
function speakerMatcher(
  engine: Engine,
  typed: string,
): { names: string[]; test: (s: StatementFact) => boolean } {
  const people = matchPeople(engine, typed);
  const ids = new Set(people.map((p) => p.id));
  const wanted = tokenize(typed).map(termKey);
  const named = (s: StatementFact) =>
    s.speakerId === null &&
    s.speaker !== null &&
    wanted.length > 0 &&
    wanted.every((w) => tokenize(s.speaker!).some((x) => termKey(x) === w));
  const names = [
    ...people.map((p) => p.name),
    ...new Set(engine.facts.statements.filter(named).map((s) => s.speaker!)),
  ];
  return { names, test: (s) => (s.speakerId !== null && ids.has(s.speakerId)) || named(s) };
}

/**
 * The statements of the person a user typed, ranked by how much of the
 * topic's words each has (the quote's own words, and the sentences it was
 * read from); statements with less than half of them are left out.
 */
export function statementsOf(engine: Engine, person: string, topic?: string): StatementsOf {
  const speaker = speakerMatcher(engine, person);
  const theirs = engine.facts.statements.filter(speaker.test);
  const keys = [...new Set(topic ? contentKeys(topic) : [])];
  if (keys.length === 0)
    return {
      people: speaker.names,
      ranked: theirs.map((statement) => ({ statement, score: 1 })),
      total: theirs.length,
    };
  const ranked = theirs
    .map((statement, order) => {
      const have = new Set(contentKeys(statement.quote));
      return { statement, score: keys.filter((k) => have.has(k)).length / keys.length, order };
    })
    .filter((r) => r.score >= TOPIC_SHARE)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ statement, score }) => ({ statement, score }));
  return { people: speaker.names, ranked, total: theirs.length };
}

/** A statement as answers show it: its line, its sources, and its own fields for JSON. */
export function statementAnswerFact(engine: Engine, s: StatementFact): AnswerFact {
  const { statement, kind, source: _s, sources, ...rest } = s;
  // One reference per line: the sentences a quotation runs over on its first line are one source.
  const lines = sources.filter(
    (x, i) => sources.findIndex((y) => y.file === x.file && y.line === x.line) === i,
  );
  return { kind, statement, sources: lines.map((x) => refOf(engine, x)), ...rest };
}

export interface QuotesOptions {
  person: string;
  topic?: string | undefined;
}

const list = (items: readonly string[], max = 8) =>
  items.length > max ? `${items.slice(0, max).join(', ')}, …` : items.join(', ');

/** `/quotes`: what a person said, on a topic when one is given, each statement quoted from its first sentence. */
export function quotesView(engine: Engine, options: QuotesOptions, command = 'quotes'): Answer {
  const started = performance.now();
  const query = [options.person, options.topic].filter((x) => x !== undefined && x !== '').join(' ');
  const nothing = (answer: string): Answer => notFoundAnswer(command, query, answer, started);
  if (engine.stats.files === 0) return nothing(notFoundMessage(engine, []));
  const found = statementsOf(engine, options.person, options.topic);
  if (found.people.length === 0) {
    const speakers = [
      ...new Set(engine.facts.statements.map((s) => s.speaker).filter((n): n is string => n !== null)),
    ];
    return nothing(
      `No one called "${options.person}" is quoted in the articles.${speakers.length > 0 ? ` Quoted: ${list(speakers)}.` : ''}`,
    );
  }
  const who = found.people.join(' or ');
  if (found.total === 0) return nothing(`The articles quote no statement by ${who}.`);
  if (found.ranked.length === 0) {
    return nothing(
      `${who} is quoted ${found.total} time${found.total === 1 ? '' : 's'} in the articles, but not on "${options.topic}".`,
    );
  }
  const shown = found.ranked.slice(0, MAX_STATEMENTS);
  const about = options.topic ? ` on "${options.topic}"` : '';
  const more = found.ranked.length > shown.length ? ` (the first ${shown.length} shown)` : '';
  return {
    command,
    query,
    found: true,
    answer: `${found.ranked.length} statement${found.ranked.length === 1 ? '' : 's'} by ${who}${about}${more}.`,
    citations: shown.map((r, i) => citationOf(engine, r.statement.source, i + 1, r.score)),
    facts: shown.map((r) => statementAnswerFact(engine, r.statement)),
    matched: found.ranked.length,
    unmatched: [],
    tookMs: performance.now() - started,
  };
}

/** "What did Tokayev say about trade?", "What has the minister said on water?", "What does X think of Y?" */
const SAID_ABOUT =
  /^\s*what\s+(?:did|has|have|does|do|had)\s+(.+?)\s+(?:say|said|tell|told|think|thought|state|stated|note|noted|stress|stressed)\b(?:\s+(?:about|on|regarding|of|concerning|in relation to)\s+(.+?))?\s*[?.!]*\s*$/iu;

/**
 * For /ask: the statements a "what did X say about Y" question asks for, best
 * first, or null when the question is not of that shape or names no one who
 * is quoted. Cheap: a regular expression, then the person's own statements.
 */
export function statementsFor(
  engine: Engine,
  question: string,
): (StatementsOf & { topic: string | null }) | null {
  const m = SAID_ABOUT.exec(question);
  if (!m) return null;
  const person = m[1]!;
  const topic = m[2] ?? null;
  const found = statementsOf(engine, person, topic ?? undefined);
  if (found.people.length === 0 || found.ranked.length === 0) return null;
  return { ...found, topic };
}

/** Autocomplete for /quotes: the people the typed words fit who are quoted at least once. */
export function speakerSuggestions(engine: Engine, typed: string): string[] {
  const quoted = new Set(
    engine.facts.statements.map((s) => s.speaker).filter((n): n is string => n !== null),
  );
  return suggestions(engine, 'person', typed)
    .filter((name) => quoted.has(name))
    .concat(
      [...quoted].filter(
        (n) =>
          !engine.facts.people.some((p) => p.name === n) &&
          n.toLowerCase().includes(typed.trim().toLowerCase()),
      ),
    );
}
