import { z } from 'zod';
import type { Topics } from '../corpus/topics.js';
import { type Facts, factsSchema } from '../facts/kinds/index.js';
import { tradeLineSchema } from '../facts/kinds/trade.js';
import type { TradeLine } from '../facts/tradeSummary.js';

/**
 * The schema of what the engine saves in a snapshot beside the index, so a
 * snapshot whose facts have the wrong shape (`trade` not an array) is
 * rebuilt instead of crashing the start. The facts' schema comes from the
 * kinds' registry, so a kind added there is checked here too.
 */

export interface SnapshotFacts {
  facts: Facts;
  trade: TradeLine[];
  topics: Topics;
}

export const snapshotFactsSchema: z.ZodType<SnapshotFacts> = z.object({
  facts: factsSchema,
  trade: z.array(tradeLineSchema),
  topics: z.object({ names: z.array(z.string()), subjects: z.array(z.string()) }),
});
