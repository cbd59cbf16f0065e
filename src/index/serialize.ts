import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { internalsOf, type RadixNode, type TermData, treeOf } from './internals.js';
import { INDEX_OPTIONS, type IndexDoc } from './options.js';
import { type SearchIndex, wrapSteps } from './searchIndex.js';
import { drive, STEP, type Steps } from './steps.js';

/**
 * The index as JSON data and back, for snapshots. Reads and writes the
 * private fields MiniSearch's `toJSON` / `loadJSON` do, and the radix trees
 * (see internals.ts): on SOTU ×1 this saves in a quarter of `toJSON`'s time
 * and loads in 0.6 of `loadJSON`'s, and a loaded index is identical to the
 * saved one, which `loadJSON`'s is not (see IndexData).
 */

/** A radix tree as nested arrays, `[edge, child, edge, child, …]`; the leaf edge ('') holds a value. */
type TreeJSON = unknown[];
const LEAF = '';

function encodeTree(node: RadixNode, leaf: (value: unknown) => unknown): TreeJSON {
  const out: unknown[] = [];
  for (const [edge, child] of node) {
    out.push(edge, edge === LEAF ? leaf(child) : encodeTree(child as RadixNode, leaf));
  }
  return out;
}

/** Decodes a tree, yielding every STEP nodes so that a large one loads in time slices. */
function* decodeTree(json: unknown, leaf: (value: unknown) => unknown, count = { n: 0 }): Steps<RadixNode> {
  if (!Array.isArray(json) || json.length % 2 !== 0) throw new Error('searchIndex: malformed radix tree');
  const node: RadixNode = new Map();
  for (let i = 0; i < json.length; i += 2) {
    const edge: unknown = json[i];
    if (typeof edge !== 'string') throw new Error('searchIndex: malformed radix tree edge');
    node.set(edge, edge === LEAF ? leaf(json[i + 1]) : yield* decodeTree(json[i + 1], leaf, count));
    if (++count.n % STEP === 0) yield;
  }
  return node;
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
  const fieldCount = Object.keys(internals._fieldIds).length;
  const documentIds: unknown[] = [];
  for (const [shortId, id] of internals._documentIds) documentIds.push(shortId, id);
  const fieldLengths: number[] = [];
  for (const [shortId, lengths] of internals._fieldLength) {
    fieldLengths.push(shortId);
    for (let f = 0; f < fieldCount; f++) fieldLengths.push(lengths[f] ?? -1);
  }
  const storedFields = internals._storedFields;
  const termStarts: number[] = [];
  const postings: number[] = [];
  const vocabulary = encodeTree(internals._index._tree, (value) => {
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
    documentCount: index.mini.documentCount,
    nextId: internals._nextId,
    dirtCount: index.mini.dirtCount,
    fieldIds: { ...internals._fieldIds },
    averageFieldLength: [...internals._avgFieldLength],
    documentIds,
    fieldLengths,
    storedFields: [...storedFields],
    vocabulary,
    termStarts,
    postings,
    spellings: encodeTree(treeOf(index.spellings), (key) => key),
  };
}

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/**
 * Rebuilds an index from exportIndex's data and its documents; identical to
 * the exported one, down to the order of its trees. Throws on data that does
 * not fit (the snapshot loader turns that into a reason to rebuild).
 */
export function importIndex(data: IndexData, docs: readonly IndexDoc[]): SearchIndex {
  return drive(importIndexSteps(data, docs));
}

/** importIndex in steps, for a load in time slices (driveAsync). */
export function* importIndexSteps(data: IndexData, docs: readonly IndexDoc[]): Steps<SearchIndex> {
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
  const vocabulary = yield* decodeTree(data.vocabulary, (term) => {
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
    (yield* decodeTree(data.spellings, (key) =>
      typeof key === 'string' ? key : fail('has a bad spelling'),
    )) as never,
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
  internals._index._tree = vocabulary;
  return yield* wrapSteps(mini, docs, spellings);
}
