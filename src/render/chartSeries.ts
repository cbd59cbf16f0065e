import type { Answer, FactLine } from '../answer/types.js';
import { formatUsd } from '../facts/money.js';

/**
 * A trade answer's volume by year, as the chart, the terminal table and JSON
 * show it. Plain data read off the answer's facts: cheap, no chart library.
 */
export interface TradeSeries {
  /** The pair the answer leads with, e.g. `Kazakhstan–Tajikistan`. */
  pair: string;
  /** One point per figure, oldest year first; a year with disagreeing sources has several. */
  points: TradePoint[];
  /** The stated target, when there is one. */
  target: { amountUsd: number; label: string } | null;
}

export interface TradePoint {
  year: number;
  amountUsd: number;
  /** The figure as the answer writes it: `$1.2 billion`, `over $2 billion`. */
  label: string;
  /** The year is inferred from the article's date ("last year"). */
  inferred: boolean;
  /** Another source gives another figure for this year. */
  disputed: boolean;
  /** How many articles give this figure. */
  sources: number;
}

interface TradeFields {
  measure?: unknown;
  pair?: unknown;
  year?: unknown;
  periodLabel?: unknown;
  amountUsd?: unknown;
  qualifier?: unknown;
  modality?: unknown;
  disputed?: unknown;
}

function fields(fact: FactLine): TradeFields {
  return fact as TradeFields;
}

function pairOf(fact: FactLine): string | null {
  const { pair } = fields(fact);
  return Array.isArray(pair) && pair.length === 2 ? pair.join('–') : null;
}

function amountLabel(amountUsd: number, qualifier: unknown): string {
  return typeof qualifier === 'string' && qualifier !== ''
    ? `${qualifier} ${formatUsd(amountUsd)}`
    : formatUsd(amountUsd);
}

/**
 * The series of a `/trade` answer: the volumes in US dollars with a year, of
 * the pair the answer leads with, and its target. Null when the answer gives
 * no such volume (nothing to chart).
 */
export function tradeSeries(answer: Answer<FactLine>): TradeSeries | null {
  if (answer.command !== 'trade' || !answer.found) return null;
  const trade = answer.facts.filter((f) => f.kind === 'trade');
  const isVolume = (f: FactLine) => {
    const { measure, year, amountUsd, modality } = fields(f);
    return (
      measure === 'volume' &&
      typeof year === 'number' &&
      typeof amountUsd === 'number' &&
      modality === 'reported'
    );
  };
  const lead = trade.find(isVolume);
  const pair = lead ? pairOf(lead) : null;
  if (!lead || pair === null) return null;
  const ofPair = trade.filter((f) => pairOf(f) === pair);
  const points: TradePoint[] = ofPair.filter(isVolume).map((f) => {
    const { year, amountUsd, qualifier, periodLabel, disputed } = fields(f);
    return {
      year: year as number,
      amountUsd: amountUsd as number,
      label: amountLabel(amountUsd as number, qualifier),
      inferred: typeof periodLabel === 'string' && periodLabel.includes('inferred'),
      disputed: disputed === true,
      sources: new Set(f.sources.map((s) => s.file)).size,
    };
  });
  // Stable: within a year, the answer's own order (best first) decides after the number of sources.
  points.sort((a, b) => a.year - b.year || b.sources - a.sources);
  const targetFact = ofPair.find((f) => {
    const { measure, amountUsd } = fields(f);
    return measure === 'target' && typeof amountUsd === 'number';
  });
  const target = targetFact
    ? {
        amountUsd: fields(targetFact).amountUsd as number,
        label: amountLabel(fields(targetFact).amountUsd as number, fields(targetFact).qualifier),
      }
    : null;
  return { pair, points, target };
}

/** A year as an axis and the table show it: an inferred one is starred. */
export function yearLabel(point: Pick<TradePoint, 'year' | 'inferred'>): string {
  return point.inferred ? `${point.year}*` : String(point.year);
}

/** What the chart shows, in words: the image's alt text (Discord's attachment description, ≤ 1024). */
export function altText(series: TradeSeries): string {
  const points = series.points.map(
    (p) =>
      `${p.year}${p.inferred ? ' (year inferred)' : ''}: ${p.label}${p.disputed ? ' (sources disagree)' : ''}`,
  );
  const target = series.target ? ` Target: ${series.target.label}.` : '';
  const text = `Line chart of ${series.pair} trade volume by year. ${points.join('; ')}.${target}`;
  return text.length <= 1024 ? text : `${text.slice(0, 1023)}…`;
}

/** The series as a small text table for the terminal. */
export function seriesTable(series: TradeSeries): string {
  const rows = series.points.map((p) => [
    yearLabel(p),
    p.label,
    p.disputed ? 'sources disagree' : p.sources > 1 ? `${p.sources} sources` : '',
  ]);
  if (series.target) rows.push(['target', series.target.label, '']);
  const header = ['year', `${series.pair} trade`, ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '─'.repeat(w)).slice(0, 2)), ...rows.map(line)];
  if (series.points.some((p) => p.inferred)) out.push('* year inferred from the article’s date');
  return `${out.join('\n')}\n`;
}
