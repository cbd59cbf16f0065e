import { performance } from 'node:perf_hooks';
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { contentKey, fold, tokenize } from '../text/normalize.js';

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

type TermData = Map<number, Map<number, number>>;
interface Vocabulary {
  get(key: string): TermData | undefined;
  fuzzyGet(key: string, maxEditDistance: number): Map<string, [TermData, number]>;
  atPrefix(prefix: string): Iterable<[string, TermData]>;
  values(): Iterable<TermData>;
  entries(): Iterable<[string, TermData]>;
}

/** The parts of a MiniSearch instance that scoring and bulk loading use (MiniSearch 7.2, pinned). */
interface Internals {
  _index: Vocabulary & { set(key: string, value: TermData): unknown };
  _options: Required<
    Pick<Options<IndexDoc>, 'extractField' | 'stringifyField' | 'tokenize' | 'processTerm'>
  > & {
    fields: string[];
    idField: string;
  };
  _idToShortId: Map<unknown, number>;
  addDocumentId(id: unknown): number;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
  saveStoredFields(shortId: number, doc: IndexDoc): void;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

/**
 * Documents matched by a set of keys, in no particular order, as parallel
 * arrays: no object per match, because a common word matches tens of
 * thousands of sentences.
 */
export interface Matches {
  count: number;
  /** Document id of each match. */
  ids: Int32Array;
  /** Score of each match, exactly as MiniSearch's search gives it. */
  scores: Float64Array;
  /** 32-bit words of key bits per match. */
  words: number;
  /** Keys each match contains: bit k of match i is bit (k % 32) of masks[i * words + (k >> 5)]; k is the key's first position in the keys given. */
  masks: Uint32Array;
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

/**
 * Distinct key ids, sorted: `ids[start] … ids[end - 1]`. A range of a shared
 * array rather than a typed-array view, because V8 makes a view slowly and a
 * common word asks for tens of thousands of them.
 */
export interface KeySet {
  ids: Int32Array;
  start: number;
  end: number;
}

/**
 * Whether two key sets' Jaccard similarity reaches `threshold`: the same
 * answer as `keyJaccard(a, b) >= threshold`, without comparing sets whose
 * sizes alone rule it out (a set can share at most all of the smaller one).
 */
export function keysSimilar(a: KeySet, b: KeySet, threshold: number): boolean {
  const sizeA = a.end - a.start;
  const sizeB = b.end - b.start;
  const best = sizeA < sizeB ? sizeA : sizeB;
  const bestUnion = sizeA + sizeB - best;
  // Computed as keyJaccard computes it: float division rounds monotonically,
  // so a best case below the threshold means the real value is below it too.
  if ((bestUnion === 0 ? 0 : best / bestUnion) < threshold) return false;
  return keyJaccard(a, b) >= threshold;
}

/** Jaccard similarity of two key sets. */
export function keyJaccard(a: KeySet, b: KeySet): number {
  const x = a.ids;
  const y = b.ids;
  let i = a.start;
  let j = b.start;
  let shared = 0;
  while (i < a.end && j < b.end) {
    const p = x[i]!;
    const q = y[j]!;
    if (p === q) {
      shared++;
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  const union = a.end - a.start + (b.end - b.start) - shared;
  return union === 0 ? 0 : shared / union;
}

function internalsOf(mini: MiniSearch<IndexDoc>): Internals {
  // MiniSearch keeps its inverted index in a protected radix tree that
  // already supports fuzzy and prefix lookups; reusing it avoids a second
  // copy of the vocabulary. The version is pinned; this check catches a change.
  const internals = mini as unknown as Partial<Internals>;
  const index = internals._index as Partial<Vocabulary> | undefined;
  if (
    !index ||
    typeof index.get !== 'function' ||
    typeof index.fuzzyGet !== 'function' ||
    typeof index.values !== 'function' ||
    typeof internals.addDocumentId !== 'function' ||
    typeof internals.addFieldLength !== 'function' ||
    typeof internals.saveStoredFields !== 'function' ||
    !(internals._idToShortId instanceof Map) ||
    typeof internals._options !== 'object' ||
    !(internals._documentIds instanceof Map) ||
    !(internals._fieldLength instanceof Map) ||
    !Array.isArray(internals._avgFieldLength) ||
    typeof internals._fieldIds !== 'object' ||
    typeof internals._documentCount !== 'number' ||
    typeof internals._nextId !== 'number'
  ) {
    throw new Error(
      'searchIndex: MiniSearch internals changed (no _index radix tree); check the pinned version',
    );
  }
  return internals as Internals;
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

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Folded surface words of the corpus → their keys. */
export type SurfaceWords = Map<string, string>;

const TYPE_CODE: Record<IndexDoc['type'], number> = { sentence: 0, fact: 1 };
const NO_TYPE = 255;

/** Per-document tables derived from a built or loaded index, so a query reads arrays instead of maps. */
interface Tables {
  /** Short (MiniSearch) id → document id, or -1. */
  docIds: Int32Array;
  /** Short id → TYPE_CODE. */
  types: Uint8Array;
  /** Per field id: short id → the field's length as MiniSearch counts it. */
  fieldLengths: Uint32Array[];
  /** Document id → its key ids: keyIds[keyStarts[id] .. keyStarts[id + 1]), sorted. */
  keyStarts: Uint32Array;
  keyIds: Int32Array;
  /** A term's postings (MiniSearch's maps) → its term number. */
  termOf: Map<TermData, number>;
  /**
   * The postings again, as flat arrays: term t, field f holds entries
   * postingStarts[t * fieldCount + f] until the next start, each a short id
   * and a term frequency. Scoring walks arrays several times faster than maps.
   */
  postingStarts: Uint32Array;
  postingDocs: Int32Array;
  postingFreqs: Uint32Array;
  spellings: SearchableMap<string>;
}

/**
 * Work split into steps: a generator yields between steps, so the same code
 * runs to completion at once (drive) or in time slices that leave the event
 * loop free (driveAsync).
 */
type Steps<T> = Generator<void, T, void>;

function drive<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

async function driveAsync<T>(steps: Steps<T>, sliceMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

const STEP = 256;

function* tableSteps(
  internals: Internals,
  docs: readonly IndexDoc[],
  spellings: SearchableMap<string>,
): Steps<Tables> {
  const size = internals._nextId;
  const docIds = new Int32Array(size).fill(-1);
  const types = new Uint8Array(size).fill(NO_TYPE);
  let n = 0;
  for (const [shortId, id] of internals._documentIds) {
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < docs.length) {
      docIds[shortId] = id;
      types[shortId] = TYPE_CODE[docs[id]!.type] ?? NO_TYPE;
    }
    if (++n % (STEP * 16) === 0) yield;
  }
  const fieldCount = Object.keys(internals._fieldIds).length;
  const fieldLengths = Array.from({ length: fieldCount }, () => new Uint32Array(size));
  for (const [shortId, lengths] of internals._fieldLength) {
    for (let f = 0; f < fieldCount; f++) fieldLengths[f]![shortId] = lengths[f] ?? 0;
    if (++n % (STEP * 16) === 0) yield;
  }

  // The postings as flat arrays, and each document's keys read back from
  // them instead of tokenizing every text again: key ids are term numbers,
  // given in one walk of the vocabulary, so filling documents in that order
  // leaves each document's list sorted.
  const textField = internals._fieldIds.text;
  const termOf = new Map<TermData, number>();
  const terms: TermData[] = [];
  let postingCount = 0;
  for (const data of internals._index.values()) {
    termOf.set(data, terms.length);
    terms.push(data);
    for (const docsOfField of data.values()) postingCount += docsOfField.size;
    if (terms.length % STEP === 0) yield;
  }
  const postingStarts = new Uint32Array(terms.length * fieldCount + 1);
  const postingDocs = new Int32Array(postingCount);
  const postingFreqs = new Uint32Array(postingCount);
  const keyStarts = new Uint32Array(docs.length + 1);
  let at = 0;
  for (let t = 0; t < terms.length; t++) {
    const data = terms[t]!;
    for (let f = 0; f < fieldCount; f++) {
      postingStarts[t * fieldCount + f] = at;
      const docsOfField = data.get(f);
      if (!docsOfField) continue;
      for (const [shortId, termFreq] of docsOfField) {
        postingDocs[at] = shortId;
        postingFreqs[at] = termFreq;
        at++;
        if (f === textField) {
          const id = docIds[shortId] ?? -1;
          if (id >= 0) keyStarts[id + 1]!++;
        }
      }
    }
    if (t % STEP === 0) yield;
  }
  postingStarts[terms.length * fieldCount] = at;
  for (let i = 0; i < docs.length; i++) keyStarts[i + 1]! += keyStarts[i]!;
  const keyIds = new Int32Array(keyStarts[docs.length]!);
  const fill = keyStarts.slice(0, docs.length);
  if (textField !== undefined) {
    for (let t = 0; t < terms.length; t++) {
      const end = postingStarts[t * fieldCount + textField + 1]!;
      for (let p = postingStarts[t * fieldCount + textField]!; p < end; p++) {
        const id = docIds[postingDocs[p]!] ?? -1;
        if (id >= 0) keyIds[fill[id]!++] = t;
      }
      if (t % STEP === 0) yield;
    }
  }

  return {
    docIds,
    types,
    fieldLengths,
    keyStarts,
    keyIds,
    termOf,
    postingStarts,
    postingDocs,
    postingFreqs,
    spellings,
  };
}

function makeIndex(
  mini: MiniSearch<IndexDoc>,
  internals: Internals,
  docs: readonly IndexDoc[],
  tables: Tables,
): SearchIndex {
  const vocabulary = internals._index;
  const {
    docIds,
    types,
    fieldLengths,
    keyStarts,
    keyIds,
    termOf,
    postingStarts,
    postingDocs,
    postingFreqs,
    spellings,
  } = tables;
  const fieldCount = fieldLengths.length;
  const searchOptions = INDEX_OPTIONS.searchOptions!;
  const { k, b, d } = { k: 1.2, b: 0.7, d: 0.5, ...searchOptions.bm25 };
  const fields = (INDEX_OPTIONS.fields as string[]).map((name) => ({
    id: internals._fieldIds[name]!,
    boost: (searchOptions.boost as Record<string, number> | undefined)?.[name] || 1,
  }));

  // Scratch space reused by every query (answering is synchronous, so no two
  // queries share it at once); an epoch stamp marks what this query touched.
  const size = internals._nextId;
  let stamp: Uint32Array | undefined;
  let totals: Float64Array | undefined;
  let masks1: Uint32Array | undefined;
  let touched: Int32Array | undefined;
  let epoch = 0;
  // For a key found in several fields of one document (facts: statement and keywords).
  let keyStamp: Uint32Array | undefined;
  let keyScores: Float64Array | undefined;
  let keyTouched: Int32Array | undefined;
  let keyEpoch = 0;

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
      // Documents removed from MiniSearch linger in its postings until a
      // vacuum; its own search knows how to skip them, so let it.
      if (internals._dirtCount > 0 || internals._nextId !== size)
        return matchBySearch(keys, boosts, filterType);
      stamp ??= new Uint32Array(size);
      totals ??= new Float64Array(size);
      masks1 ??= new Uint32Array(size);
      touched ??= new Int32Array(size);
      epoch = (epoch + 1) >>> 0;
      if (epoch === 0) {
        stamp.fill(0);
        epoch = 1;
      }
      const bitOf = new Map<string, number>();
      keys.forEach((key, i) => {
        if (!bitOf.has(key)) bitOf.set(key, i);
      });
      const words = Math.max(1, Math.ceil(keys.length / 32));
      const masks = words === 1 ? masks1 : new Uint32Array(size * words);
      const documentCount = internals._documentCount;
      let count = 0;

      const terms: number[] = [];
      for (const key of keys) {
        const data = vocabulary.get(key);
        const t = data ? termOf.get(data) : -1;
        // A term added after the tables were made: only MiniSearch knows it.
        if (t === undefined) return matchBySearch(keys, boosts, filterType);
        terms.push(t);
      }

      const add = (shortId: number, score: number, word: number, flag: number) => {
        if (stamp![shortId] !== epoch) {
          stamp![shortId] = epoch;
          totals![shortId] = score;
          // A fresh document's other mask words are zero: masks1 is only
          // reused when there is one word, and larger masks are new arrays.
          masks[shortId * words + word] = flag;
          touched![count++] = shortId;
        } else {
          totals![shortId]! += score;
          masks[shortId * words + word]! |= flag;
        }
      };

      for (let j = 0; j < keys.length; j++) {
        const t = terms[j]!;
        if (t < 0) continue;
        const bit = bitOf.get(keys[j]!)!;
        const word = bit >>> 5;
        const flag = 1 << (bit & 31);
        // A repeated key is searched again, as MiniSearch does, with the boost
        // its first occurrence has (MiniSearch asks boostTerm by key).
        const termBoost = boosts[bit] ?? 1;
        let present = 0;
        for (const field of fields) {
          const block = t * fieldCount + field.id;
          if (postingStarts[block + 1]! > postingStarts[block]!) present++;
        }
        // Replays MiniSearch's arithmetic in its order (per key, fields
        // summed first, then added to the document's total) so that scores
        // are identical to the last bit, not just close.
        let keyCount = 0;
        if (present > 1) {
          keyStamp ??= new Uint32Array(size);
          keyScores ??= new Float64Array(size);
          keyTouched ??= new Int32Array(size);
          keyEpoch = (keyEpoch + 1) >>> 0;
          if (keyEpoch === 0) {
            keyStamp.fill(0);
            keyEpoch = 1;
          }
        }
        for (const field of fields) {
          const block = t * fieldCount + field.id;
          const from = postingStarts[block]!;
          const to = postingStarts[block + 1]!;
          if (from === to) continue;
          const matchingFields = to - from;
          const avgFieldLength = internals._avgFieldLength[field.id]!;
          const lengths = fieldLengths[field.id]!;
          const weight = termBoost * field.boost;
          const invDocFreq = Math.log(1 + (documentCount - matchingFields + 0.5) / (matchingFields + 0.5));
          for (let p = from; p < to; p++) {
            const shortId = postingDocs[p]!;
            const termFreq = postingFreqs[p]!;
            const fieldLength = lengths[shortId]!;
            const rawScore =
              invDocFreq *
              (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
            const weighted = weight * rawScore;
            if (present < 2) {
              add(shortId, weighted, word, flag);
            } else if (keyStamp![shortId] === keyEpoch) {
              keyScores![shortId]! += weighted;
            } else {
              keyStamp![shortId] = keyEpoch;
              keyScores![shortId] = weighted;
              keyTouched![keyCount++] = shortId;
            }
          }
        }
        for (let i = 0; i < keyCount; i++) {
          const shortId = keyTouched![i]!;
          add(shortId, keyScores![shortId]!, word, flag);
        }
      }

      const wanted = filterType === undefined ? -1 : TYPE_CODE[filterType];
      const out: Matches = {
        count: 0,
        ids: new Int32Array(count),
        scores: new Float64Array(count),
        words,
        masks: new Uint32Array(count * words),
      };
      let n = 0;
      for (let i = 0; i < count; i++) {
        const shortId = touched[i]!;
        if (wanted >= 0 && types[shortId] !== wanted) continue;
        let quality = 0;
        for (let w = 0; w < words; w++) {
          const bits = masks[shortId * words + w]!;
          out.masks[n * words + w] = bits;
          quality += popcount(bits);
        }
        out.ids[n] = docIds[shortId]!;
        out.scores[n] = totals[shortId]! * (quality || 1);
        n++;
      }
      out.count = n;
      return out;
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
  spellingMaps.set(index, spellings);
  return index;
}

/** Each index's map of surface words, for exportIndex. */
const spellingMaps = new WeakMap<SearchIndex, SearchableMap<string>>();

function* spellingSteps(surface: SurfaceWords): Steps<SearchableMap<string>> {
  const spellings = new SearchableMap<string>();
  let n = 0;
  for (const [word, key] of surface) {
    spellings.set(word, key);
    if (++n % (STEP * 4) === 0) yield;
  }
  return spellings;
}

function* wrapSteps(
  mini: MiniSearch<IndexDoc>,
  docs: readonly IndexDoc[],
  spellings: SearchableMap<string>,
): Steps<SearchIndex> {
  const internals = internalsOf(mini);
  const tables = yield* tableSteps(internals, docs, spellings);
  return makeIndex(mini, internals, docs, tables);
}

/** Wraps a built (or loaded) MiniSearch instance with vocabulary lookups. */
export function wrapIndex(
  mini: MiniSearch<IndexDoc>,
  docs: readonly IndexDoc[],
  surface: SurfaceWords,
): SearchIndex {
  return drive(
    (function* () {
      return yield* wrapSteps(mini, docs, yield* spellingSteps(surface));
    })(),
  );
}

/**
 * INDEX_OPTIONS, with term processing that also records each folded word's
 * key, until the build is done.
 */
function recordingOptions(surface: SurfaceWords): { options: Options<IndexDoc>; done: () => void } {
  let recording = true;
  const options: Options<IndexDoc> = {
    ...INDEX_OPTIONS,
    processTerm: (word: string) => {
      const key = processTerm(word);
      if (recording && key !== null) {
        const folded = fold(word);
        if (!surface.has(folded)) surface.set(folded, key);
      }
      return key;
    },
  };
  return {
    options,
    done: () => {
      recording = false;
    },
  };
}

/**
 * Adds documents the way MiniSearch's `add` does, except for the vocabulary:
 * `add` walks the radix tree for every word of every document, which was most
 * of the build. Here postings are gathered in a hash map and each key enters
 * the tree once, in the order of its first use, which is the order `add`
 * would have created it in: the tree, the postings and every count come out
 * the same (test/index/searchIndex.test.ts compares them with `addAll`'s).
 */
function* addAllSteps(mini: MiniSearch<IndexDoc>, docs: readonly IndexDoc[]): Steps<void> {
  const internals = internalsOf(mini);
  const {
    extractField,
    stringifyField,
    tokenize: split,
    processTerm: process,
    fields,
    idField,
  } = internals._options;
  const postings = new Map<string, TermData>();
  const dataOf = (term: string): TermData => {
    let data = postings.get(term);
    if (data === undefined) {
      data = new Map();
      postings.set(term, data);
    }
    return data;
  };
  const count = (data: TermData, fieldId: number, shortId: number) => {
    const fieldIndex = data.get(fieldId);
    if (fieldIndex === undefined) data.set(fieldId, new Map([[shortId, 1]]));
    else fieldIndex.set(shortId, (fieldIndex.get(shortId) ?? 0) + 1);
  };
  // Term processing is a function of the word and the field, and a corpus
  // repeats a few thousand words: each field remembers a word's postings
  // (or that it has none), so a repeated word costs one lookup.
  const memos = new Map<string, Map<string, TermData[]>>();
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const id = extractField(doc, idField);
    if (id == null) throw new Error(`MiniSearch: document does not have ID field "${idField}"`);
    if (internals._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
    const shortId = internals.addDocumentId(id);
    internals.saveStoredFields(shortId, doc);
    for (const field of fields) {
      const value = extractField(doc, field);
      if (value == null) continue;
      const tokens = split(stringifyField(value, field), field);
      const fieldId = internals._fieldIds[field]!;
      internals.addFieldLength(shortId, fieldId, internals._documentCount - 1, new Set(tokens).size);
      let memo = memos.get(field);
      if (memo === undefined) {
        memo = new Map();
        memos.set(field, memo);
      }
      for (const token of tokens) {
        let targets = memo.get(token);
        if (targets === undefined) {
          const processed = process(token, field);
          const terms = Array.isArray(processed) ? processed : [processed];
          targets = terms.filter((term): term is string => Boolean(term)).map(dataOf);
          memo.set(token, targets);
        }
        for (const data of targets) count(data, fieldId, shortId);
      }
    }
    if ((i & 63) === 63) yield;
  }
  let n = 0;
  for (const [term, data] of postings) {
    internals._index.set(term, data);
    if (++n % (STEP * 4) === 0) yield;
  }
}

function* buildSteps(docs: readonly IndexDoc[]): Steps<SearchIndex> {
  const surface: SurfaceWords = new Map();
  const recording = recordingOptions(surface);
  const mini = new MiniSearch<IndexDoc>(recording.options);
  yield* addAllSteps(mini, docs);
  recording.done();
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

/** A radix tree as nested arrays, `[edge, child, edge, child, …]`; the leaf edge ('') holds a value. */
type TreeJSON = unknown[];
type RadixNode = Map<string, unknown>;
const LEAF = '';

function encodeTree(node: RadixNode, leaf: (value: unknown) => unknown): TreeJSON {
  const out: unknown[] = [];
  for (const [edge, child] of node) {
    out.push(edge, edge === LEAF ? leaf(child) : encodeTree(child as RadixNode, leaf));
  }
  return out;
}

function decodeTree(json: unknown, leaf: (value: unknown) => unknown): RadixNode {
  if (!Array.isArray(json) || json.length % 2 !== 0) throw new Error('searchIndex: malformed radix tree');
  const node: RadixNode = new Map();
  for (let i = 0; i < json.length; i += 2) {
    const edge: unknown = json[i];
    if (typeof edge !== 'string') throw new Error('searchIndex: malformed radix tree edge');
    node.set(edge, edge === LEAF ? leaf(json[i + 1]) : decodeTree(json[i + 1], leaf));
  }
  return node;
}

function treeOf(map: unknown): RadixNode {
  const tree = (map as { _tree?: unknown })._tree;
  if (!(tree instanceof Map)) throw new Error('searchIndex: MiniSearch internals changed (no radix _tree)');
  return tree as RadixNode;
}

/**
 * Everything MiniSearch's `toJSON` holds, plus the surface words, laid out
 * for a fast and exact reload: the radix trees are kept as trees, child order
 * included, because fuzzy and prefix lookups list keys in tree order and a
 * tree rebuilt key by key (as `loadJSON` does) can order ties differently;
 * postings are flat number arrays (ids delta-coded) instead of objects keyed
 * by id strings, which parse and load several times faster.
 */
export interface IndexData {
  layout: 1;
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** `[shortId, id, shortId, id, …]` in MiniSearch's order. */
  documentIds: unknown[];
  /** Per document: short id, then each field's length (-1 when the document lacks the field). */
  fieldLengths: number[];
  storedFields: Array<[number, unknown]>;
  /** Leaves hold term numbers. */
  vocabulary: TreeJSON;
  /** Where each term's postings start in `postings`. */
  termStarts: number[];
  /** Per term: field count, then per field: field id, n, n short-id deltas, n term frequencies. */
  postings: number[];
  /** Surface word → key, leaves hold keys. */
  spellings: TreeJSON;
}

/** The index as plain JSON data (see IndexData). */
export function exportIndex(index: SearchIndex): IndexData {
  const internals = internalsOf(index.mini);
  const spellings = spellingMaps.get(index);
  if (!spellings) throw new Error('searchIndex: exportIndex needs an index made by this module');
  const fieldCount = Object.keys(internals._fieldIds).length;
  const documentIds: unknown[] = [];
  for (const [shortId, id] of internals._documentIds) documentIds.push(shortId, id);
  const fieldLengths: number[] = [];
  for (const [shortId, lengths] of internals._fieldLength) {
    fieldLengths.push(shortId);
    for (let f = 0; f < fieldCount; f++) fieldLengths.push(lengths[f] ?? -1);
  }
  const storedFields = (index.mini as unknown as { _storedFields: Map<number, unknown> })._storedFields;
  const termStarts: number[] = [];
  const postings: number[] = [];
  const vocabulary = encodeTree(treeOf(internals._index), (value) => {
    termStarts.push(postings.length);
    const data = value as TermData;
    postings.push(data.size);
    for (const [fieldId, docs] of data) {
      postings.push(fieldId, docs.size);
      let previous = 0;
      for (const shortId of docs.keys()) {
        postings.push(shortId - previous);
        previous = shortId;
      }
      for (const termFreq of docs.values()) postings.push(termFreq);
    }
    return termStarts.length - 1;
  });
  return {
    layout: 1,
    documentCount: internals._documentCount,
    nextId: internals._nextId,
    dirtCount: internals._dirtCount,
    fieldIds: { ...internals._fieldIds },
    averageFieldLength: [...internals._avgFieldLength],
    documentIds,
    fieldLengths,
    storedFields: [...storedFields],
    vocabulary,
    termStarts,
    postings,
    spellings: encodeTree(treeOf(spellings), (key) => key),
  };
}

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/**
 * Rebuilds an index from exportIndex's data and its documents; identical to
 * the exported one, down to the order of its trees. Throws on data that does
 * not fit (the snapshot loader turns that into a reason to rebuild).
 */
export function importIndex(data: IndexData, docs: readonly IndexDoc[]): SearchIndex {
  const fail = (what: string): never => {
    throw new Error(`searchIndex: index data ${what}`);
  };
  if (data?.layout !== 1) fail('has an unknown layout');
  const mini = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  const internals = internalsOf(mini);
  const fields = Object.keys(internals._fieldIds);
  if (JSON.stringify(data.fieldIds) !== JSON.stringify(internals._fieldIds)) fail('has other fields');
  if (!isCount(data.documentCount) || !isCount(data.nextId) || !isCount(data.dirtCount))
    fail('has bad counts');
  if (!Array.isArray(data.averageFieldLength) || data.averageFieldLength.length !== fields.length) {
    fail('has bad field lengths');
  }
  const documentIds = new Map<number, unknown>();
  const idToShortId = new Map<unknown, number>();
  if (!Array.isArray(data.documentIds) || data.documentIds.length % 2 !== 0) fail('has bad document ids');
  for (let i = 0; i < data.documentIds.length; i += 2) {
    const shortId = data.documentIds[i];
    if (!isCount(shortId) || shortId >= data.nextId) fail('has a bad short id');
    documentIds.set(shortId as number, data.documentIds[i + 1]);
    idToShortId.set(data.documentIds[i + 1], shortId as number);
  }
  if (documentIds.size !== data.documentCount) fail('disagrees with its document count');
  const fieldLength = new Map<number, number[]>();
  const stride = fields.length + 1;
  if (!Array.isArray(data.fieldLengths) || data.fieldLengths.length % stride !== 0)
    fail('has bad field lengths');
  for (let i = 0; i < data.fieldLengths.length; i += stride) {
    const lengths: number[] = [];
    for (let f = 0; f < fields.length; f++) {
      const length = data.fieldLengths[i + 1 + f]!;
      if (length >= 0) lengths[f] = length;
    }
    fieldLength.set(data.fieldLengths[i]!, lengths);
  }
  const { postings, termStarts } = data;
  if (!Array.isArray(postings) || !Array.isArray(termStarts)) fail('has no postings');
  const vocabulary = decodeTree(data.vocabulary, (term) => {
    let at = termStarts[term as number];
    if (!isCount(at)) return fail('has a bad term number');
    const termData: TermData = new Map();
    const fieldsOfTerm = postings[at++]!;
    for (let f = 0; f < fieldsOfTerm; f++) {
      const fieldId = postings[at++]!;
      const n = postings[at++]!;
      if (!isCount(n) || at + 2 * n > postings.length) fail('has truncated postings');
      const docsOfField = new Map<number, number>();
      let shortId = 0;
      for (let i = 0; i < n; i++) {
        shortId += postings[at + i]!;
        docsOfField.set(shortId, postings[at + n + i]!);
      }
      at += 2 * n;
      termData.set(fieldId, docsOfField);
    }
    return termData;
  });
  const spellings = new SearchableMap<string>(
    decodeTree(data.spellings, (key) =>
      typeof key === 'string' ? key : fail('has a bad spelling'),
    ) as never,
  );

  Object.assign(mini as unknown as Record<string, unknown>, {
    _documentCount: data.documentCount,
    _nextId: data.nextId,
    _dirtCount: data.dirtCount,
    _avgFieldLength: [...data.averageFieldLength],
    _documentIds: documentIds,
    _idToShortId: idToShortId,
    _fieldLength: fieldLength,
    _storedFields: new Map(data.storedFields),
  });
  (internals._index as unknown as { _tree: RadixNode })._tree = vocabulary;
  return drive(wrapSteps(mini, docs, spellings));
}
