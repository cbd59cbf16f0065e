import { z } from 'zod';
import type { Topics } from '../corpus/topics.js';
import type { Facts } from '../facts/index.js';
import { tradeLineSchema } from '../facts/kinds/trade.js';
import type { TradeLine } from '../facts/tradeSummary.js';
import {
  agreementFactSchema,
  factSchema,
  meetingFactSchema,
  personFactSchema,
  statementFactSchema,
  tradeFactSchema,
} from '../facts/types.js';

/**
 * The schema of what the engine saves in a snapshot beside the index, so a
 * snapshot whose facts have the wrong shape (`trade` not an array) is
 * rebuilt instead of crashing the start. Typed against the engine's own
 * types: a field added there and forgotten here fails to compile.
 */

const factsSchema = z.object({
  all: z.array(factSchema),
  people: z.array(personFactSchema),
  trade: z.array(tradeFactSchema),
  agreements: z.array(agreementFactSchema),
  meetings: z.array(meetingFactSchema),
  statements: z.array(statementFactSchema),
  inferredDates: z.array(z.object({ file: z.string(), date: z.string(), from: z.string() })),
}) satisfies z.ZodType<Facts>;

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
