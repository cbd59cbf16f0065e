import type { Article, Corpus, Sentence } from '../corpus/types.js';
import { withSentenceCaches } from './geo.js';
import { agreement } from './kinds/agreement.js';
import { SENTENCE_KINDS } from './kinds/index.js';
import { meeting } from './kinds/meeting.js';
import { person } from './kinds/person.js';
import { statement } from './kinds/statement.js';
import { trade as tradeKind } from './kinds/trade.js';
import { buildPeople, type Person, type PersonRef, peopleIn, surnameIndex } from './people.js';
import { type Fact, type Facts, factSchema } from './types.js';

export type { Fact, Facts } from './types.js';

/**
 * Extracts every fact of the corpus: people first (the other kinds refer to
 * them), then meetings (which can date an undated article), then trade,
 * agreements, and the money, percentages and dates of each sentence.
 */
export function extractFacts(corpus: Corpus): Facts {
  return withSentenceCaches(() => extractAll(corpus));
}

function extractAll(corpus: Corpus): Facts {
  const { articles } = corpus;
  const people = buildPeople(articles);
  const refs = new Map<number, PersonRef[]>();
  // The people an article introduces with a role are the ones its "the Kazakh President" can mean.
  const introduced = new Map<string, Person[]>();
  for (const p of people) {
    for (const r of p.roles) {
      const list = introduced.get(r.sentence.file) ?? [];
      if (!list.includes(p)) introduced.set(r.sentence.file, [...list, p]);
    }
  }
  const bySurname = surnameIndex(people);
  for (const article of articles) {
    const inArticle = introduced.get(article.file) ?? [];
    for (const s of article.sentences) refs.set(s.id, peopleIn(s, people, inArticle, bySurname));
  }
  const refsOf = (s: Sentence) => refs.get(s.id) ?? [];

  const { meetings, inferredDates } = meeting.extract(articles, refsOf);
  const dateOf = (a: Article) => ({
    date: a.meta.date ?? inferredDates.get(a)?.date ?? null,
    inferred: !a.meta.date && inferredDates.has(a),
  });

  const trade = articles.flatMap((a) => tradeKind.extract(a, dateOf(a)));
  const agreements = agreement.extract(articles, refsOf, (a) => dateOf(a).date, meetings);
  const mentions = new Map<Person, Sentence[]>();
  for (const s of corpus.sentences) {
    for (const r of refs.get(s.id) ?? []) mentions.set(r.person, [...(mentions.get(r.person) ?? []), s]);
  }
  const personFacts = person.extract(people, mentions);
  const perSentence = articles.flatMap((a) => {
    const date = dateOf(a).date;
    return a.sentences.flatMap((s) => SENTENCE_KINDS.flatMap((k): Fact[] => k.fromSentence(s, date)));
  });

  // Speakers are resolved against the people's references.
  const statements = statement.extract(articles, refsOf);
  const all = [...personFacts, ...trade, ...agreements, ...meetings, ...perSentence, ...statements].map((f) =>
    factSchema.parse(f),
  );
  return {
    all,
    people: personFacts,
    trade,
    agreements,
    meetings,
    statements,
    inferredDates: [...inferredDates].map(([a, d]) => ({ file: a.file, date: d.date, from: d.from })),
  };
}
