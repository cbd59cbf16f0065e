import { loadCorpus } from '../src/corpus/load.js';
import type { Corpus } from '../src/corpus/types.js';

/** Loads several corpus folders as one corpus (for evaluating seeds and held-out articles together). */
export async function loadCorpora(dirs: readonly string[], root = process.cwd()): Promise<Corpus> {
  const merged: Corpus = { dir: root, articles: [], sentences: [], warnings: [], hash: '' };
  for (const dir of dirs) {
    const corpus = await loadCorpus(dir, { root });
    if ('error' in corpus) throw new Error(corpus.error);
    for (const article of corpus.articles) {
      const index = merged.articles.length;
      const sentences = article.sentences.map((s) => ({
        ...s,
        id: merged.sentences.length + s.id - article.sentences[0]!.id,
        article: index,
      }));
      merged.articles.push({ ...article, sentences });
      merged.sentences.push(...sentences);
    }
    merged.warnings.push(...corpus.warnings);
    merged.hash += corpus.hash;
  }
  return merged;
}
