import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Engine } from '../src/engine.js';
import { countryOf } from '../src/facts/geo.js';
import type { Fact } from '../src/facts/index.js';
import { contentKeys, fold, transliterationFold } from '../src/text/normalize.js';

/**
 * Extraction precision and recall against sentences labelled by hand
 * (bench/facts-labels.json): for each labelled sentence, the facts the
 * extractors attribute to it are compared with the labels, kind by kind.
 */

const label = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('trade'),
    measure: z.enum(['volume', 'growth', 'target', 'rank', 'exports']),
    pair: z.array(z.string()).optional(),
    amountUsd: z.number().optional(),
    percent: z.number().optional(),
    year: z.number().int().optional(),
    exporter: z.string().optional(),
    importer: z.string().optional(),
  }),
  z.object({ kind: z.literal('person'), name: z.string(), country: z.string().nullable().optional() }),
  z.object({ kind: z.literal('agreement'), name: z.string(), status: z.string().optional() }),
  z.object({
    kind: z.literal('money'),
    usd: z.number().optional(),
    amount: z.number().optional(),
    currency: z.string().optional(),
  }),
  z.object({
    kind: z.literal('date'),
    iso: z.string().nullable(),
    monthDay: z.string().optional(),
    /** The end of a span the older sets label as one date ("2026-2028", "Q1 2025"). */
    end: z.string().optional(),
  }),
  z.object({
    kind: z.literal('meeting'),
    /** The countries of the people who met (any order). */
    countries: z.array(z.string()).optional(),
    /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the extracted date must start with it. */
    date: z.string().optional(),
    place: z.string().optional(),
  }),
]);
type Label = z.infer<typeof label>;

const labelledSentence = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  text: z.string(),
  articleDate: z.string().nullable().optional(),
  facts: z.array(label),
});
export type LabelledSentence = z.infer<typeof labelledSentence>;

export const LABELS_FILE = new URL('./facts-labels.json', import.meta.url);

export function loadLabels(file: URL | string = LABELS_FILE): LabelledSentence[] {
  return z.array(labelledSentence).parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** What the extractors say about one sentence, in the labels' terms. */
type Predicted = Label;

const near = (a: number, b: number) => Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b));
const nameKey = (word: string) => transliterationFold(fold(word));
/** A list item is quoted without its bullet ("- ", "• ", "1. "); labels may keep it. */
const unbulleted = (text: string) => text.replace(/^\s*(?:[-•*–]|\d{1,2}[.)])\s+/, '');
const sameSource = (s: { file: string; line: number; text: string }, l: LabelledSentence) =>
  s.file === l.file &&
  s.line === l.line &&
  s.text.replace(/\s+/g, ' ') === unbulleted(l.text).replace(/\s+/g, ' ');

function predicted(engine: Engine, l: LabelledSentence): Predicted[] {
  const out: Predicted[] = [];
  const all: Fact[] = engine.facts.all;
  for (const f of all) {
    switch (f.kind) {
      case 'trade':
        if (!sameSource(f.source, l)) break;
        out.push({
          kind: 'trade',
          measure: f.measure,
          pair: f.pair,
          ...(f.amountUsd !== null ? { amountUsd: f.amountUsd } : {}),
          ...(f.percent !== null ? { percent: f.percent } : {}),
          ...(f.period?.year != null ? { year: f.period.year } : {}),
          ...(f.exporter ? { exporter: f.exporter } : {}),
          ...(f.importer ? { importer: f.importer } : {}),
        });
        break;
      case 'person':
        if (f.sources.some((s) => sameSource(s, l)))
          out.push({ kind: 'person', name: f.name, country: f.country });
        break;
      case 'agreement':
        // Counted where the sentence names the document, not where it only refers back to it.
        if (
          f.sources.some((s) => sameSource(s, l)) &&
          f.aliases.some((a) => l.text.toLowerCase().includes(a.toLowerCase()))
        ) {
          out.push({ kind: 'agreement', name: f.name, status: f.status });
        }
        break;
      case 'money':
        if (sameSource(f.source, l)) {
          out.push(
            f.usd !== null
              ? { kind: 'money', usd: f.usd }
              : { kind: 'money', amount: f.amount, currency: f.currency },
          );
        }
        break;
      case 'date':
        if (sameSource(f.source, l)) out.push({ kind: 'date', iso: f.date.iso });
        break;
      case 'meeting':
        if (f.sources.some((s) => sameSource(s, l))) {
          const countries = [...new Set(f.participants.flatMap((p) => (p.country ? [p.country] : [])))];
          out.push({
            kind: 'meeting',
            countries,
            ...(f.date.iso !== null ? { date: f.date.iso } : {}),
            ...(f.place !== null ? { place: f.place } : {}),
          });
        }
        break;
      default:
        break;
    }
  }
  return out;
}

/** A set of countries in one spelling: a label's "Turkey" is the data set's "Türkiye". */
const countries = (names: readonly string[]) =>
  names
    .map((n) => nameKey(countryOf(n) ?? n))
    .sort()
    .join();

function matches(p: Predicted, l: Label): boolean {
  if (p.kind !== l.kind) return false;
  switch (l.kind) {
    case 'trade': {
      const q = p as Extract<Label, { kind: 'trade' }>;
      if (q.measure !== l.measure) return false;
      if (l.pair && q.pair && countries(l.pair) !== countries(q.pair)) return false;
      if (l.amountUsd !== undefined && (q.amountUsd === undefined || !near(q.amountUsd, l.amountUsd)))
        return false;
      if (l.percent !== undefined && q.percent !== l.percent) return false;
      if (l.year !== undefined && q.year !== l.year) return false;
      if (l.exporter && countries([q.exporter ?? '']) !== countries([l.exporter])) return false;
      if (l.importer && countries([q.importer ?? '']) !== countries([l.importer])) return false;
      return true;
    }
    case 'person': {
      // "Xi" and "Xi Jinping" are one person: every word of the shorter name is in the longer.
      const a = (p as { name: string }).name.split(/\s+/).map(nameKey);
      const b = l.name.split(/\s+/).map(nameKey);
      const [short, long] = a.length <= b.length ? [a, b] : [b, a];
      return short.every((w) => long.includes(w));
    }
    case 'agreement': {
      const a = new Set(contentKeys(l.name));
      const b = contentKeys((p as { name: string }).name);
      const shared = b.filter((k) => a.has(k)).length;
      return shared > 0 && shared * 2 >= Math.min(a.size, b.length);
    }
    case 'money': {
      const q = p as Extract<Label, { kind: 'money' }>;
      if (l.usd !== undefined) return q.usd !== undefined && near(q.usd, l.usd);
      return (
        q.amount !== undefined &&
        l.amount !== undefined &&
        near(q.amount, l.amount) &&
        q.currency === l.currency
      );
    }
    case 'date':
      return (p as { iso: string | null }).iso === l.iso;
    case 'meeting': {
      const q = p as Extract<Label, { kind: 'meeting' }>;
      const key = (c: string) => nameKey(c);
      if (l.countries && countries(l.countries) !== countries(q.countries ?? [])) return false;
      if (l.date !== undefined && !(q.date ?? '').startsWith(l.date)) return false;
      if (l.place !== undefined && key(q.place ?? '') !== key(l.place)) return false;
      return true;
    }
  }
}

export interface KindScore {
  kind: string;
  labelled: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface FactScores {
  sentences: number;
  byKind: KindScore[];
  overall: KindScore;
  errors: string[];
}

/** Scores the engine's facts against the labels (the engine's corpus must hold the labelled files). */
/**
 * A label in the convention every set is scored by, which is the blind sets' (their writers did not
 * know the older sets): a span of days ("October 10-11") is dated by its first day, a span of months
 * within one year ("Q1 2025", "the first nine months of 2024") as its year, and a span of years ("for
 * 2026-2028") gives its first and its last year. The older sets wrote each as one date with an `end`.
 */
function scoredAs(l: Label): Label[] {
  if (l.kind !== 'date' || l.end === undefined || l.iso === null) return [l];
  if (l.iso.length === 10) return [{ kind: 'date', iso: l.iso }];
  const [from, to] = [l.iso.slice(0, 4), l.end.slice(0, 4)];
  if (from === to) return [{ kind: 'date', iso: from }];
  return [
    { kind: 'date', iso: l.iso },
    { kind: 'date', iso: l.end },
  ];
}

export function scoreFacts(engine: Engine, labels: readonly LabelledSentence[]): FactScores {
  const tally = new Map<string, { labelled: number; predicted: number; correct: number }>();
  const add = (kind: string, field: 'labelled' | 'predicted' | 'correct') => {
    const t = tally.get(kind) ?? { labelled: 0, predicted: 0, correct: 0 };
    t[field]++;
    tally.set(kind, t);
  };
  const errors: string[] = [];
  // A set is scored on the kinds it labels: older sets label no meetings, so extracted meetings are not extras there.
  const labelledKinds = new Set(labels.flatMap((l) => l.facts.map((f) => f.kind)));
  for (const l of labels) {
    const got = predicted(engine, l).filter((p) => labelledKinds.has(p.kind));
    const unmatched = [...got];
    for (const want of l.facts.flatMap(scoredAs)) {
      add(want.kind, 'labelled');
      const i = unmatched.findIndex((p) => matches(p, want));
      if (i >= 0) {
        add(want.kind, 'correct');
        unmatched.splice(i, 1);
      } else errors.push(`missed ${JSON.stringify(want)} in ${l.file}:${l.line}`);
    }
    for (const p of got) add(p.kind, 'predicted');
    for (const p of unmatched) errors.push(`extra ${JSON.stringify(p)} in ${l.file}:${l.line}`);
  }
  const score = (kind: string, t: { labelled: number; predicted: number; correct: number }): KindScore => ({
    kind,
    ...t,
    precision: t.predicted === 0 ? 1 : t.correct / t.predicted,
    recall: t.labelled === 0 ? 1 : t.correct / t.labelled,
  });
  const byKind = [...tally.entries()].sort().map(([k, t]) => score(k, t));
  const sum = (f: 'labelled' | 'predicted' | 'correct') => byKind.reduce((s, k) => s + k[f], 0);
  return {
    sentences: labels.length,
    byKind,
    overall: score('all', {
      labelled: sum('labelled'),
      predicted: sum('predicted'),
      correct: sum('correct'),
    }),
    errors,
  };
}
