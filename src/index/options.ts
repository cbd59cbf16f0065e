import type { Options } from 'minisearch';
import { contentKey, tokenize } from '../text/normalize.js';

/** One searchable unit: a sentence of an article, or an extracted fact. */
export interface IndexDoc {
  /** Index document id; sentences use their sentence id, facts come after them. */
  id: number;
  type: 'sentence' | 'fact';
  /** The words searched: the sentence, or a fact's statement. */
  text: string;
  /** Extra words a fact is found by (its kind, e.g. "trade volume turnover"); empty for sentences. */
  keywords: string;
}

/** Index-time term processing: stop words out, everything else to its search key. */
export function processTerm(word: string): string | null {
  return contentKey(word);
}

/**
 * The one set of MiniSearch options. Query-time processing is done by the
 * query planner (src/answer/query.ts), which hands MiniSearch finished keys.
 */
export const INDEX_OPTIONS: Options<IndexDoc> = {
  idField: 'id',
  fields: ['text', 'keywords'],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: {
    tokenize: (key: string) => [key],
    processTerm: (key: string) => key,
    fuzzy: false,
    prefix: false,
    boost: { text: 1, keywords: 1.5 },
    combineWith: 'OR',
    // MiniSearch's defaults, spelled out because SearchIndex.match scores with them too.
    bm25: { k: 1.2, b: 0.7, d: 0.5 },
  },
};
