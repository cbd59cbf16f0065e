import { performance } from 'node:perf_hooks';
import type { Engine, IndexedFact } from '../engine.js';
import { capitalOf, countriesIn, countryOf } from '../facts/geo.js';
import { formatUsd } from '../facts/money.js';
import type { TradeLine } from '../facts/tradeSummary.js';
import type { AgreementFact, MeetingFact, PersonFact } from '../facts/types.js';
import { contentKeys, fold, termKey, tokenize } from '../text/normalize.js';
import { citationsForFacts, toAnswerFact } from './facts.js';
import { notFoundMessage } from './notFound.js';
import { type Answer, foundAnswer, notFoundAnswer } from './types.js';

/** Most quotes a view shows (a renderer pages through them). */
const VIEW_QUOTES = 12;

/** A view's answer: its facts (never none: a view with none says why instead), each cited. */
function answerOf(
  engine: Engine,
  command: string,
  query: string,
  facts: readonly IndexedFact[],
  answer: string,
  started: number,
): Answer {
  return foundAnswer(
    command,
    query,
    answer,
    {
      citations: citationsForFacts(engine, facts, VIEW_QUOTES),
      facts: facts.map((f) => toAnswerFact(engine, f)),
      matched: facts.length,
    },
    started,
  );
}

const list = (items: readonly string[], max = 8) =>
  items.length > max ? `${items.slice(0, max).join(', ')}, …` : items.join(', ');

/**
 * Whether a typed word names the same thing as a known word (spelling variants, small typos: two edits
 * for words of eight letters or more, one from five). The edit distance comes from the index's own fuzzy
 * lookup over its vocabulary, which holds every name, place and agreement word the views compare with.
 */
export function wordMatcher(engine: Engine): (typed: string, known: string) => boolean {
  const near = new Map<string, Map<string, number>>();
  return (typed, known) => {
    const a = termKey(typed);
    const b = termKey(known);
    if (a === b) return true;
    const limit = b.length >= 8 ? 2 : b.length >= 5 ? 1 : 0;
    if (limit === 0) return false;
    let keys = near.get(a);
    if (keys === undefined) {
      keys = new Map(engine.index.fuzzyKeys(a, 2).map((k) => [k.key, k.distance]));
      near.set(a, keys);
    }
    const d = keys.get(b);
    return d !== undefined && d <= limit;
  };
}

/** Countries a user typed ("Kazakhstan, Tajikistan", "Kazakh-Tajik"). */
function typedCountries(text: string): string[] {
  const found = countriesIn(text).map((m) => m.country);
  for (const word of tokenize(text)) {
    const c = countryOf(word);
    if (c && !found.includes(c)) found.push(c);
  }
  return [...new Set(found)];
}

// ───────────────────────────── /trade ─────────────────────────────

export interface TradeOptions {
  year?: number | undefined;
  countries?: string | undefined;
}

function summaryOf(lines: readonly TradeLine[]): string {
  const pair = lines[0]!.pair.join('–');
  // A figure in another currency has no dollar amount to show here; its own line below shows it as written.
  const volumes = lines.filter(
    (l) => l.measure === 'volume' && l.modality === 'reported' && l.year !== null && l.amountUsd !== null,
  );
  const latest = volumes[0];
  const parts: string[] = [];
  if (latest) {
    const growth = lines.find((l) => l.measure === 'growth' && l.year === latest.year);
    const amount = `${latest.qualifier ? `${latest.qualifier} ` : ''}${formatUsd(latest.amountUsd ?? 0)}`;
    const same = volumes.filter((v) => v.year === latest.year);
    parts.push(
      same.length > 1
        ? `trade in ${latest.periodLabel}: sources disagree (${same.map((v) => formatUsd(v.amountUsd ?? 0)).join(' vs ')})`
        : `trade ${amount} in ${latest.periodLabel}${growth ? ` (${growth.percent! > 0 ? '+' : ''}${growth.percent}%)` : ''}`,
    );
    const years = [...new Set(volumes.map((v) => v.year))];
    if (years.length > 1) {
      const series = [...volumes]
        .sort((a, b) => (a.year ?? 0) - (b.year ?? 0))
        .map((v) => `${v.periodLabel}: ${formatUsd(v.amountUsd ?? 0)}`);
      parts.push(`by year: ${series.join('; ')}`);
    }
  } else {
    const undated = lines.find((l) => l.measure === 'volume' && l.amountUsd !== null);
    if (undated)
      parts.push(
        `trade ${undated.qualifier ? `${undated.qualifier} ` : ''}${formatUsd(undated.amountUsd ?? 0)} (${undated.periodLabel ?? 'period not stated'})`,
      );
  }
  const target = lines.find((l) => l.measure === 'target' && l.amountUsd !== null);
  if (target)
    parts.push(`target ${target.qualifier ? `${target.qualifier} ` : ''}${formatUsd(target.amountUsd ?? 0)}`);
  const rank = lines.find((l) => l.measure === 'rank');
  if (rank && parts.length < 3) parts.push(rank.statement.replace(/ \(\d+ sources\)$/, ''));
  return `${pair}: ${parts.join('; ') || 'see the figures below'}.`;
}

/**
 * Trade between two countries: the latest volume with its period and
 * growth, the series by year, the target, rank and exports, each line cited;
 * disagreeing sources shown side by side.
 */
export function tradeView(engine: Engine, options: TradeOptions = {}): Answer {
  const started = performance.now();
  const query = [options.countries, options.year].filter((x) => x !== undefined).join(' ');
  if (engine.stats.files === 0) return notFoundAnswer('trade', query, notFoundMessage(engine, []), started);
  const all = engine.trade;
  if (engine.stats.files === 0) return notFoundAnswer('trade', query, notFoundMessage(engine, []), started);
  if (all.length === 0) return notFoundAnswer('trade', query, 'The articles give no trade figures.', started);
  const pairs = [...new Set(all.map((l) => l.pair.join('–')))];
  let lines = all;
  if (options.countries) {
    const wanted = typedCountries(options.countries);
    if (wanted.length === 0) {
      return notFoundAnswer(
        'trade',
        query,
        `"${options.countries}" names no country I know. The articles give trade figures for ${list(pairs)}.`,
        started,
      );
    }
    lines = lines.filter((l) => wanted.every((c) => l.pair.includes(c)));
    if (lines.length === 0) {
      return notFoundAnswer(
        'trade',
        query,
        `No trade figures for ${wanted.join(' and ')}. The articles give them for ${list(pairs)}.`,
        started,
      );
    }
  }
  if (options.year !== undefined) {
    const year = options.year;
    const yearly = lines.filter((l) => (l.measure === 'volume' || l.measure === 'growth') && l.year !== null);
    const years = [...new Set(yearly.map((l) => l.year))].sort();
    lines = lines.filter((l) => !(l.measure === 'volume' || l.measure === 'growth') || l.year === year);
    if (!lines.some((l) => l.measure === 'volume' || l.measure === 'growth')) {
      return notFoundAnswer(
        'trade',
        query,
        `No trade volume for ${year}. The articles give volumes for ${years.length > 0 ? years.join(', ') : 'no stated year'}.`,
        started,
      );
    }
  }
  // Several pairs: the one with the most figures leads.
  const byPair = new Map<string, TradeLine[]>();
  for (const l of lines) byPair.set(l.pair.join('–'), [...(byPair.get(l.pair.join('–')) ?? []), l]);
  const ordered = [...byPair.values()].sort((a, b) => b.length - a.length);
  const answer = ordered.map(summaryOf).join(' ');
  return answerOf(
    engine,
    'trade',
    query,
    ordered.flat().map((fact) => ({ kind: 'trade', fact })),
    answer,
    started,
  );
}

// ───────────────────────────── /treaty ─────────────────────────────

const TYPE_WORDS = new Set(
  [
    'treaty',
    'treaties',
    'agreement',
    'agreements',
    'accord',
    'pact',
    'memorandum',
    'program',
    'programme',
    'declaration',
    'convention',
    'protocol',
  ].map(termKey),
);

function agreementMatches(
  a: AgreementFact,
  name: string,
  sameWord: (typed: string, known: string) => boolean,
): boolean {
  const wanted = contentKeys(name).filter((k) => !TYPE_WORDS.has(k));
  const typed = contentKeys(name).filter((k) => TYPE_WORDS.has(k));
  if (wanted.length === 0) {
    return (
      typed.length === 0 ||
      typed.some(
        (t) =>
          t === termKey(a.type) ||
          (t === termKey('agreement') && a.type === 'treaty') ||
          (t === termKey('treaty') && a.type === 'agreement'),
      )
    );
  }
  const words = [...new Set([...a.aliases, a.name].flatMap((x) => tokenize(x)))];
  const hits = wanted.filter((k) => words.some((w) => sameWord(k, w) || termKey(w) === k)).length;
  return hits / wanted.length >= 0.6;
}

/** Agreements: each once, with status, signatories, place, date and all its sources. */
export function treatyView(engine: Engine, options: { name?: string | undefined } = {}): Answer {
  const started = performance.now();
  const query = options.name ?? '';
  if (engine.stats.files === 0) return notFoundAnswer('treaty', query, notFoundMessage(engine, []), started);
  const all = engine.facts.agreements;
  if (all.length === 0)
    return notFoundAnswer('treaty', query, 'The articles name no treaty or agreement.', started);
  const sameWord = wordMatcher(engine);
  const matched = options.name ? all.filter((a) => agreementMatches(a, options.name!, sameWord)) : [...all];
  if (matched.length === 0) {
    return notFoundAnswer(
      'treaty',
      query,
      `No agreement matches "${options.name}". The articles name: ${list(
        all.map((a) => a.name),
        6,
      )}.`,
      started,
    );
  }
  const rankOf = { signed: 0, planned: 1, mentioned: 2 } as const;
  matched.sort((a, b) => rankOf[a.status] - rankOf[b.status] || b.sources.length - a.sources.length);
  const head = matched[0]!;
  const more = matched.length > 1 ? ` (${matched.length} agreements; the others below)` : '';
  const sources = new Set(head.sources.map((s) => s.file)).size;
  const answer = `${head.statement}${sources > 1 ? ` — named in ${sources} articles` : ''}${more}.`;
  return answerOf(
    engine,
    'treaty',
    query,
    matched.map((fact) => ({ kind: 'agreement', fact })),
    answer,
    started,
  );
}

// ───────────────────────────── /meetings ─────────────────────────────

export interface MeetingOptions {
  person?: string | undefined;
  year?: number | undefined;
  place?: string | undefined;
}

/** People a user typed, by any of their names or aliases. */
export function matchPeople(engine: Engine, typed: string): PersonFact[] {
  const sameWord = wordMatcher(engine);
  const people = engine.facts.people;
  const words = tokenize(typed).filter((w) => w.length > 1);
  if (words.length === 0) return [];
  return people.filter((p) => {
    const known = [...new Set([p.name, ...p.aliases].flatMap((x) => tokenize(x)))].filter((w) =>
      /^\p{Lu}/u.test(w),
    );
    return words.every((w) => known.some((k) => sameWord(w, k)));
  });
}

export function placeMatches(
  meeting: Pick<MeetingFact, 'place'>,
  typed: string,
  sameWord: (typed: string, known: string) => boolean,
): boolean {
  if (!meeting.place) return false;
  if (tokenize(typed).every((w) => tokenize(meeting.place!).some((p) => sameWord(w, p)))) return true;
  const country = countryOf(typed);
  const placeCountry = capitalOf(meeting.place)?.country ?? countryOf(meeting.place);
  return country !== undefined && country === placeCountry;
}

/** Meetings as a timeline (undated last, marked), filtered by person, year and place. */
export function meetingsView(engine: Engine, options: MeetingOptions = {}): Answer {
  const started = performance.now();
  const query = [options.person, options.year, options.place].filter((x) => x !== undefined).join(' ');
  if (engine.stats.files === 0)
    return notFoundAnswer('meetings', query, notFoundMessage(engine, []), started);
  let meetings = engine.facts.meetings;
  if (meetings.length === 0)
    return notFoundAnswer(
      'meetings',
      query,
      'The articles report no meetings between named officials.',
      started,
    );
  let personScope = '';
  if (options.person) {
    const people = matchPeople(engine, options.person);
    if (people.length === 0) {
      return notFoundAnswer(
        'meetings',
        query,
        `No one called "${options.person}" in the articles. People: ${list(engine.facts.people.map((p) => p.name))}.`,
        started,
      );
    }
    const ids = new Set(people.map((p) => p.id));
    meetings = meetings.filter((m) => m.participants.some((p) => ids.has(p.id)));
    personScope = `${people.map((p) => p.name).join(' or ')}`;
  }
  const byPerson = meetings;
  if (options.year !== undefined) {
    const year = String(options.year);
    meetings = meetings.filter((m) => m.date.iso?.startsWith(year));
  }
  if (options.place) {
    const place = options.place;
    const sameWord = wordMatcher(engine);
    meetings = meetings.filter((m) => placeMatches(m, place, sameWord));
  }
  if (meetings.length === 0) {
    // Say what there is within what did match: that person's meetings, else all of them.
    const pool = personScope ? byPerson : engine.facts.meetings;
    const when = pool.map((m) => m.date.display);
    const whose = personScope
      ? `${personScope}'s meetings in the articles`
      : `The articles report ${pool.length} meetings`;
    return notFoundAnswer(
      'meetings',
      query,
      `No meeting matches ${query ? `"${query}"` : 'that'}. ${whose}: ${list(when, 6) || 'none'}.`,
      started,
    );
  }
  const dated = meetings.filter((m) => m.date.iso);
  const first = dated[0]?.date.iso;
  const last = dated.at(-1)?.date.iso;
  const span = first && last ? (first === last ? `, on ${first}` : `, ${first} to ${last}`) : '';
  const undated = meetings.length - dated.length;
  const answer = `${meetings.length} meeting${meetings.length === 1 ? '' : 's'}${span}${undated > 0 ? ` (${undated} without a full date, listed last)` : ''}.`;
  return answerOf(
    engine,
    'meetings',
    query,
    meetings.map((fact) => ({ kind: 'meeting', fact })),
    answer,
    started,
  );
}

/** Names and values for autocomplete, from the facts. */
export function suggestions(
  engine: Engine,
  kind: 'person' | 'place' | 'agreement' | 'countries',
  typed: string,
): string[] {
  const values = (() => {
    switch (kind) {
      case 'person':
        return engine.facts.people.map((p) => p.name);
      case 'place':
        return [...new Set(engine.facts.meetings.map((m) => m.place).filter((p): p is string => p !== null))];
      case 'agreement':
        return engine.facts.agreements.map((a) => a.name);
      case 'countries':
        return [...new Set(engine.trade.map((l) => l.pair.join(', ')))];
    }
  })();
  const t = fold(typed.trim());
  if (t === '') return values;
  const sameWord = wordMatcher(engine);
  return values.filter(
    (v) => fold(v).includes(t) || tokenize(v).some((w) => tokenize(typed).some((x) => sameWord(x, w))),
  );
}
