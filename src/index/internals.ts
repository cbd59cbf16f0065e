import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { INDEX_OPTIONS, type IndexDoc } from './options.js';

/**
 * The one place that names MiniSearch's private fields (written against
 * MiniSearch 7.2). Everything else goes through `internalsOf`, which checks
 * they are there. This module checks a fresh instance when it is loaded, so a
 * MiniSearch that moved them fails at start-up with this message, not later
 * with wrong scores.
 *
 * Why they are read at all (each measured against the public API on SOTU ×1,
 * 64k documents): the build fills `_index` in bulk (build.ts; `addAll` takes
 * 1.7-1.9× as long), answers are scored from flat copies of its postings
 * (flatPostings.ts; `search` is 20× slower at p99), snapshots copy the fields
 * `toJSON` holds in a layout that saves 3-4× and loads 1.7× faster than
 * `toJSON` / `loadJSON` and keeps the radix trees' child order
 * (serialize.ts), and the vocabulary lookups (fuzzy, prefix, document
 * frequency) walk `_index` itself, which MiniSearch has no public way to list.
 */

/** A term's postings: field id → short document id → term frequency. */
export type TermData = Map<number, Map<number, number>>;

/** MiniSearch's radix tree of terms (a SearchableMap); `_tree` is its root. */
export interface Vocabulary {
  get(key: string): TermData | undefined;
  set(key: string, value: TermData): unknown;
  fuzzyGet(key: string, maxEditDistance: number): Map<string, [TermData, number]>;
  atPrefix(prefix: string): Iterable<[string, TermData]>;
  values(): Iterable<TermData>;
  entries(): Iterable<[string, TermData]>;
  _tree: RadixNode;
}

/** A radix tree node: edge → child node, or the leaf edge ('') → the value. */
export type RadixNode = Map<string, unknown>;

export interface Internals {
  /** Term → postings. */
  _index: Vocabulary;
  _options: Required<
    Pick<Options<IndexDoc>, 'extractField' | 'stringifyField' | 'tokenize' | 'processTerm'>
  > & { fields: string[]; idField: string };
  /** Short id → document id, and back. */
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  /** Field name → field id. */
  _fieldIds: Record<string, number>;
  /** Short id → each field's length (distinct tokens), by field id. */
  _fieldLength: Map<number, number[]>;
  /** Field id → average field length, as BM25 uses it. */
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _documentCount: number;
  /** The next short id: one past the largest ever given. */
  _nextId: number;
  _dirtCount: number;
  addDocumentId(id: unknown): number;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
  saveStoredFields(shortId: number, doc: IndexDoc): void;
}

/** The private fields as their kinds, for the check. */
const SHAPE: Record<
  Exclude<keyof Internals, '_index'>,
  'map' | 'array' | 'object' | 'number' | 'function'
> = {
  _options: 'object',
  _documentIds: 'map',
  _idToShortId: 'map',
  _fieldIds: 'object',
  _fieldLength: 'map',
  _avgFieldLength: 'array',
  _storedFields: 'map',
  _documentCount: 'number',
  _nextId: 'number',
  _dirtCount: 'number',
  addDocumentId: 'function',
  addFieldLength: 'function',
  saveStoredFields: 'function',
};

function kindOf(value: unknown): string {
  if (value instanceof Map) return 'map';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** What is missing or changed, or null when every private field the index reads is there. */
export function missingInternals(mini: object): string | null {
  const fields = mini as Record<string, unknown>;
  const index = fields._index as Partial<Record<string, unknown>> | undefined;
  if (!index || !(index._tree instanceof Map)) return '_index._tree (the radix tree of terms)';
  for (const method of ['get', 'set', 'fuzzyGet', 'atPrefix', 'values', 'entries']) {
    if (typeof index[method] !== 'function') return `_index.${method}()`;
  }
  for (const [name, kind] of Object.entries(SHAPE)) {
    if (kindOf(fields[name]) !== kind) return `${name} (${kind} expected)`;
  }
  return null;
}

/** A MiniSearch instance's private fields, checked. */
export function internalsOf(mini: MiniSearch<IndexDoc>): Internals {
  const missing = missingInternals(mini);
  if (missing) {
    throw new Error(
      `searchIndex: MiniSearch's private ${missing} is missing or changed; ` +
        'src/index/internals.ts is written against MiniSearch 7.2: install 7.2 or update it',
    );
  }
  return mini as unknown as Internals;
}

internalsOf(new MiniSearch<IndexDoc>(INDEX_OPTIONS));

/** The root of a SearchableMap's radix tree (its private `_tree`). */
export function treeOf(map: SearchableMap<unknown>): RadixNode {
  const tree = (map as unknown as { _tree?: unknown })._tree;
  if (!(tree instanceof Map)) {
    throw new Error(
      "searchIndex: MiniSearch's SearchableMap has no private _tree; see src/index/internals.ts",
    );
  }
  return tree as RadixNode;
}

treeOf(new SearchableMap());
