import { z } from 'zod';
import { dateKeywords } from '../../text/periods.js';
import { extractTrade } from '../trade.js';
import type { TradeLine } from '../tradeSummary.js';
import { factSourceSchema, type TradeFact, tradeFactSchema } from '../types.js';
import type { IndexedKind } from './kind.js';

/** A merged trade figure: a trade fact's fields, with its period and sources merged. */
export const tradeLineSchema = tradeFactSchema
  .pick({
    measure: true,
    pair: true,
    qualifier: true,
    percent: true,
    rank: true,
    rankNote: true,
    exporter: true,
    importer: true,
    goods: true,
    modality: true,
    statement: true,
  })
  .extend({
    year: z.number().int().nullable(),
    periodLabel: z.string().nullable(),
    amountUsd: z.number().nullable(),
    disputed: z.boolean(),
    undatedSources: z.array(factSourceSchema),
    sources: z.array(factSourceSchema),
  }) satisfies z.ZodType<TradeLine>;

/** Words a trade figure is found by beyond its statement, per measure. */
const MEASURE_WORDS: Record<TradeFact['measure'], string> = {
  volume: 'trade volume turnover total amount figure bilateral mutual',
  growth: 'trade growth increase rise percent',
  target: 'trade target goal aim plan',
  rank: 'trading partner rank largest position',
  exports: 'exports export goods products supply sends',
};

/**
 * Trade figures: extracted per article (src/facts/trade.ts), then merged
 * across articles into lines (src/facts/tradeSummary.ts), which the index holds.
 */
export const trade = {
  kind: 'trade',
  field: 'trade' as const,
  schema: tradeFactSchema,
  /** Dated by the article, or by the meeting another article dates it with. */
  needs: ['meeting'],
  extract: (ctx) => ctx.articles.flatMap((a) => extractTrade(a, ctx.dateOf(a))),
  indexed: (_own, lines) => lines,
  // A half-year figure is found by the one word questions ask for it by (`h1`).
  indexText: (f) => ({
    text: f.statement,
    keywords: `${MEASURE_WORDS[f.measure]} ${dateKeywords(f.statement, null)}`,
  }),
  sources: (f) => [...f.sources, ...f.undatedSources],
  answerFields: (f) => {
    const { statement: _, sources: _s, undatedSources: _u, ...rest } = f;
    return rest;
  },
  counted: 'trade figures',
} satisfies IndexedKind<'trade', TradeFact, TradeLine, object>;
