import { parseArticle } from '../../src/corpus/load.js';
import type { Article, Sentence } from '../../src/corpus/types.js';
import { buildPeople, type PersonRef, peopleIn } from '../../src/facts/people.js';

/** Articles from texts (file names 0.txt, 1.txt, …), with the people they name resolved per sentence. */
export function articlesOf(...texts: string[]): {
  articles: Article[];
  refsOf: (s: Sentence) => PersonRef[];
} {
  const articles: Article[] = [];
  let id = 0;
  texts.forEach((text, i) => {
    const a = parseArticle(text, `${i}.txt`, `/${i}.txt`, i, id);
    id += a.sentences.length;
    articles.push(a);
  });
  const people = buildPeople(articles);
  return { articles, refsOf: (s) => peopleIn(s, people, people) };
}
