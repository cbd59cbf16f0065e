import type { Topics } from './corpus/topics.js';
import type { Article, Corpus, Sentence } from './corpus/types.js';
import type { Facts } from './facts/index.js';
import type { IndexedFact } from './facts/kinds/index.js';
import type { TradeLine } from './facts/tradeSummary.js';
import type { SearchIndex } from './index/searchIndex.js';
import type { Lexicon } from './text/lexicon.js';

/**
 * What an engine is: its data, and how an index document id names a sentence
 * or a fact. How an engine is made, loaded, rebuilt and swapped is
 * src/engine.ts (which re-exports all of this).
 */

export interface EngineStats {
  files: number;
  sentences: number;
  /** Facts in the index (people, trade figures, agreements, meetings). */
  facts: number;
  /** Files skipped, with why. */
  skipped: number;
  /** Earliest and latest article date, when any article is dated. */
  dateRange: [string, string] | null;
  /** Time to extract the facts, in ms. */
  factMs: number;
  /** Time to build the index (or load its snapshot), in ms. */
  buildMs: number;
  /** Whether the index was built or loaded from a snapshot. */
  indexFrom: 'built' | 'snapshot';
  /** What became of the snapshot, when one was asked for. */
  snapshot?: string;
  /** Why the snapshot was damaged (not merely out of date), when it was: worth a warning. */
  snapshotDamaged?: string;
}

/** Everything a command needs to answer: the corpus, its index and settings. */
export interface Engine {
  corpus: Corpus;
  /** Every extracted fact. */
  facts: Facts;
  /** Trade figures merged across articles (what /trade shows). */
  trade: TradeLine[];
  /** The facts in the index, in index order: document id = sentence count + position. */
  indexedFacts: IndexedFact[];
  index: SearchIndex;
  /** Base of source links (`SOURCE_BASE_URL`), or null for plain `file:line`. */
  sourceBaseUrl: string | null;
  /** What the corpus talks about most, for "not found" hints. */
  topics: Topics;
  /** Related words questions are expanded with (one table, read once, shared by every engine). */
  lexicon: Lexicon;
  /** Lookups derived from the data above: made by the build, or once on first use. */
  derived: EngineDerived;
  stats: EngineStats;
}

/** Keys of the people's names, for questions about a person (see src/answer/ask.ts). */
export interface PeopleKeys {
  /** Keys of every word of the people's names and aliases. */
  names: Set<string>;
  /** Keys of the words of their names proper (not aliases, not countries): a question naming one is about that person. */
  people: Set<string>;
  /** Those words as spelled (see PlanOptions.peopleSpelled). */
  peopleSpelled: Set<string>;
}

/** The corpus's words, for reading the details of a claim (see src/answer/claimDetails.ts). */
export interface ClaimVocabulary {
  /** Keys of words the articles write in lower case: common words, never names. */
  common: ReadonlySet<string>;
  /** Keys of every word the articles use. */
  all: ReadonlySet<string>;
  /** Keys of the people's names. */
  persons: ReadonlySet<string>;
}

/**
 * Data derived from an engine's corpus, facts and index, held by the engine
 * so it lives and dies with it. What answer code needs only for some
 * questions is filled there on first use, once per engine.
 */
export interface EngineDerived {
  /** Each article by its file. */
  articleByFile: ReadonlyMap<string, Article>;
  /** Per answer type, 1 or 0 per index document: whether it holds such an answer (src/answer/answerType.ts). */
  documentsWith: Map<string, Uint8Array>;
  /** The people's name keys, on the first question (src/answer/ask.ts). */
  peopleKeys?: PeopleKeys;
  /** The corpus's words for /check, on the first check (src/answer/claimDetails.ts). */
  claimVocabulary?: ClaimVocabulary;
  /** The index whose sentence documents were checked to be the corpus's sentences (src/answer/rank.ts). */
  sentencesCheckedIndex?: SearchIndex;
  /** Per sentence, read on first need: the keys of the words a number counts ("27 documents") (src/answer/rank.ts). */
  countedWords?: Array<ReadonlySet<string> | undefined>;
  /** Per sentence, read on first need: each key of a list of things, and whether it only stands as a list item. */
  listedWords?: Array<ReadonlyMap<string, boolean> | undefined>;
}

/**
 * Index document ids: the corpus's sentences by their id (0 to n - 1), then
 * the facts in index order (n + their position). These functions are the one
 * place that knows it.
 */
type IdSpace = Pick<Engine, 'corpus' | 'indexedFacts'>;

/** What an index document holds: a sentence of the corpus, or a fact. */
export type IndexedDoc = { kind: 'sentence'; sentence: Sentence } | { kind: 'fact'; fact: IndexedFact };

/** Whether an index document id is a fact's (not a sentence's). */
export function isFactId(engine: Pick<Engine, 'corpus'>, id: number): boolean {
  return id >= engine.corpus.sentences.length;
}

/** The fact an index document id holds; undefined for a sentence's id (or none). */
export function factOf(engine: IdSpace, id: number): IndexedFact | undefined {
  return isFactId(engine, id) ? engine.indexedFacts[id - engine.corpus.sentences.length] : undefined;
}

/** The index document id of the fact at `position` in `indexedFacts`. */
export function factDocId(engine: Pick<Engine, 'corpus'>, position: number): number {
  return engine.corpus.sentences.length + position;
}

/** The sentence or fact an index document id holds; undefined for an id of neither. */
export function docOf(engine: IdSpace, id: number): IndexedDoc | undefined {
  if (!isFactId(engine, id)) {
    const sentence = engine.corpus.sentences[id];
    return sentence && { kind: 'sentence', sentence };
  }
  const fact = factOf(engine, id);
  return fact && { kind: 'fact', fact };
}
