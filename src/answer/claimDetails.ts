import type { ClaimVocabulary, Engine } from '../engine.js';
import { capitalOf, countriesIn, countryOf } from '../facts/geo.js';
import { moneyIn, percentsIn } from '../facts/money.js';
import { numberWordValue } from '../text/calendar.js';
import { isStopWord, termKey, tokenize } from '../text/normalize.js';
import { ordinalValue } from '../text/ordinals.js';
import { countryWord, isMonthWord, MONTH_WORD, MONTHS } from './chatText.js';

/**
 * The details of a claim or a sentence, by slot (amounts, percents, counts, years, periods, dates, ranks,
 * people, places, other names), and how a claim's details compare with a sentence's: the same value in a
 * slot supports, another value in the same slot contradicts, a detail the sentence does not give is missing.
 */

// ─────────────── the vocabulary of the corpus ───────────────

/** Built once per engine, on the first check (a pass over the corpus's words). */
export function claimVocabulary(engine: Engine): ClaimVocabulary {
  let v = engine.derived.claimVocabulary;
  if (!v) {
    const common = new Set<string>();
    const all = new Set<string>();
    for (const s of engine.corpus.sentences) {
      for (const w of tokenize(s.text)) {
        const k = termKey(w);
        all.add(k);
        if (/^\p{Ll}/u.test(w)) common.add(k);
      }
    }
    const persons = new Set<string>();
    for (const p of engine.facts.people) {
      for (const w of tokenize([p.name, ...p.aliases].join(' '))) {
        const k = termKey(w);
        if (/^\p{Lu}/u.test(w) && !common.has(k) && countryOf(w) === undefined) persons.add(k);
      }
    }
    v = { common, all, persons };
    engine.derived.claimVocabulary = v;
  }
  return v;
}

// ─────────────── details ───────────────

export interface Details {
  amounts: number[];
  /** Amounts in a currency that has no rate to dollars here, by currency ("EUR 25 million"). */
  sums: Array<{ currency: string; amount: number }>;
  /** Ordinal numbers of events ("the ninth session"), dates and ranks aside. */
  ordinals: number[];
  percents: number[];
  /** Numbers of things, each with the keys of the words after it that say what it counts ("17 documents"). */
  counts: Array<{ n: number; nouns: string[] }>;
  years: number[];
  periods: Array<[number, number]>;
  /** Month (1-12) with its day and year when given. */
  dates: Array<{ month: number; day: number | null; year: number | null }>;
  /** Ranks as ranges: "second-largest" [2, 2], "top three" [1, 3]. */
  ranks: Array<[number, number]>;
  persons: Set<string>;
  places: Set<string>;
  names: Set<string>;
  countries: Set<string>;
  /** The country of each place that is a capital. */
  capitals: Map<string, string>;
  /** The sentence tells of another time than its article's ("last year", "previously"). */
  elsewhen: boolean;
}

/** Round numbers past the shared one-to-twenty words. */
const LARGE_NUMBERS: Record<string, number> = { fifty: 50, hundred: 100 };
const numberOf = (w: string): number | null => {
  if (/^\d+$/.test(w)) return Number(w);
  if (/^first$/i.test(w)) return 1;
  return numberWordValue(w) ?? LARGE_NUMBERS[w.toLowerCase()] ?? ordinalValue(w) ?? null;
};
const NUM = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))`;
const RANKS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => [number, number] | null]> = [
  [new RegExp(String.raw`\btop[- ]${NUM}\b`, 'gi'), (m) => range(1, numberOf(m[1]!))],
  [
    new RegExp(
      String.raw`\b(?:one of|among)\s+(?:the\s+)?(?:\p{L}+['’]s\s+)?${NUM}\s+(?:largest|biggest|main|leading)\b`,
      'giu',
    ),
    (m) => range(1, numberOf(m[1]!)),
  ],
  [
    new RegExp(String.raw`\b${NUM}[- ](?:largest|biggest)\b`, 'gi'),
    (m) => {
      const n = numberOf(m[1]!);
      return n === null ? null : [n, n];
    },
  ],
  [
    new RegExp(String.raw`\b(?:number|ranks?|ranked|ranking)\s+${NUM}\b`, 'gi'),
    (m) => {
      const n = numberOf(m[1]!);
      return n === null ? null : [n, n];
    },
  ],
  // "one of the largest" names no rank.
  [
    /\bnumber one\b|(?<!\bone of )\b(?:the|its|their|\p{L}+['’]s) (?:largest|biggest|leading|main|top)\b/giu,
    () => [1, 1],
  ],
];
const range = (lo: number, hi: number | null): [number, number] | null => (hi === null ? null : [lo, hi]);

const ROLE =
  /^(?:minister|president|premier|ambassador|leader|chairman|chair|governor|mayor|envoy|secretary)$/i;
const PLACE_BEFORE = /^(?:in|at|to|from|into|near)$/i;
const PLACE_FILLER = /^(?:the|centre|center|heart|city|capital|of|downtown|outskirts)$/i;

/** Units written short or long: one key each ("272 km", "272-kilometre"). */
const UNITS: Record<string, string> = {
  km: 'kilometre',
  kilometer: 'kilometre',
  kilometers: 'kilometre',
  kilometres: 'kilometre',
  mw: 'megawatt',
  megawatts: 'megawatt',
  gw: 'gigawatt',
  gigawatts: 'gigawatt',
  kg: 'kilogram',
  tons: 'tonne',
  tonnes: 'tonne',
  ton: 'tonne',
};

/** The keys of the words after a number, up to three and the first punctuation: what it counts. */
function countedNouns(after: string): string[] {
  const head = /^[^,.;:!?()]*/.exec(after)?.[0] ?? '';
  return tokenize(head)
    .slice(0, 3)
    .filter((w) => !isStopWord(w) && !/^(?:million|billion|thousand|more|new|total)$/i.test(w))
    .map((w) => termKey(UNITS[w.toLowerCase()] ?? w));
}

/** The details a text gives. `articleYear` dates "last year" and "this year". */
export function detailsOf(text: string, vocab: ClaimVocabulary, articleYear: number | null = null): Details {
  let rest = text;
  const amounts = moneyIn(text)
    .map((m) => m.usd)
    .filter((v): v is number => v !== null);
  const sums = moneyIn(text)
    .filter((m) => m.usd === null)
    .map((m) => ({ currency: m.currency, amount: m.amount }));
  for (const m of moneyIn(text)) rest = rest.replace(m.text, ' ');
  const percents = percentsIn(text).map((p) => p.value);
  for (const p of percentsIn(text)) rest = rest.replace(p.text, ' ');
  // "FY2023-24" is the fiscal year 2023-24.
  rest = rest.replace(/\bFY\s*(?=(?:19|20)\d\d)/gi, ' ');
  // A country of several words ("Cote d'Ivoire") is a country, not a name and a word.
  for (const c of countriesIn(text)) if (/\s/.test(c.text)) rest = rest.replace(c.text, ' ');
  const periods: Array<[number, number]> = [];
  rest = rest.replace(/\b((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)?\d\d)\b/g, (_, a: string, b: string) => {
    const to = b.length === 2 ? Number(a.slice(0, 2) + b) : Number(b);
    periods.push([Number(a), to]);
    return ' ';
  });
  const dates: Details['dates'] = [];
  rest = rest.replace(MONTH_WORD, (all, month: string, day?: string, year?: string) => {
    // "May" alone is a verb as often as a month.
    if (/^may$/i.test(month) && day === undefined && year === undefined) return all;
    const m = MONTHS.findIndex((x) => month.toLowerCase().startsWith(x)) + 1;
    dates.push({ month: m, day: day ? Number(day) : null, year: year ? Number(year) : null });
    return year ? ` ${year} ` : ' ';
  });
  const years = [...rest.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)].map((m) => Number(m[1]));
  rest = rest.replace(/\b(1[89]\d\d|20\d\d)\b/g, ' ');
  if (articleYear !== null) {
    if (/\b(?:last|past|previous) year\b/i.test(text)) years.push(articleYear - 1);
    if (/\bthis year\b/i.test(text)) years.push(articleYear);
  }
  const ranks: Array<[number, number]> = [];
  for (const [pattern, read] of RANKS) {
    rest = rest.replace(pattern, (...args) => {
      const r = read(args as unknown as RegExpExecArray);
      if (r) ranks.push(r);
      return ' ';
    });
  }
  const ordinals = [...rest.matchAll(/\b(\p{L}+|\d+(?:st|nd|rd|th))\s+(?=\p{L})/giu)]
    .map((m) =>
      /^(?:one|two|three|four|five|six|seven|eight|nine|ten)$/i.test(m[1]!) ? null : ordinalValue(m[1]!),
    )
    .filter((n): n is number => n !== null && n > 1);
  const counts = [
    ...rest.matchAll(
      /\b(\d{1,3}(?:,\d{3})*|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|(?:one|two)(?=-))(?:\s+|-)(?=\p{L})/giu,
    ),
  ].flatMap((m) => {
    const n = numberOf(m[1]!.replace(/,/g, ''));
    return n === null ? [] : [{ n, nouns: countedNouns(rest.slice(m.index + m[0].length)) }];
  });

  const persons = new Set<string>();
  const places = new Set<string>();
  const capitals = new Map<string, string>();
  const extraCountries = new Set<string>();
  const names = new Set<string>();
  const words = tokenize(rest);
  let afterRole = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const k = termKey(w);
    const country = /^\p{Lu}/u.test(w) ? countryWord(w) : undefined;
    if (country) extraCountries.add(country);
    const proper =
      /^\p{Lu}/u.test(w) &&
      !isStopWord(w) &&
      !vocab.common.has(k) &&
      country === undefined &&
      !isMonthWord(w);
    // An abbreviation the articles never use ("MBS", "NL") names nothing they can confirm or deny.
    if (proper && /^\p{Lu}{2,5}s?$/u.test(w) && !vocab.all.has(k)) continue;
    if (!proper) {
      afterRole = ROLE.test(w) || (afterRole && /^(?:of|foreign|affairs|prime|deputy)$/i.test(w));
      continue;
    }
    let j = i - 1;
    while (j >= 0 && (PLACE_FILLER.test(words[j]!) || countryOf(words[j]!) !== undefined)) j--;
    if (vocab.persons.has(k) || afterRole) {
      persons.add(k);
      afterRole = true;
    } else if (j >= 0 && PLACE_BEFORE.test(words[j]!)) {
      places.add(k);
      const capital = capitalOf(w);
      if (capital) capitals.set(k, capital.country);
    } else {
      names.add(k);
    }
  }
  // "up 18% on the previous year" compares with another year; it does not tell of it.
  const compared = text.replace(
    /\b(?:on|over|from|than|compared (?:with|to)|against) (?:the |a )?(?:last|past|previous) year\b/gi,
    ' ',
  );
  const elsewhen = /\b(?:last|past|previous) year\b|\bpreviously\b|\bago\b/i.test(compared);
  const countries = new Set([...countriesIn(text).map((c) => c.country), ...extraCountries]);
  return {
    amounts,
    sums,
    ordinals,
    percents,
    counts,
    years,
    periods,
    dates,
    ranks,
    persons,
    places,
    names,
    countries,
    capitals,
    elsewhen,
  };
}

/** The keys of a text's words that are details (figures, names, places), not what it is about. */
export function detailKeys(d: Details): Set<string> {
  return new Set([...d.places, ...d.names]);
}

// ─────────────── comparing ───────────────

export interface Comparison {
  /** Claim details the sentence (or its article's lead) gives with the same value. */
  agree: number;
  /** Claim details it gives with another value in the same slot, described. */
  conflicts: string[];
  /** Claim details it does not give. */
  missing: number;
  /** Of those, the countries the claim names: a sentence without one of them tells of another matter. */
  missingCountries: number;
  /** Claim details the sentence gives only loosely (a country for its capital): no contradiction, no support. */
  loose: number;
  /** The sentence gives figures for another year than the claim's: not the same figure at all. */
  otherPeriod: boolean;
}

const AMOUNT_TOLERANCE = 0.005;

/** The place value of a figure's last significant digit as written: 386 million → 1 million, 8.2 → 0.1. */
function precisionOf(n: number): number {
  if (n === 0) return 1;
  const digits = String(Math.abs(n)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
  return 10 ** (Math.floor(Math.log10(Math.abs(n))) - Math.max(1, digits) + 1);
}

/**
 * A claimed figure and an article's are the same when the article's, rounded as the claim writes it,
 * is the claim's: people round ("about 8%" for 8.2%, "$2.1bn" for $2.13 billion, "$6bn" for $5.8 billion).
 */
export function sameFigure(claimed: number, stated: number): boolean {
  if (Math.abs(claimed - stated) <= AMOUNT_TOLERANCE * Math.max(Math.abs(claimed), Math.abs(stated)))
    return true;
  const unit = precisionOf(claimed);
  // Rounded, not another figure: within a tenth of it (or a point, for small percentages).
  const near = Math.abs(stated - claimed) <= Math.max(0.1 * Math.abs(claimed), 0.99);
  return (
    near && unit > precisionOf(stated) && Math.abs(Math.round(stated / unit) * unit - claimed) < unit / 1e6
  );
}
const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];
const within = (inner: [number, number], outer: [number, number]) =>
  inner[0] >= outer[0] && inner[1] <= outer[1];

/**
 * A claim's details against a sentence's. `lead` holds the details of the sentence's article lead (who,
 * where, when of the article's event), used only when the sentence does not tell of another time.
 */
export function compareDetails(
  claim: Details,
  own: Details,
  lead: Details | null,
  format: Formatters,
  strongTopic: boolean,
): Comparison {
  const out: Comparison = {
    agree: 0,
    conflicts: [],
    missing: 0,
    missingCountries: 0,
    loose: 0,
    otherPeriod: false,
  };
  // A sentence of another time than its article's tells of another event, unless the claim does too.
  const ctx = own.elsewhen && !claim.elsewhen ? null : lead;
  const numeric = (
    mine: number[],
    theirs: number[],
    same: (a: number, b: number) => boolean,
    show: (n: number) => string,
  ) => {
    // A value of the sentence's that the claim does not give is the other value of a claim's detail.
    const extra = theirs.filter((b) => !mine.some((a) => same(a, b)));
    for (const a of mine) {
      if (theirs.some((b) => same(a, b))) out.agree++;
      else if (extra.length > 0) out.conflicts.push(extra.map(show).join(' and '));
      else out.missing++;
    }
  };
  const years = own.years;
  // A count the sentence gives without a year is of its article's event ("17 documents were signed").
  const countYears =
    years.length === 0 && claim.amounts.length + claim.percents.length === 0 && ctx ? ctx.years : years;
  const hasFigures =
    claim.amounts.length + claim.sums.length + claim.percents.length + claim.counts.length > 0;
  if (hasFigures && claim.years.length > 0 && !claim.years.some((y) => countYears.includes(y))) {
    // A figure is a figure of its year: a figure of another or an unstated year neither supports nor contradicts it.
    out.otherPeriod = true;
  } else if (claim.years.length > 0 && years.length > 0 && !claim.years.some((y) => years.includes(y))) {
    out.conflicts.push(years.join(' and '));
  } else {
    // The article's own year supports a claim's year, never contradicts it (it may tell of an earlier one).
    for (const y of claim.years) years.includes(y) || ctx?.years.includes(y) ? out.agree++ : out.missing++;
  }
  numeric(claim.amounts, own.amounts, sameFigure, format.amount);
  numeric(claim.percents, own.percents, sameFigure, (n) => `${n}%`);
  for (const c of claim.sums) {
    const same = own.sums.filter((o) => o.currency === c.currency);
    if (same.some((o) => sameFigure(c.amount, o.amount))) out.agree++;
    else if (same.length > 0)
      out.conflicts.push(same.map((o) => `${o.currency} ${o.amount.toLocaleString('en-US')}`).join(' and '));
    else out.missing++;
  }
  // "The ninth session" against "the eighth meeting": another one of a series, where the topic is the same.
  if (strongTopic)
    for (const n of claim.ordinals) {
      if (own.ordinals.includes(n)) out.agree++;
      else if (own.ordinals.length > 0)
        out.conflicts.push(`another in the series (${own.ordinals.join(', ')})`);
    }
  // A number conflicts only with a number of the same things ("272 km" is not "20 million tonnes").
  for (const c of claim.counts) {
    const same = own.counts.filter((o) => o.nouns.some((k) => c.nouns.includes(k)));
    if (own.counts.some((o) => o.n === c.n)) out.agree++;
    else if (same.length > 0) out.conflicts.push(same.map((o) => String(o.n)).join(' and '));
    else out.missing++;
  }
  for (const p of claim.periods) {
    if (own.periods.some((q) => q[0] === p[0] && q[1] === p[1])) out.agree++;
    // Overlapping periods with other bounds disagree; a later, separate one may be the next programme.
    else if (own.periods.some((q) => overlaps(p, q)))
      out.conflicts.push(own.periods.map((q) => q.join('-')).join(' and '));
    else out.missing++;
  }
  // The article's date confirms a claim's date, but an article may tell of an event on another day.
  const ownDates = own.dates;
  const ctxDates = ctx?.dates ?? [];
  for (const d of claim.dates) {
    const fits = (e: Details['dates'][number]) =>
      e.month === d.month &&
      (d.day === null || e.day === null || d.day === e.day) &&
      (d.year === null || e.year === null || d.year === e.year);
    if (ownDates.some(fits) || (ownDates.length === 0 && ctxDates.some(fits))) out.agree++;
    else if (ownDates.length > 0) out.conflicts.push('another date');
    else out.missing++;
  }
  for (const r of claim.ranks) {
    if (own.ranks.some((q) => within(q, r))) out.agree++;
    else if (own.ranks.length > 0 && own.ranks.every((q) => !overlaps(q, r)))
      out.conflicts.push('another rank');
    else out.missing++;
  }
  const named = (d: Details | null) => (d ? [...d.persons, ...d.places, ...d.names] : []);
  const found = new Set([...named(own), ...named(ctx)]);
  // A place must be where the sentence says something happened, not a capital named for its country.
  // Where the sentence names a place of its own, the lead's place is not this event's.
  const placesFound = new Set(own.places.size > 0 ? own.places : (ctx?.places ?? []));
  const slot = (mine: Set<string>, theirs: Set<string>, what: string) => {
    const extra = [...theirs].filter(
      (k) => !claim.persons.has(k) && !claim.places.has(k) && !claim.names.has(k),
    );
    const seen = mine === claim.places ? placesFound : found;
    for (const k of mine) {
      if (seen.has(k)) out.agree++;
      else if (extra.length > 0) out.conflicts.push(what);
      // A capital stands for its country ("sent to Oslo", "sent to Norway"): no contradiction, no proof.
      else if (mine === claim.places && own.countries.has(claim.capitals.get(k) ?? '')) out.loose++;
      else out.missing++;
    }
  };
  const none = new Set<string>();
  slot(
    claim.persons,
    strongTopic ? (own.persons.size > 0 ? own.persons : (ctx?.persons ?? none)) : none,
    'other people',
  );
  slot(claim.places, own.places.size > 0 ? own.places : (ctx?.places ?? none), 'another place');
  slot(claim.names, strongTopic ? own.names : none, 'another name');
  // A country the claim names and the sentence does not: another matter (a third country joining, say).
  // The countries of the article's lead are what all of it is about, whatever time a sentence tells of.
  const countriesFound = new Set([...own.countries, ...(lead?.countries ?? [])]);
  for (const c of claim.countries) {
    if (countriesFound.has(c)) continue;
    out.missing++;
    out.missingCountries++;
  }
  return out;
}

export interface Formatters {
  amount: (n: number) => string;
}
