import type { Sentence } from '../corpus/types.js';
import { formatUsd } from './money.js';
import type { FactSource, TradeFact } from './types.js';

/**
 * A trade fact's common shape and its one-line statement: the pair in its one order, the empty record a
 * figure fills in, and how each measure reads ("Chile–Peru trade, 2024: $4 billion").
 */

export function source(sentence: Sentence): FactSource {
  return { file: sentence.file, line: sentence.line, text: sentence.text };
}

export function sortedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

export const dash = (pair: readonly [string, string]) => `${pair[0]}–${pair[1]}`;

export function base(pair: [string, string], sentence: Sentence): Omit<TradeFact, 'measure' | 'statement'> {
  return {
    kind: 'trade',
    pair,
    period: null,
    amountUsd: null,
    amountText: null,
    qualifier: null,
    percent: null,
    rank: null,
    rankNote: null,
    exporter: null,
    importer: null,
    goods: [],
    modality: 'reported',
    source: source(sentence),
  };
}

function amountLabel(fact: Pick<TradeFact, 'amountUsd' | 'qualifier' | 'amountText'>): string {
  // A figure in another currency is shown as written ("RM89.3 billion"), never converted.
  const amount = fact.amountUsd === null ? (fact.amountText ?? '?') : formatUsd(fact.amountUsd);
  return fact.qualifier ? `${fact.qualifier} ${amount}` : amount;
}

/** How a statement marks a figure that did not happen (yet). */
export const MODALITY_NOTE: Record<TradeFact['modality'], string> = {
  reported: '',
  expected: ' (expected)',
  target: ' (target)',
};

/** "Chile–Peru trade target: $20 billion by 2030", "… trade forecast: $12 billion for 2026". */
export function targetStatement(
  pair: string,
  amount: string,
  modality: TradeFact['modality'],
  period: string | null,
): string {
  const when = period === null ? '' : /^(?:by|in|until|for)\b/.test(period) ? ` ${period}` : ` for ${period}`;
  return `${pair} trade ${modality === 'expected' ? 'forecast' : 'target'}: ${amount}${when}`;
}

/** The one-line statement of a trade fact. */
export function tradeStatement(fact: Omit<TradeFact, 'statement'>): string {
  const pair = dash(fact.pair);
  const period = fact.period ? `, ${fact.period.label}` : ', period not stated';
  switch (fact.measure) {
    case 'volume':
      return `${pair} trade${period}${MODALITY_NOTE[fact.modality]}: ${amountLabel(fact)}`;
    case 'growth':
      return `${pair} trade growth${period}${MODALITY_NOTE[fact.modality]}: ${fact.percent !== null && fact.percent > 0 ? '+' : ''}${fact.percent}%`;
    case 'target':
      return targetStatement(pair, amountLabel(fact), fact.modality, fact.period?.label ?? null);
    case 'rank':
      return rankStatement(fact);
    case 'exports':
      return `${fact.modality === 'target' ? 'Planned exports' : 'Exports'} from ${fact.exporter} to ${fact.importer}: ${[
        fact.goods.join(', '),
        fact.amountUsd !== null || fact.amountText ? amountLabel(fact) : '',
        fact.percent !== null && fact.amountUsd === null && !fact.amountText
          ? `${fact.percent > 0 ? '+' : ''}${fact.percent}%`
          : '',
      ]
        .filter(Boolean)
        .join(', ')}${fact.period ? ` (${fact.period.label})` : ''}`;
  }
}

export function finish(fact: Omit<TradeFact, 'statement'>): TradeFact {
  return { ...fact, statement: tradeStatement(fact) };
}

/** "Kazakhstan is among Tajikistan's top three trading partners", "… is Tajikistan's second-largest trading partner after Russia". */
export function rankStatement(
  fact: Pick<TradeFact, 'exporter' | 'importer' | 'rank' | 'rankNote' | 'pair'> & { percent?: number | null },
): string {
  const who = fact.exporter ?? dash(fact.pair);
  const share = fact.percent != null && fact.importer ? `${fact.percent}% of ${fact.importer}'s trade` : null;
  if (share && (fact.rank === null || /^\d/.test(fact.rank))) return `${who} accounts for ${share}`;
  const said = rankOnly(fact, who);
  return share ? `${said}, with ${share}` : said;
}

function rankOnly(fact: Pick<TradeFact, 'importer' | 'rank' | 'rankNote'>, who: string): string {
  const ordinal = /^(.+) among trading partners$/.exec(fact.rank ?? '');
  if (ordinal)
    return `${who} ranks ${ordinal[1]} among ${fact.importer ? `${fact.importer}'s` : 'its'} trading partners`;
  const owner = fact.importer ? `${fact.importer}'s ` : '';
  const plural = /\b(top\s+\w+|(?:two|three|four|five|ten|\d+)\s+\w+)$/i.test(fact.rank ?? '');
  const note = fact.rankNote ? ` ${fact.rankNote}` : '';
  // A rank that names its own noun ("largest source of imports") is not one among trading partners.
  const noun = RANK_NOUN.test(fact.rank ?? '') ? '' : plural ? ' trading partners' : ' trading partner';
  return plural
    ? `${who} is among ${owner}${fact.rank}${noun}${note}`
    : `${who} is ${owner}${fact.rank}${noun}${note}`;
}

const RANK_NOUN = /\b(?:destinations?|markets?|suppliers?|sources?(?: of imports)?|import partners?)$/i;
