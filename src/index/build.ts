import MiniSearch, { type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { fold } from '../text/normalize.js';
import { internalsOf, type TermData } from './internals.js';
import { INDEX_OPTIONS, type IndexDoc, processTerm } from './options.js';
import { STEP, type Steps } from './steps.js';

/**
 * Bulk loading. Reads and writes MiniSearch's private `_options`,
 * `_idToShortId`, `_fieldIds`, `_documentCount` and `_index`, and calls its
 * private `addDocumentId`, `addFieldLength` and `saveStoredFields` (see
 * internals.ts): MiniSearch's own `addAll` took 1.9× as long on SOTU ×1.
 */

/** Folded surface words of the corpus → their keys. */
export type SurfaceWords = Map<string, string>;

export function* spellingSteps(surface: SurfaceWords): Steps<SearchableMap<string>> {
  const spellings = new SearchableMap<string>();
  let n = 0;
  for (const [word, key] of surface) {
    spellings.set(word, key);
    if (++n % (STEP * 4) === 0) yield;
  }
  return spellings;
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

/** A MiniSearch over the documents, and the surface words its term processing met. */
export function* miniSearchSteps(
  docs: readonly IndexDoc[],
): Steps<{ mini: MiniSearch<IndexDoc>; surface: SurfaceWords }> {
  const surface: SurfaceWords = new Map();
  const recording = recordingOptions(surface);
  const mini = new MiniSearch<IndexDoc>(recording.options);
  yield* addAllSteps(mini, docs);
  recording.done();
  return { mini, surface };
}
