import { performance } from 'node:perf_hooks';
import type { Engine } from '../engine.js';
import { NUMBER_WORDS } from '../facts/dates.js';
import type { FactSource } from '../facts/types.js';
import { COUNTERS, type Counted, type Item, inPeriod } from './counters.js';
import { type CountQuestion, readCountQuestion } from './countQuestion.js';
import { citationOf } from './facts.js';
import { type Answer, type Citation, foundAnswer, notFoundAnswer } from './types.js';

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
      const n = COUNTERS.meeting(engine, {
        ...q,
        people: [p],
        period: null,
        place: null,
        countries: [],
      }).total;
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
