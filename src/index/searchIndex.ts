import MiniSearch, { type SearchResult } from 'minisearch';
import type SearchableMap from 'minisearch/SearchableMap';
import { contentKey, contentKeys, fold, tokenize } from '../text/normalize.js';
import { miniSearchSteps, spellingSteps } from './build.js';
import { type FlatPostings, flatPostingsSteps, type Matches, scorer } from './flatPostings.js';
import { internalsOf, type TermData } from './internals.js';
import type { KeySet } from './keySet.js';
import { INDEX_OPTIONS, type IndexDoc } from './options.js';
import { drive, driveAsync, type Steps } from './steps.js';

export type { SurfaceWords } from './build.js';
export type { Matches } from './flatPostings.js';
export { type KeySet, keyJaccard, keysSimilar } from './keySet.js';
export { INDEX_OPTIONS, type IndexDoc } from './options.js';

export interface SearchIndex {
  readonly mini: MiniSearch<IndexDoc>;
  /** Documents by id. */
  readonly docs: readonly IndexDoc[];
  /** Folded surface words of the corpus → their keys, for spelling correction. */
  readonly spellings: SearchableMap<string>;
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
  /**
   * The same scores and matched keys as `search`, computed straight from the
   * inverted index into typed arrays; `boosts[i]` is the boost of `keys[i]`
   * (for a key given twice, its first boost counts, as with a boostTerm function).
   */
  match(keys: readonly string[], boosts: readonly number[], filterType?: IndexDoc['type']): Matches;
  /** A document's distinct content keys (of its text) as sorted ids, for near-duplicate tests. */
  keySet(id: number): KeySet;
  /** The same for any text (keys the index lacks get ids of their own). */
  keySetOfText(text: string): KeySet;
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

function makeIndex(
  mini: MiniSearch<IndexDoc>,
  docs: readonly IndexDoc[],
  spellings: SearchableMap<string>,
  tables: FlatPostings,
): SearchIndex {
  const vocabulary = internalsOf(mini)._index;
  const { keyStarts, keyIds } = tables;
  const score = scorer(mini, tables);

  let keyIdOf: Map<string, number> | undefined;
  const idsOfKeys = (keys: readonly string[]): KeySet => {
    if (!keyIdOf) {
      keyIdOf = new Map();
      for (const [key] of vocabulary.entries()) keyIdOf.set(key, keyIdOf.size);
    }
    const ids = new Set<number>();
    for (const key of keys) {
      let id = keyIdOf.get(key);
      if (id === undefined) {
        id = keyIdOf.size;
        keyIdOf.set(key, id);
      }
      ids.add(id);
    }
    const sorted = Int32Array.from(ids).sort();
    return { ids: sorted, start: 0, end: sorted.length };
  };

  const matchBySearch = (
    keys: readonly string[],
    boosts: readonly number[],
    filterType?: IndexDoc['type'],
  ): Matches => {
    const bitOf = new Map<string, number>();
    keys.forEach((key, i) => {
      if (!bitOf.has(key)) bitOf.set(key, i);
    });
    const words = Math.max(1, Math.ceil(keys.length / 32));
    const boostOf = new Map<string, number>();
    keys.forEach((key, i) => {
      if (!boostOf.has(key)) boostOf.set(key, boosts[i] ?? 1);
    });
    const results = index.search(keys, (key) => boostOf.get(key) ?? 1, filterType);
    const out: Matches = {
      count: results.length,
      ids: new Int32Array(results.length),
      scores: new Float64Array(results.length),
      words,
      masks: new Uint32Array(results.length * words),
    };
    results.forEach((r, i) => {
      out.ids[i] = r.id as number;
      out.scores[i] = r.score;
      for (const term of r.terms) {
        const bit = bitOf.get(term);
        if (bit !== undefined) out.masks[i * words + (bit >>> 5)]! |= 1 << (bit & 31);
      }
    });
    return out;
  };

  const index: SearchIndex = {
    mini,
    docs,
    spellings,
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
    match(keys, boosts, filterType) {
      return score(keys, boosts, filterType) ?? matchBySearch(keys, boosts, filterType);
    },
    keySet(id) {
      if (!(id >= 0 && id < docs.length)) return { ids: keyIds, start: 0, end: 0 };
      return { ids: keyIds, start: keyStarts[id]!, end: keyStarts[id + 1]! };
    },
    keySetOfText(text) {
      const keys: string[] = [];
      for (const word of tokenize(text)) {
        const key = contentKey(word);
        if (key !== null) keys.push(key);
      }
      return idsOfKeys(keys);
    },
  };
  return index;
}

/** Wraps a built (or loaded) MiniSearch instance with vocabulary lookups and the fast path. */
export function* wrapSteps(
  mini: MiniSearch<IndexDoc>,
  docs: readonly IndexDoc[],
  spellings: SearchableMap<string>,
): Steps<SearchIndex> {
  const tables = yield* flatPostingsSteps(internalsOf(mini), docs);
  return makeIndex(mini, docs, spellings, tables);
}

function* buildSteps(docs: readonly IndexDoc[]): Steps<SearchIndex> {
  const { mini, surface } = yield* miniSearchSteps(docs);
  return yield* wrapSteps(mini, docs, yield* spellingSteps(surface));
}

export interface AsyncOptions {
  /** Longest stretch of work between two yields to the event loop, in ms (default 10). */
  sliceMs?: number;
}

const DEFAULT_SLICE_MS = 10;

/** Builds the index over sentences and facts. */
export function buildIndex(docs: readonly IndexDoc[]): SearchIndex {
  return drive(buildSteps(docs));
}

/** Builds the index in time slices, yielding to the event loop between them. */
export function buildIndexAsync(docs: readonly IndexDoc[], options: AsyncOptions = {}): Promise<SearchIndex> {
  return driveAsync(buildSteps(docs), options.sliceMs ?? DEFAULT_SLICE_MS);
}

/**
 * The bulk build and the fast path reproduce MiniSearch's `addAll` and
 * `search` from its internals; test/index checks that for any documents and
 * keys, and this checks it once at start-up on three documents, so that a
 * MiniSearch that adds or scores differently fails here, loudly, rather than
 * answering with other scores than its own.
 */
function checkAgainstMiniSearch(): void {
  const docs: IndexDoc[] = [
    { id: 0, type: 'sentence', text: 'Trade grew, and trade agreements followed.', keywords: '' },
    { id: 1, type: 'fact', text: 'trade agreement signed', keywords: 'agreement treaty' },
    { id: 2, type: 'sentence', text: 'The treaty was signed in Dushanbe.', keywords: '' },
  ];
  const built = buildIndex(docs);
  const plain = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  plain.addAll(docs);
  if (JSON.stringify(built.mini) !== JSON.stringify(plain)) {
    throw new Error("searchIndex: the bulk build (src/index/build.ts) no longer equals MiniSearch's addAll");
  }
  const keys = contentKeys('trade agreement treaty signed Dushanbe');
  const boosts = keys.map((_, i) => 1 - i / 10);
  const matches = built.match(keys, boosts);
  const scores = new Map<number, number>();
  for (let i = 0; i < matches.count; i++) scores.set(matches.ids[i]!, matches.scores[i]!);
  const expected = plain.search(
    { queries: keys, combineWith: 'OR' },
    { boostTerm: (k) => boosts[keys.indexOf(k)] ?? 1 },
  );
  if (expected.length !== scores.size || expected.some((r) => scores.get(r.id as number) !== r.score)) {
    throw new Error(
      "searchIndex: the fast path (src/index/flatPostings.ts) no longer scores as MiniSearch's search",
    );
  }
}

checkAgainstMiniSearch();
