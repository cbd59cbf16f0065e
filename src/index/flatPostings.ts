import type MiniSearch from 'minisearch';
import { type Internals, internalsOf, type TermData } from './internals.js';
import { INDEX_OPTIONS, type IndexDoc } from './options.js';
import { STEP, type Steps } from './steps.js';

/**
 * The fast path: BM25 scores straight from flat copies of MiniSearch's
 * postings, identical to the last bit to what `search` gives
 * (test/index/flatPostings.test.ts checks it against `search` for any
 * documents and keys) and about 20× faster at p99, because a common word
 * matches tens of thousands of documents and `search` makes objects and maps
 * for each.
 *
 * Reads MiniSearch's private `_index` (the radix tree of terms → postings),
 * `_documentIds`, `_fieldIds`, `_fieldLength`, `_avgFieldLength` and `_nextId`
 * (see internals.ts, which checks them at start-up).
 */

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

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const TYPE_CODE: Record<IndexDoc['type'], number> = { sentence: 0, fact: 1 };
const NO_TYPE = 255;

/** The next epoch stamp; when the count wraps, the stamps are cleared so that none equals it. */
function nextEpoch(epoch: number, stamps: Uint32Array): number {
  const next = (epoch + 1) >>> 0;
  if (next !== 0) return next;
  stamps.fill(0);
  return 1;
}

/** Per-document tables derived from a built or loaded index, so a query reads arrays instead of maps. */
export interface FlatPostings {
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
}

export function* flatPostingsSteps(internals: Internals, docs: readonly IndexDoc[]): Steps<FlatPostings> {
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

  return { docIds, types, fieldLengths, keyStarts, keyIds, termOf, postingStarts, postingDocs, postingFreqs };
}

/**
 * A scorer over the tables: `boosts[i]` is the boost of `keys[i]` (for a key
 * given twice, its first boost counts, as with a boostTerm function). It
 * returns null when the index changed since the tables were made (a document
 * added or discarded): only MiniSearch's `search` knows that index then.
 */
export type Scorer = (
  keys: readonly string[],
  boosts: readonly number[],
  filterType?: IndexDoc['type'],
) => Matches | null;

export function scorer(mini: MiniSearch<IndexDoc>, tables: FlatPostings): Scorer {
  const internals: Internals = internalsOf(mini);
  const vocabulary = internals._index;
  const { docIds, types, fieldLengths, termOf, postingStarts, postingDocs, postingFreqs } = tables;
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

  return (keys, boosts, filterType) => {
    // Documents removed from MiniSearch linger in its postings until a
    // vacuum; its own search knows how to skip them, so let it.
    if (mini.dirtCount > 0 || internals._nextId !== size) return null;
    stamp ??= new Uint32Array(size);
    totals ??= new Float64Array(size);
    masks1 ??= new Uint32Array(size);
    touched ??= new Int32Array(size);
    epoch = nextEpoch(epoch, stamp);
    const bitOf = new Map<string, number>();
    keys.forEach((key, i) => {
      if (!bitOf.has(key)) bitOf.set(key, i);
    });
    const words = Math.max(1, Math.ceil(keys.length / 32));
    const masks = words === 1 ? masks1 : new Uint32Array(size * words);
    const documentCount = mini.documentCount;
    let count = 0;

    const terms: number[] = [];
    for (const key of keys) {
      const data = vocabulary.get(key);
      const t = data ? termOf.get(data) : -1;
      // A term added after the tables were made: only MiniSearch knows it.
      if (t === undefined) return null;
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
        keyEpoch = nextEpoch(keyEpoch, keyStamp);
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
  };
}
