import { extractStatements } from '../statements.js';
import { type StatementFact, statementFactSchema } from '../types.js';
import type { ExtractedKind } from './kind.js';

/**
 * Who said what (src/facts/statements.ts): read after the people, whose
 * references resolve a speaker. Not in the search index: `/quotes` and the
 * "what did X say" answers look statements up by speaker.
 */
export const statement = {
  kind: 'statement',
  field: 'statements' as const,
  schema: statementFactSchema,
  extract: (ctx) => extractStatements(ctx.articles, (s) => ctx.refsOf(s)),
  counted: 'statements',
} satisfies ExtractedKind<StatementFact>;
