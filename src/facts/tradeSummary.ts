import { formatUsd } from './money.js';
import { MODALITY_NOTE, rankStatement, targetStatement } from './tradeFact.js';
import type { FactSource, TradeFact } from './types.js';

/**
 * Trade figures merged across articles: one line per figure with all the
 * sentences that give it. Sources that give different values for the same
 * period stay separate lines (marked `disputed`), never silently one.
 */
export interface TradeLine {
  measure: TradeFact['measure'];
  pair: [string, string];
  /** The period's year, when known. */
  year: number | null;
  periodLabel: string | null;
  amountUsd: number | null;
  /** The amount as written, shown for a figure in another currency ("RM89.3 billion"). */
  amountText?: string | null;
  qualifier: TradeFact['qualifier'];
  percent: number | null;
  rank: string | null;
  rankNote: string | null;
  exporter: string | null;
  importer: string | null;
  goods: string[];
  modality: TradeFact['modality'];
  /** Another line gives a different value for the same figure and period. */
  disputed: boolean;
  /** Sources that state the figure without its year, matched by value. */
  undatedSources: FactSource[];
  statement: string;
  sources: FactSource[];
}

/** Amounts within half a percent are the same figure written differently ($1.2 billion, 1.2 billion US dollars). */
function sameAmount(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 0.005 * Math.max(a, b);
}

const dash = (pair: readonly [string, string]) => `${pair[0]}–${pair[1]}`;
const pairKey = (pair: readonly [string, string]) => pair.join('|');

function amountText(line: Pick<TradeLine, 'amountUsd' | 'qualifier' | 'amountText'>): string {
  const amount =
    line.amountUsd === null ? (line.amountText ?? 'amount not stated') : formatUsd(line.amountUsd);
  return line.qualifier ? `${line.qualifier} ${amount}` : amount;
}

function sourcesNote(line: TradeLine): string {
  const n = new Set([...line.sources, ...line.undatedSources].map((s) => s.file)).size;
  return n > 1 ? ` (${n} sources)` : '';
}

export function tradeLineStatement(line: TradeLine): string {
  const pair = dash(line.pair);
  const disputed = line.disputed ? ' — sources disagree' : '';
  switch (line.measure) {
    case 'volume': {
      const period = line.periodLabel ?? 'period not stated';
      return `${pair} trade, ${period}${MODALITY_NOTE[line.modality]}: ${amountText(line)}${sourcesNote(line)}${disputed}`;
    }
    case 'growth':
      return `${pair} trade growth, ${line.periodLabel ?? 'period not stated'}${MODALITY_NOTE[line.modality]}: ${line.percent !== null && line.percent > 0 ? '+' : ''}${line.percent}%${sourcesNote(line)}${disputed}`;
    case 'target':
      return `${targetStatement(pair, amountText(line), line.modality, line.periodLabel)}${sourcesNote(line)}`;
    case 'rank':
      return `${rankStatement(line)}${sourcesNote(line)}`;
    case 'exports': {
      const what = [line.goods.join(', '), line.amountUsd !== null || line.amountText ? amountText(line) : '']
        .filter(Boolean)
        .join(', ');
      return `${line.modality === 'target' ? 'Planned exports' : 'Exports'} from ${line.exporter} to ${line.importer}: ${what || 'goods not stated'}${sourcesNote(line)}`;
    }
  }
}

function lineOf(f: TradeFact): TradeLine {
  return {
    measure: f.measure,
    pair: f.pair,
    year: f.period?.year ?? null,
    periodLabel: f.period?.label ?? null,
    amountUsd: f.amountUsd,
    amountText: f.amountUsd === null ? f.amountText : null,
    qualifier: f.qualifier,
    percent: f.percent,
    rank: f.rank,
    rankNote: f.rankNote,
    exporter: f.exporter,
    importer: f.importer,
    goods: [...f.goods],
    modality: f.modality,
    disputed: false,
    undatedSources: [],
    statement: '',
    sources: [f.source],
  };
}

function addSource(line: TradeLine, source: FactSource): void {
  if (!line.sources.some((s) => s.file === source.file && s.line === source.line && s.text === source.text)) {
    line.sources.push(source);
  }
}

/** A whole year by its number; a part of one by its label ("January–February 2023" is not "January–August 2023"). */
function periodKey(period: TradeFact['period']): string {
  if (!period) return 'none';
  return String(period.span === 'year' ? (period.year ?? period.label) : period.label);
}

/** The key under which two facts are the same figure. */
function figureKey(f: TradeFact): string {
  const pair = pairKey(f.pair);
  switch (f.measure) {
    case 'volume':
    case 'growth':
      // A forecast for a year is not a second report of it: its own line, never "sources disagree".
      return `${f.measure}|${f.modality}|${pair}|${periodKey(f.period)}|${f.period?.span ?? ''}`;
    case 'target':
      // A forecast and a goal are different figures, and so are forecasts for different years.
      return f.modality === 'expected' ? `target|expected|${pair}|${periodKey(f.period)}` : `target|${pair}`;
    case 'rank':
      return `rank|${pair}|${f.exporter}|${f.importer}|${f.rank?.toLowerCase()}`;
    case 'exports':
      return `exports|${f.exporter}|${f.importer}|${f.modality}`;
  }
}

/**
 * Merges trade facts: the same figure from several sentences becomes one
 * line with several sources; different values for one figure become one
 * line each, marked disputed; an undated volume equal to a dated one
 * corroborates it instead of standing alone.
 */
export function summarizeTrade(facts: readonly TradeFact[]): TradeLine[] {
  const groups = new Map<string, TradeLine[]>();
  for (const f of facts) {
    const key = figureKey(f);
    const lines = groups.get(key) ?? [];
    const twin = lines.find((l) =>
      f.measure === 'exports'
        ? true
        : f.measure === 'growth'
          ? l.percent === f.percent
          : sameAmount(l.amountUsd, f.amountUsd),
    );
    if (twin) {
      addSource(twin, f.source);
      for (const g of f.goods) if (!twin.goods.includes(g)) twin.goods.push(g);
      // "over $2 billion" and "$2 billion": keep the plain figure.
      if (twin.qualifier !== f.qualifier) twin.qualifier = null;
    } else {
      lines.push(lineOf(f));
    }
    groups.set(key, lines);
  }
  const lines = [...groups.values()].flat();
  for (const group of groups.values()) {
    if (group.length > 1 && group[0]!.measure !== 'exports' && group[0]!.measure !== 'target') {
      for (const l of group) l.disputed = true;
    }
  }
  // An undated volume that equals a dated one (same pair) is the same figure told without its year.
  const undated = lines.filter((l) => (l.measure === 'volume' || l.measure === 'growth') && l.year === null);
  const kept = lines.filter((l) => !undated.includes(l));
  for (const u of undated) {
    const match = kept.find(
      (l) =>
        l.measure === u.measure &&
        l.modality === u.modality &&
        l.year !== null &&
        pairKey(l.pair) === pairKey(u.pair) &&
        (u.measure === 'volume' ? sameAmount(l.amountUsd, u.amountUsd) : l.percent === u.percent),
    );
    if (match) match.undatedSources.push(...u.sources);
    else kept.push(u);
  }
  for (const l of kept) l.statement = tradeLineStatement(l);
  const order: Record<TradeLine['measure'], number> = {
    volume: 0,
    growth: 1,
    target: 2,
    rank: 3,
    exports: 4,
  };
  return kept.sort(
    (a, b) =>
      order[a.measure] - order[b.measure] ||
      (b.year ?? Number.NEGATIVE_INFINITY) - (a.year ?? Number.NEGATIVE_INFINITY) ||
      b.sources.length - a.sources.length,
  );
}
