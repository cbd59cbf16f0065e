import type { ArticleMeta } from './metadata.js';

export interface Sentence {
  /** Position in the corpus's sentence list; also the index document id. */
  id: number;
  /** The article's path as shown to users, relative to the project root. */
  file: string;
  /** 1-based line of the file where the sentence starts. */
  line: number;
  /** The sentence as written, whitespace folded. */
  text: string;
  /** Index of the article in `Corpus.articles`. */
  article: number;
  /** Paragraph number within the article, for showing context. */
  block: number;
}

export interface Article {
  /** Path shown to users and used in citations (`seeds/000_x.txt`). */
  file: string;
  /** Absolute path on disk. */
  path: string;
  /** File name without folders. */
  name: string;
  meta: ArticleMeta;
  /** Number of lines in the file. */
  lineCount: number;
  sentences: Sentence[];
  /** SHA-256 of the article's text: its part of the corpus hash. */
  digest: string;
}

export interface CorpusWarning {
  file: string;
  reason: string;
  /** The file does not parse now; its last good version is still indexed. */
  kept?: true;
}

export interface Corpus {
  /** Absolute path of the corpus folder. */
  dir: string;
  articles: Article[];
  sentences: Sentence[];
  /** Files that were skipped, one entry each, with why. */
  warnings: CorpusWarning[];
  /** Hash of every indexed file's name and bytes: the corpus's identity. */
  hash: string;
}
