import type { Engine, IndexedFact } from '../engine.js';
import { capitalOf, countryOf } from '../facts/geo.js';
import { sourcesOf } from '../facts/kinds/index.js';
import type { TradeLine } from '../facts/tradeSummary.js';
import type { AgreementFact, FactSource, MeetingFact, PersonFact, StatementFact } from '../facts/types.js';
import { contentKeys, termKey, tokenize } from '../text/normalize.js';
import type { CountQuestion } from './countQuestion.js';
import { toAnswerFact } from './facts.js';
import { statementAnswerFact, statementsOf } from './quotes.js';
import type { AnswerFact } from './types.js';
import { placeMatches, wordMatcher } from './views.js';

/**
 * What a counting question counts (see src/answer/count.ts): the agreements, meetings, statements,
 * people or trade figures that fit its filters (who, where, when), each as an item with its sources,
 * and the groups an article counts by their number.
 */

/** One counted thing as the answer lists it. */
export interface Item {
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

export interface Counted {
  items: Item[];
  total: number;
  /** Groups counted by their number ("27 documents"), with how many of their documents are named. */
  groups: Array<{ count: number; named: number }>;
}

const articleDate = (engine: Engine, file: string): string | null => {
  const article = engine.derived.articleByFile.get(file);
  return article?.meta.date ?? engine.facts.inferredDates.find((d) => d.file === file)?.date ?? null;
};

export function inPeriod(iso: string | null, period: CountQuestion['period']): boolean {
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

export const COUNTERS: Record<CountQuestion['kind'], (engine: Engine, q: CountQuestion) => Counted> = {
  agreement: countAgreements,
  meeting: countMeetings,
  statement: countStatements,
  person: countPeople,
  trade: countTrade,
};
