import type { Article, Corpus, Sentence } from '../corpus/types.js';
import { extractAgreementGroups } from './agreementGroups.js';
import { agreementStatement, extractAgreements } from './agreements.js';
import { datesIn } from './dates.js';
import { withSentenceCaches } from './geo.js';
import { extractMeetings } from './meetings.js';
import { formatUsd, moneyIn, percentsIn } from './money.js';
import { buildPeople, type Person, type PersonRef, peopleIn, surnameIndex } from './people.js';
import { extractStatements } from './statements.js';
import { extractTrade } from './trade.js';
import {
  type AgreementFact,
  type DateFact,
  type Fact,
  type FactSource,
  factSchema,
  type MeetingFact,
  type MoneyFact,
  type PercentFact,
  type PersonFact,
  type StatementFact,
  type TradeFact,
} from './types.js';

export type { Fact } from './types.js';

export interface Facts {
  /** Every fact, validated. */
  all: Fact[];
  people: PersonFact[];
  trade: TradeFact[];
  agreements: AgreementFact[];
  meetings: MeetingFact[];
  /** Who said what (src/facts/statements.ts; statements hook, issue 12). */
  statements: StatementFact[];
  /** Undated articles dated by another article reporting the same event. */
  inferredDates: Array<{ file: string; date: string; from: string }>;
}

const source = (s: Sentence): FactSource => ({ file: s.file, line: s.line, text: s.text });

function personFact(p: Person, mentions: readonly Sentence[]): PersonFact {
  const roles = p.roles.filter(
    (r, i, all) => all.findIndex((x) => x.title === r.title && x.country === r.country) === i,
  );
  const shown = roles.find((r) => r.country === p.country) ?? roles[0];
  const sources = (mentions.length > 0 ? mentions : p.roles.map((r) => r.sentence)).map(source);
  const fact: Omit<PersonFact, 'statement'> = {
    kind: 'person',
    id: p.id,
    name: p.name,
    aliases: p.aliases,
    country: p.country,
    roles: roles.map((r) => ({ title: r.title, country: r.country, source: source(r.sentence) })),
    source: sources[0]!,
    sources,
  };
  const role = shown ? `, ${shown.title}${shown.country ? ` of ${shown.country}` : ''}` : '';
  return { ...fact, statement: `${p.name}${role}` };
}

function sentenceFacts(sentence: Sentence, date: string | null): Fact[] {
  const out: Fact[] = [];
  for (const m of moneyIn(sentence.text)) {
    const statement = m.usd !== null ? `${m.text} (${formatUsd(m.usd)})` : `${m.text} (${m.currency})`;
    out.push({
      kind: 'money',
      text: m.text,
      amount: m.amount,
      currency: m.currency,
      usd: m.usd,
      statement,
      source: source(sentence),
    } satisfies MoneyFact);
  }
  for (const p of percentsIn(sentence.text)) {
    out.push({
      kind: 'percent',
      text: p.text,
      value: p.value,
      statement: `${p.value}%`,
      source: source(sentence),
    } satisfies PercentFact);
  }
  const days = new Set<string>();
  for (const d of datesIn(sentence.text, date)) {
    // "last year" in an undated article is no date at all; "January 25" without a year still is one.
    if (d.iso === null && d.monthDay === null) continue;
    // "Brasilia, March 26 – … signed on Wednesday": one day named twice is one date.
    if (d.iso !== null && d.precision === 'day') {
      if (days.has(d.iso)) continue;
      days.add(d.iso);
    }
    out.push({
      kind: 'date',
      text: d.text,
      date: { iso: d.iso, display: d.display, from: d.yearFrom ?? 'none' },
      precision: d.precision,
      statement: `${d.text}: ${d.display}`,
      source: source(sentence),
    } satisfies DateFact);
  }
  return out;
}

/** "Following the talks, the heads of state signed …": the signing refers to the article's event. */
const AT_EVENT =
  /\b(?:during|following|after|at the end of|at|on the sidelines of|within the framework of|as part of|in the course of|in the presence of)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,4}?(?:talks|visit|meeting|negotiations|summit|session|consultations|ceremony)\b/iu;

const sameSource = (a: FactSource, b: FactSource) =>
  a.file === b.file && a.line === b.line && a.text === b.text;

/**
 * A document signed during a meeting carries the meeting's date: the meeting
 * shares its sentence, or the sentence refers to the event and the article
 * reports one dated meeting. A date the sentence itself gives stays, unless
 * it is only the year (or month) of that meeting.
 */
function datesFromMeetings(agreements: AgreementFact[], meetings: readonly MeetingFact[]): void {
  const dated = meetings.filter((m) => m.date.iso?.length === 10);
  for (const agreement of agreements) {
    if (agreement.status !== 'signed' || (agreement.date?.iso?.length ?? 0) >= 10) continue;
    const meeting =
      dated.find((m) => m.sources.some((s) => agreement.sources.some((a) => sameSource(a, s)))) ??
      agreement.sources
        .filter((a) => AT_EVENT.test(a.text))
        .map((a) => dated.filter((m) => m.sources.some((s) => s.file === a.file)))
        .find((found) => found.length === 1)?.[0];
    if (!meeting) continue;
    const own = agreement.date;
    if (own && own.from === 'text' && own.iso && !meeting.date.iso!.startsWith(own.iso)) continue;
    agreement.date = { ...meeting.date, from: 'event' };
    if (!agreement.place && meeting.place) agreement.place = meeting.place;
    agreement.statement = agreementStatement(agreement);
  }
}

/**
 * Extracts every fact of the corpus: people first (the other kinds refer to
 * them), then meetings (which can date an undated article), then trade,
 * agreements, and the money, percentages and dates of each sentence.
 */
export function extractFacts(corpus: Corpus): Facts {
  return withSentenceCaches(() => extractAll(corpus));
}

function extractAll(corpus: Corpus): Facts {
  const { articles } = corpus;
  const people = buildPeople(articles);
  const refs = new Map<number, PersonRef[]>();
  // The people an article introduces with a role are the ones its "the Kazakh President" can mean.
  const introduced = new Map<string, Person[]>();
  for (const p of people) {
    for (const r of p.roles) {
      const list = introduced.get(r.sentence.file) ?? [];
      if (!list.includes(p)) introduced.set(r.sentence.file, [...list, p]);
    }
  }
  const bySurname = surnameIndex(people);
  for (const article of articles) {
    const inArticle = introduced.get(article.file) ?? [];
    for (const s of article.sentences) refs.set(s.id, peopleIn(s, people, inArticle, bySurname));
  }
  const refsOf = (s: Sentence) => refs.get(s.id) ?? [];

  const { meetings, inferredDates } = extractMeetings(articles, refsOf);
  const dateOf = (a: Article) => ({
    date: a.meta.date ?? inferredDates.get(a)?.date ?? null,
    inferred: !a.meta.date && inferredDates.has(a),
  });

  const trade = articles.flatMap((a) => extractTrade(a, dateOf(a)));
  const agreements = [
    ...extractAgreements(articles, refsOf, (a) => dateOf(a).date),
    ...extractAgreementGroups(articles, (a) => dateOf(a).date),
  ];
  datesFromMeetings(agreements, meetings);
  const mentions = new Map<Person, Sentence[]>();
  for (const s of corpus.sentences) {
    for (const r of refs.get(s.id) ?? []) mentions.set(r.person, [...(mentions.get(r.person) ?? []), s]);
  }
  const personFacts = people.map((p) => personFact(p, mentions.get(p) ?? []));
  const perSentence = articles.flatMap((a) => a.sentences.flatMap((s) => sentenceFacts(s, dateOf(a).date)));

  // Statements hook (issue 12): speakers resolved against the people's references.
  const statements = extractStatements(articles, refsOf);
  const all = [...personFacts, ...trade, ...agreements, ...meetings, ...perSentence, ...statements].map((f) =>
    factSchema.parse(f),
  );
  return {
    all,
    people: personFacts,
    trade,
    agreements,
    meetings,
    statements,
    inferredDates: [...inferredDates].map(([a, d]) => ({ file: a.file, date: d.date, from: d.from })),
  };
}
