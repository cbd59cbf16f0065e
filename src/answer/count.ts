import { performance } from 'node:perf_hooks';
import type { Engine, IndexedFact } from '../engine.js';
import { NUMBER_WORDS } from '../facts/dates.js';
import { capitalOf, countryOf } from '../facts/geo.js';
import { sourcesOf } from '../facts/kinds/index.js';
import type { TradeLine } from '../facts/tradeSummary.js';
import type { AgreementFact, FactSource, MeetingFact, PersonFact, StatementFact } from '../facts/types.js';
import { contentKeys, termKey, tokenize } from '../text/normalize.js';
import { type CountQuestion, readCountQuestion } from './countQuestion.js';
import { citationOf, toAnswerFact } from './facts.js';
import { statementAnswerFact, statementsOf } from './quotes.js';
import { type Answer, type AnswerFact, type Citation, foundAnswer, notFoundAnswer } from './types.js';
import { placeMatches, wordMatcher } from './views.js';

/**
 * Counting and listing questions over typed facts (issue 12, item 3): "How many agreements were
 * signed in 2024?", "How many times did X and Y meet?", "Which agreements did X sign?". The answer
 * gives the count and lists every counted item as a fact line with its sources. A group an article
 * counts ("27 documents were signed") counts as its number, with the documents named in the same
 * article counted inside it, not beside it.
 */

/** Most counted items listed as fact lines (a renderer pages through them). */
const MAX_ITEMS = 40;
/** Most quotes: one per item first, then the question's best sentences. */
const MAX_QUOTES = 12;
/** Most items named in the short answer. */
const NAMED_IN_ANSWER = 6;

/** One counted thing as the answer lists it. */
interface Item {
  fact: AnswerFact;
  /** Its sentences, best first: the first one is quoted. */
  sources: FactSource[];
  /** How many things it counts: a group its number, else 1; 0 for a document counted in a group. */
  counts: number;
  /** How the short answer names it. */
  label: string;
  /** ISO date for ordering; null when undated. */
  date: string | null;
}

interface Counted {
  items: Item[];
  total: number;
  /** Groups counted by their number ("27 documents"), with how many of their documents are named. */
  groups: Array<{ count: number; named: number }>;
}

/** What /ask found for the question by ranking, kept below the counted items. */
export interface CountContext {
  command: string;
  started: number;
  /** Most quotes the caller asked for. */
  limit: number;
  /** Whether ranking found relevant sentences, and its quotes. */
  found: boolean;
  citations: Citation[];
  matched: number;
  unmatched: string[];
}

const articleDate = (engine: Engine, file: string): string | null => {
  const article = engine.derived.articleByFile.get(file);
  return article?.meta.date ?? engine.facts.inferredDates.find((d) => d.file === file)?.date ?? null;
};

function inPeriod(iso: string | null, period: CountQuestion['period']): boolean {
  if (!period) return true;
  if (iso === null) return false;
  return iso.slice(0, period.from.length) >= period.from && iso.slice(0, period.to.length) <= period.to;
}

/** Name words of a person that a sentence may use for them (no titles, no countries). */
function nameKeys(p: PersonFact): string[] {
  return tokenize(p.name)
    .filter((w) => w.length > 2 && countryOf(w) === undefined)
    .map(termKey);
}

const mentions = (text: string, people: readonly PersonFact[]) => {
  const keys = new Set(tokenize(text).map(termKey));
  return people.some((p) => nameKeys(p).some((k) => keys.has(k)));
};

/** Keys of an article's words, once per question. */
function articleWords(engine: Engine): (file: string) => Set<string> {
  const cache = new Map<string, Set<string>>();
  return (file) => {
    let keys = cache.get(file);
    if (!keys) {
      const article = engine.derived.articleByFile.get(file);
      keys = new Set((article?.sentences ?? []).flatMap((s) => tokenize(s.text).map(termKey)));
      cache.set(file, keys);
    }
    return keys;
  };
}

/**
 * The filters every kind shares. An event's name ("the Binational Cabinet") holds for an item whose
 * sentence names it, or whose article names it and reports the item as news: undated, or dated in
 * the article's year (an agreement of 2006 that a 2025 article recalls was not signed at its event).
 */
function sharedFilters(engine: Engine, q: CountQuestion) {
  const wordsOf = articleWords(engine);
  const has = (keys: Set<string>) => q.names.every((n) => keys.has(termKey(n)));
  const named = (sources: readonly FactSource[], date: string | null = null) =>
    q.names.length === 0 ||
    sources.some((s) => has(new Set(tokenize(s.text).map(termKey)))) ||
    sources.some(
      (s) =>
        has(wordsOf(s.file)) &&
        (date === null || date.slice(0, 4) === (articleDate(engine, s.file) ?? date).slice(0, 4)),
    );
  const onTopic = (texts: readonly string[]) =>
    q.topic.length === 0 || texts.some((t) => contentKeys(t).some((k) => q.topic.includes(k)));
  return { named, onTopic };
}

// ───────────────────────────── agreements ─────────────────────────────

function countAgreements(engine: Engine, q: CountQuestion): Counted {
  const sameWord = wordMatcher(engine);
  const { named, onTopic } = sharedFilters(engine, q);
  const dateOf = (a: AgreementFact) =>
    a.date?.iso ?? (a.status === 'signed' ? articleDate(engine, a.source.file) : null);
  const people = q.people.map((p) => p.matches);
  // A document signed during a person's visit: the article reports a meeting they took part in.
  const eventFiles = people.map(
    (ps) =>
      new Set(
        engine.facts.meetings
          .filter((m) => m.participants.some((x) => ps.some((p) => p.id === x.id)))
          .flatMap((m) => m.sources.map((s) => s.file)),
      ),
  );
  const byPerson = (a: AgreementFact) =>
    people.every((ps, i) => {
      const ids = new Set(ps.map((p) => p.id));
      if (a.signatories.some((s) => ids.has(s.id))) return true;
      if (a.sources.some((s) => mentions(s.text, ps))) return true;
      return a.signatories.length === 0 && a.sources.some((s) => eventFiles[i]!.has(s.file));
    });
  const narrowed = (a: AgreementFact) =>
    q.narrow.length === 0 ||
    q.narrow.includes(a.type) ||
    (a.count !== null && q.narrow.some((n) => a.name.toLowerCase().includes(n)));
  const atPlace = (a: AgreementFact) =>
    q.place === null ||
    placeMatches(a, q.place, sameWord) ||
    a.sources.some((s) => tokenize(s.text).some((w) => sameWord(q.place!, w)));
  const chosen = engine.facts.agreements.filter(
    (a) =>
      a.type !== 'diplomatic relations' &&
      (q.status === null || a.status === q.status) &&
      narrowed(a) &&
      q.countries.every((c) => a.parties.includes(c)) &&
      inPeriod(dateOf(a), q.period) &&
      atPlace(a) &&
      byPerson(a) &&
      named(a.sources, dateOf(a)) &&
      (a.count !== null || onTopic([a.name, ...a.aliases, ...a.sources.map((s) => s.text)])),
  );

  // One group per signing: the largest number an article gives, the same number in two articles once.
  const groups: Array<{ fact: AgreementFact; also: AgreementFact[]; files: Set<string> }> = [];
  for (const g of chosen.filter((a) => a.count !== null).sort((a, b) => b.count! - a.count!)) {
    const same = groups.find(
      (x) =>
        x.files.has(g.source.file) ||
        (x.fact.count === g.count &&
          x.fact.parties.join() === g.parties.join() &&
          (dateOf(x.fact) ?? '').slice(0, 7) === (dateOf(g) ?? '').slice(0, 7)),
    );
    if (same) {
      same.also.push(g);
      for (const s of g.sources) same.files.add(s.file);
    } else groups.push({ fact: g, also: [], files: new Set(g.sources.map((s) => s.file)) });
  }
  const members = new Map(groups.map((g) => [g, [] as AgreementFact[]]));
  const loose: AgreementFact[] = [];
  for (const a of chosen.filter((x) => x.count === null)) {
    const group =
      a.status === 'signed'
        ? groups.find(
            (g) =>
              g.fact.status === 'signed' &&
              a.sources.some((s) => g.files.has(s.file)) &&
              (a.parties.length === 0 || a.parties.some((p) => g.fact.parties.includes(p))),
          )
        : undefined;
    if (group) members.get(group)!.push(a);
    else loose.push(a);
  }

  const itemOf = (a: AgreementFact, counts: number, extra: FactSource[] = []): Item => {
    const f: IndexedFact = { kind: 'agreement', fact: a };
    const fact = toAnswerFact(engine, f);
    const sources = [...sourcesOf(f), ...extra];
    const date = dateOf(a);
    return { fact, sources, counts, label: `${a.name}${date ? ` (${date})` : ''}`, date };
  };
  const events: Item[][] = [];
  for (const g of groups) {
    const inside = members.get(g)!;
    const count = Math.max(g.fact.count!, inside.length);
    const head = itemOf(
      g.fact,
      count,
      g.also.flatMap((x) => x.sources),
    );
    head.fact = {
      ...head.fact,
      statement: `${g.fact.statement} (the article gives the number${inside.length > 0 ? `; ${inside.length} of them named below` : ''})`,
      sources: [...head.fact.sources, ...toAnswerFactSources(engine, g.also)],
    };
    events.push([head, ...inside.map((a) => itemOf(a, 0))]);
  }
  for (const a of loose) events.push([itemOf(a, 1)]);
  events.sort((a, b) => byDate(a[0]!.date, b[0]!.date));
  const items = events.flat();
  return {
    items,
    total: items.reduce((n, i) => n + i.counts, 0),
    groups: groups.map((g) => ({
      count: Math.max(g.fact.count!, members.get(g)!.length),
      named: members.get(g)!.length,
    })),
  };
}

function toAnswerFactSources(engine: Engine, facts: readonly AgreementFact[]) {
  return facts.flatMap((a) => toAnswerFact(engine, { kind: 'agreement', fact: a }).sources);
}

const byDate = (a: string | null, b: string | null) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : a.localeCompare(b);

// ───────────────────────────── meetings ─────────────────────────────

function countMeetings(engine: Engine, q: CountQuestion): Counted {
  const sameWord = wordMatcher(engine);
  const { named, onTopic } = sharedFilters(engine, q);
  const countriesOf = (m: MeetingFact) => {
    const place = m.place ? (capitalOf(m.place)?.country ?? countryOf(m.place)) : undefined;
    return new Set([...m.participants.map((p) => p.country), place].filter((c) => c != null));
  };
  const chosen = engine.facts.meetings.filter(
    (m) =>
      (q.narrow.length === 0 || q.narrow.some((n) => m.format.toLowerCase().includes(n))) &&
      q.people.every((p) => m.participants.some((x) => p.matches.some((y) => y.id === x.id))) &&
      q.countries.every((c) => countriesOf(m).has(c)) &&
      inPeriod(m.date.iso, q.period) &&
      (q.place === null || placeMatches(m, q.place, sameWord)) &&
      named(m.sources, m.date.iso) &&
      onTopic(m.sources.map((s) => s.text)),
  );
  const items = chosen
    .map((m): Item => {
      const f: IndexedFact = { kind: 'meeting', fact: m };
      return {
        fact: toAnswerFact(engine, f),
        sources: sourcesOf(f),
        counts: 1,
        label: `${m.date.display}${m.place ? ` in ${m.place}` : ''} (${m.format})`,
        date: m.date.iso,
      };
    })
    .sort((a, b) => byDate(a.date, b.date));
  return { items, total: items.length, groups: [] };
}

// ───────────────────────────── statements, people, trade ─────────────────────────────

function countStatements(engine: Engine, q: CountQuestion): Counted {
  const { named } = sharedFilters(engine, q);
  const pool: StatementFact[] =
    q.people.length > 0
      ? q.people.flatMap((p) =>
          statementsOf(engine, p.typed, q.topic.length > 0 ? q.topic.join(' ') : undefined).ranked.map(
            (r) => r.statement,
          ),
        )
      : engine.facts.statements.filter(
          (s) => q.topic.length === 0 || contentKeys(s.quote).some((k) => q.topic.includes(k)),
        );
  const items = [...new Set(pool)]
    .filter((s) => inPeriod(articleDate(engine, s.source.file), q.period) && named(s.sources))
    .map(
      (s): Item => ({
        fact: statementAnswerFact(engine, s),
        sources: [s.source],
        counts: 1,
        label: `${s.speaker ?? s.speakerText}: “${s.quote.length > 60 ? `${s.quote.slice(0, 57)}…` : s.quote}”`,
        date: articleDate(engine, s.source.file),
      }),
    );
  return { items, total: items.length, groups: [] };
}

function countPeople(engine: Engine, q: CountQuestion): Counted {
  const items = engine.facts.people
    .filter(
      (p) =>
        (q.countries.length === 0 || (p.country !== null && q.countries.includes(p.country))) &&
        (q.narrow.length === 0 ||
          p.roles.some((r) => q.narrow.some((n) => r.title.toLowerCase().includes(n)))),
    )
    .map((p): Item => {
      const f: IndexedFact = { kind: 'person', fact: p };
      return { fact: toAnswerFact(engine, f), sources: sourcesOf(f), counts: 1, label: p.name, date: null };
    });
  return { items, total: items.length, groups: [] };
}

function countTrade(engine: Engine, q: CountQuestion): Counted {
  const inYear = (l: TradeLine) => !q.period || (l.year !== null && inPeriod(String(l.year), q.period));
  const items = engine.trade
    .filter((l) => q.countries.every((c) => l.pair.includes(c)) && inYear(l))
    .map((l): Item => {
      const f: IndexedFact = { kind: 'trade', fact: l };
      return {
        fact: toAnswerFact(engine, f),
        sources: sourcesOf(f),
        counts: 1,
        label: l.statement,
        date: l.year === null ? null : String(l.year),
      };
    });
  return { items, total: items.length, groups: [] };
}

const COUNTERS: Record<CountQuestion['kind'], (engine: Engine, q: CountQuestion) => Counted> = {
  agreement: countAgreements,
  meeting: countMeetings,
  statement: countStatements,
  person: countPeople,
  trade: countTrade,
};

// ───────────────────────────── the answer ─────────────────────────────

const plural = (n: number, q: CountQuestion) => (n === 1 ? q.noun.one : q.noun.many);

/** What the question narrowed the count to, as words: " in 2024 involving Tokayev in Dushanbe". */
function scopeOf(q: CountQuestion): string {
  const parts: string[] = [];
  if (q.kind !== 'meeting' || q.people.length === 0) {
    if (q.people.length > 0) parts.push(`involving ${q.people.map((p) => nameOf(p)).join(' and ')}`);
  }
  if (q.countries.length > 0)
    parts.push(`${q.countries.length > 1 ? 'between' : 'with'} ${q.countries.join(' and ')}`);
  if (q.place) parts.push(`in ${q.place}`);
  if (q.names.length > 0) parts.push(`where the articles name “${q.names.join(' ')}”`);
  if (q.topic.length > 0) parts.push(`on ${q.topic.join(', ')}`);
  if (q.period) parts.push(q.period.label);
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

const nameOf = (p: CountQuestion['people'][number]) =>
  p.matches.length === 1 ? p.matches[0]!.name : p.matches.map((m) => m.name).join(' or ');

function verbOf(q: CountQuestion, n: number): string {
  const were = n === 1 ? 'was' : 'were';
  if (q.kind === 'agreement')
    return q.status === 'signed' ? ` ${were} signed` : q.status === 'planned' ? ' planned' : ' named';
  if (q.kind === 'person') return ` named`;
  return '';
}

/** The count in one sentence, the things counted named after it. */
function headline(q: CountQuestion, c: Counted): string {
  const labels = c.items.filter((i) => i.counts !== 0 || c.groups.length === 0).map((i) => i.label);
  const shown = labels.slice(0, NAMED_IN_ANSWER);
  const more = labels.length > shown.length ? `, and ${labels.length - shown.length} more` : '';
  const list = `${shown.join('; ')}${more}`;
  if (q.kind === 'meeting' && q.people.length > 0) {
    const who = q.people.map(nameOf).join(' and ');
    const rest = scopeOf({ ...q, people: [] });
    const times = c.total === 1 ? 'once' : `${c.total} times`;
    return q.people.length > 1
      ? `${who} met ${times}${rest} in the articles: ${list}.`
      : `${who} took part in ${c.total} ${plural(c.total, q)}${rest} in the articles: ${list}.`;
  }
  if (q.kind === 'statement' && q.people.length > 0) {
    const who = q.people.map(nameOf).join(' and ');
    return `${who} ${q.people.length > 1 ? 'are' : 'is'} quoted ${c.total === 1 ? 'once' : `${c.total} times`}${scopeOf({ ...q, people: [] })} in the articles: ${list}.`;
  }
  const groups = c.groups.filter((g) => g.count > 0);
  const grouped =
    groups.length > 0
      ? ` (${groups
          .map(
            (g) =>
              `${g.count} at one signing, as an article counts them${g.named > 0 ? `, ${g.named} of them named and counted once` : ''}`,
          )
          .join('; ')})`
      : '';
  return `${c.total} ${plural(c.total, q)}${verbOf(q, c.total)}${scopeOf(q)}${grouped}: ${list}.`;
}

/** What the articles have of the kind, for an honest zero: by the filter that emptied the count. */
function whatThereIs(engine: Engine, q: CountQuestion): string {
  const all = COUNTERS[q.kind](engine, {
    ...q,
    status: null,
    period: null,
    people: [],
    countries: [],
    place: null,
    names: [],
    topic: [],
  });
  if (all.total === 0) return `The articles have no ${q.noun.many} at all.`;
  const facts = all.items.map((i) => i.fact);
  const tally = (values: Array<string | null | undefined>) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .slice(0, 8)
      .map(([k, n]) => `${k} (${n})`)
      .join(', ');
  };
  const details: string[] = [];
  if (q.period) {
    const years = tally(all.items.map((i) => i.date?.slice(0, 4)));
    details.push(years ? `by year: ${years}` : 'none of them dated');
  }
  if (q.status)
    details.push(`by status: ${tally(facts.map((f) => ('status' in f ? String(f.status) : null)))}`);
  if (q.people.length > 0 && q.kind === 'meeting') {
    const each = q.people.map((p) => {
      const n = countMeetings(engine, { ...q, people: [p], period: null, place: null, countries: [] }).total;
      return `${nameOf(p)} in ${n}`;
    });
    details.push(`by person: ${each.join(', ')}`);
  }
  if (q.place) {
    const places = tally(facts.map((f) => ('place' in f ? (f.place as string | null) : null)));
    if (places) details.push(`by place: ${places}`);
  }
  return `The articles have ${all.total} ${plural(all.total, q)} in all${details.length > 0 ? `; ${details.join('; ')}` : ''}.`;
}

/** The counted items' quotes, one each (the source ranking liked best first), then the question's best sentences. */
function quotesOf(
  engine: Engine,
  items: readonly Item[],
  ranked: readonly Citation[],
  limit: number,
): Citation[] {
  const rankOf = (s: FactSource) => {
    const i = ranked.findIndex((c) => c.file === s.file && c.line === s.line);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const out: Citation[] = [];
  const has = (file: string, line: number) => out.some((c) => c.file === file && c.line === line);
  for (const item of items) {
    if (out.length >= MAX_QUOTES) break;
    const best = [...item.sources].sort((a, b) => rankOf(a) - rankOf(b)).find((s) => !has(s.file, s.line));
    if (best) out.push(citationOf(engine, best, out.length + 1));
  }
  for (const c of ranked) {
    if (out.length >= limit) break;
    if (!has(c.file, c.line)) out.push({ ...c, n: out.length + 1 });
  }
  return out;
}

/** A number of the counted thing that a sentence gives: "105 bilateral agreements", "met three times". */
const STATED: Partial<Record<CountQuestion['kind'], RegExp>> = {
  agreement: new RegExp(
    String.raw`(?<![\p{L}\p{N}.,])(?:more than |over |nearly |about |some |around )?(?:\d{1,4}|${NUMBER_WORDS.join('|')}|dozens of)\s+(?:[\p{L}-]+\s+){0,3}?(?:documents|agreements|accords|treaties|memorand(?:a|ums)|MoUs|deals|pacts|instruments|protocols)\b`,
    'iu',
  ),
  meeting: new RegExp(
    String.raw`\b(?:met|meetings?)\s+(?:[\p{L}-]+\s+){0,3}?(?:\d{1,3}|${NUMBER_WORDS.join('|')})\s+times\b|(?<![\p{L}\p{N}.,])(?:\d{1,3}|${NUMBER_WORDS.join('|')})\s+(?:[\p{L}-]+\s+){0,2}?(?:meetings|rounds of talks|visits)\b`,
    'iu',
  ),
};
/** How many of the question's best sentences are read for a number the typed facts do not hold. */
const STATED_DEPTH = 3;

/**
 * The question's best sentences that give a number of the counted thing and are no counted item's
 * source: a total in force ("bound by 105 agreements") or a signing the facts missed. They are quoted
 * first and named in the answer, so a count never hides a number the articles give.
 */
function statedCounts(
  q: CountQuestion,
  items: readonly Item[],
  ranked: readonly Citation[],
): Array<{ citation: Citation; phrase: string }> {
  const re = STATED[q.kind];
  if (!re) return [];
  const sourced = new Set(items.flatMap((i) => i.sources.map((s) => `${s.file}:${s.line}`)));
  return ranked.slice(0, STATED_DEPTH).flatMap((citation) => {
    const m = re.exec(citation.text);
    if (!m || sourced.has(`${citation.file}:${citation.line}`)) return [];
    if (
      q.status === 'signed' &&
      !/\b(?:sign|signed|signing|inked|concluded|exchanged|sealed)\b/i.test(citation.text)
    )
      return [];
    if (q.period && !inPeriod(citation.text.match(/\b(?:19|20)\d{2}\b/)?.[0] ?? citation.date, q.period))
      return [];
    return [{ citation, phrase: m[0] }];
  });
}

const statedNote = (stated: ReadonlyArray<{ phrase: string }>, first: number) =>
  stated.length === 0
    ? ''
    : ` ${stated.length === 1 ? 'A sentence gives' : 'Sentences give'} a number the facts do not hold: ${stated
        .map((s, i) => `“${s.phrase}” [${first + i}]`)
        .join(', ')}.`;

/**
 * The answer to a counting or listing question, or null when the question is not one. A count of
 * zero says so and what the articles do have; when ranking found sentences for the question all the
 * same, it is an answer that quotes them (the typed facts may miss what a sentence says).
 */
export function countingAnswer(engine: Engine, question: string, context?: CountContext): Answer | null {
  const q = readCountQuestion(engine, question);
  if (!q) return null;
  const started = context?.started ?? performance.now();
  const command = context?.command ?? 'ask';
  const counted = COUNTERS[q.kind](engine, q);
  const ranked = context?.citations ?? [];
  const searched = { matched: context?.matched ?? counted.items.length, unmatched: context?.unmatched ?? [] };
  const stated = statedCounts(q, counted.items, ranked);
  if (counted.total === 0) {
    const whose =
      q.kind === 'meeting' && q.people.length > 0 ? ` of ${q.people.map(nameOf).join(' and ')}` : '';
    const none = `No ${q.noun.many}${whose}${verbOf(q, 2)}${scopeOf(q)} among the facts read from the articles. ${whatThereIs(engine, q)}`;
    if (context?.found) {
      const citations = [
        ...stated.map((s) => s.citation),
        ...ranked.filter((c) => !stated.some((s) => s.citation === c)),
      ].map((c, i) => ({ ...c, n: i + 1 }));
      return foundAnswer(
        command,
        question,
        `${none}${statedNote(stated, 1)} The sentences closest to the question follow; they may say what the facts miss.`,
        { citations, facts: [], ...searched },
        started,
      );
    }
    return notFoundAnswer(command, question, none, started, searched);
  }
  const listed = counted.items.slice(0, MAX_ITEMS);
  const cut = counted.items.length > listed.length ? ` The first ${listed.length} are listed.` : '';
  const quotes = quotesOf(
    engine,
    listed,
    ranked.filter((c) => !stated.some((s) => s.citation === c)),
    context?.limit ?? 5,
  );
  const citations = [...stated.map((s) => s.citation), ...quotes].map((c, i) => ({ ...c, n: i + 1 }));
  return foundAnswer(
    command,
    question,
    `${headline(q, counted)}${cut}${statedNote(stated, 1)}`,
    { citations, facts: listed.map((i) => i.fact), ...searched },
    started,
  );
}
