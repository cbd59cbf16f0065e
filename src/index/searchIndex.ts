import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { fold, isStopWord, termKey, tokenize } from '../text/normalize.js';

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
function processTerm(word: string): string | null {
  return isStopWord(word) ? null : termKey(word);
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
  },
};

type TermData = Map<number, Map<number, number>>;
interface Vocabulary {
  get(key: string): TermData | undefined;
  fuzzyGet(key: string, maxEditDistance: number): Map<string, [TermData, number]>;
  atPrefix(prefix: string): Iterable<[string, TermData]>;
}

export interface SearchIndex {
  readonly mini: MiniSearch<IndexDoc>;
  /** Documents by id. */
  readonly docs: readonly IndexDoc[];
  /** How many documents contain the key (0 when the corpus never uses it). */
  documentFrequency(key: string): number;
  /** Keys within an edit distance, with their distance, closest first. */
  fuzzyKeys(key: string, maxDistance: number): Array<{ key: string; distance: number; df: number }>;
  /**
   * Keys of the corpus's words (as written, folded) within an edit distance
   * of a word, or one transposition away: a typo breaks stemming, so
   * "negotiatons" is matched to "negotiations" and from there to its key.
   */
  spellingKeys(word: string, maxDistance: number): Array<{ key: string; distance: number; df: number }>;
  /** Keys that start with `prefix` (longer than it), most frequent first. */
  prefixKeys(prefix: string, limit: number): Array<{ key: string; df: number }>;
  /** Runs a search over finished keys (see INDEX_OPTIONS.searchOptions). */
  search(
    keys: readonly string[],
    boostTerm: (key: string) => number,
    filterType?: IndexDoc['type'],
  ): SearchResult[];
}

function vocabularyOf(mini: MiniSearch<IndexDoc>): Vocabulary {
  // MiniSearch keeps its inverted index in a protected radix tree that
  // already supports fuzzy and prefix lookups; reusing it avoids a second
  // copy of the vocabulary. The version is pinned; this check catches a change.
  const index = (mini as unknown as { _index?: Partial<Vocabulary> })._index;
  if (!index || typeof index.get !== 'function' || typeof index.fuzzyGet !== 'function') {
    throw new Error(
      'searchIndex: MiniSearch internals changed (no _index radix tree); check the pinned version',
    );
  }
  return index as Vocabulary;
}

function docFreq(data: TermData | undefined): number {
  if (!data) return 0;
  let df = 0;
  for (const docs of data.values()) df = Math.max(df, docs.size);
  return df;
}

function transpositions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return out;
}

/** Folded surface words of the corpus → their keys. */
export type SurfaceWords = Map<string, string>;

/** Wraps a built (or loaded) MiniSearch instance with vocabulary lookups. */
export function wrapIndex(
  mini: MiniSearch<IndexDoc>,
  docs: readonly IndexDoc[],
  surface: SurfaceWords,
): SearchIndex {
  const vocabulary = vocabularyOf(mini);
  const spellings = new SearchableMap<string>();
  for (const [word, key] of surface) spellings.set(word, key);
  return {
    mini,
    docs,
    documentFrequency: (key) => docFreq(vocabulary.get(key)),
    spellingKeys(word, maxDistance) {
      const folded = fold(word);
      const best = new Map<string, number>();
      const note = (key: string, distance: number) => {
        if (distance < (best.get(key) ?? Number.POSITIVE_INFINITY)) best.set(key, distance);
      };
      for (const swapped of transpositions(folded)) {
        const key = spellings.get(swapped);
        if (key !== undefined) note(key, 1);
      }
      if (maxDistance > 0) {
        for (const [, [key, distance]] of spellings.fuzzyGet(folded, maxDistance))
          if (distance > 0) note(key, distance);
      }
      return [...best.entries()]
        .map(([key, distance]) => ({ key, distance, df: docFreq(vocabulary.get(key)) }))
        .sort((a, b) => a.distance - b.distance || b.df - a.df);
    },
    fuzzyKeys(key, maxDistance) {
      const out: Array<{ key: string; distance: number; df: number }> = [];
      for (const [k, [data, distance]] of vocabulary.fuzzyGet(key, maxDistance)) {
        if (k !== key) out.push({ key: k, distance, df: docFreq(data) });
      }
      return out.sort((a, b) => a.distance - b.distance || b.df - a.df);
    },
    prefixKeys(prefix, limit) {
      const out: Array<{ key: string; df: number }> = [];
      for (const [k, data] of vocabulary.atPrefix(prefix)) {
        if (k !== prefix) out.push({ key: k, df: docFreq(data) });
      }
      return out.sort((a, b) => b.df - a.df).slice(0, limit);
    },
    search(keys, boostTerm, filterType) {
      if (keys.length === 0) return [];
      return mini.search(
        { queries: [...keys], combineWith: 'OR' },
        {
          boostTerm,
          ...(filterType ? { filter: (r: SearchResult) => docs[r.id as number]?.type === filterType } : {}),
        },
      );
    },
  };
}

/** INDEX_OPTIONS, with term processing that also records each folded word's key. */
function recordingOptions(surface: SurfaceWords): Options<IndexDoc> {
  return {
    ...INDEX_OPTIONS,
    processTerm: (word: string) => {
      const key = processTerm(word);
      if (key !== null) {
        const folded = fold(word);
        if (!surface.has(folded)) surface.set(folded, key);
      }
      return key;
    },
  };
}

/** Builds the index over sentences and facts. */
export function buildIndex(docs: readonly IndexDoc[]): SearchIndex {
  const surface: SurfaceWords = new Map();
  const mini = new MiniSearch<IndexDoc>(recordingOptions(surface));
  mini.addAll(docs);
  return wrapIndex(mini, docs, surface);
}

/** Builds the index in chunks, yielding to the event loop between them. */
export async function buildIndexAsync(docs: readonly IndexDoc[], chunkSize = 2000): Promise<SearchIndex> {
  const surface: SurfaceWords = new Map();
  const mini = new MiniSearch<IndexDoc>(recordingOptions(surface));
  await mini.addAllAsync(docs, { chunkSize });
  return wrapIndex(mini, docs, surface);
}
