import type { Article, Corpus, Sentence } from '../corpus/types.js';
import { withSentenceCaches } from './geo.js';
import { type Facts, KINDS } from './kinds/index.js';
import type { ExtractContext, FactKind, InferredDate } from './kinds/kind.js';
import { buildPeople, type Person, type PersonRef, peopleIn, surnameIndex } from './people.js';

export type { Fact, Facts } from './kinds/index.js';

/**
 * Extracts every fact of the corpus. The people come first (every kind refers
 * to them); then each kind of src/facts/kinds/index.ts, each after the kinds
 * it `needs` (meetings date undated articles, so the kinds that date by
 * article follow them).
 */
export function extractFacts(corpus: Corpus): Facts {
  return withSentenceCaches(() => extractWith(corpus, KINDS as unknown as readonly AnyKind[]) as Facts);
}

type AnyKind = FactKind<string, { kind: string }> & { field?: string };

/** The people of the corpus and the ones each sentence refers to. */
function peopleContext(corpus: Corpus) {
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
  const mentions = new Map<Person, Sentence[]>();
  for (const s of corpus.sentences) {
    for (const r of refs.get(s.id) ?? []) mentions.set(r.person, [...(mentions.get(r.person) ?? []), s]);
  }
  return {
    people,
    refsOf: (s: Sentence) => refs.get(s.id) ?? [],
    mentionsOf: (p: Person) => mentions.get(p) ?? [],
  };
}

/**
 * Every fact of the given kinds (extractFacts passes the registry's; a test
 * passes its own list), each kind's facts checked with its own schema and
 * kept in its field, and all of them in `all` in the list's order.
 */
export function extractWith(corpus: Corpus, kinds: readonly AnyKind[]): Record<string, unknown> {
  const kindNamed = (name: string): AnyKind => {
    const found = kinds.find((k) => k.kind === name);
    if (!found) throw new Error(`no fact kind named ${name}`);
    return found;
  };
  const inferredDates = new Map<Article, InferredDate>();
  const done = new Map<string, readonly { kind: string }[]>();
  const ctx: ExtractContext = {
    corpus,
    articles: corpus.articles,
    ...peopleContext(corpus),
    dateOf: (a) => ({
      date: a.meta.date ?? inferredDates.get(a)?.date ?? null,
      inferred: !a.meta.date && inferredDates.has(a),
    }),
    factsOf: <F extends { kind: string }>(kind: F['kind']) => {
      const found = done.get(kind);
      if (!found) throw new Error(`facts of kind ${kind} asked for before they were extracted`);
      return found as unknown as readonly F[];
    },
  };
  const run = (k: AnyKind, path: readonly string[]): void => {
    if (done.has(k.kind)) return;
    if (path.includes(k.kind))
      throw new Error(`fact kinds need each other: ${[...path, k.kind].join(' → ')}`);
    for (const need of k.needs ?? []) run(kindNamed(need), [...path, k.kind]);
    const out = k.extract(ctx);
    if ('inferredDates' in out) for (const [a, d] of out.inferredDates) inferredDates.set(a, d);
    done.set(k.kind, 'facts' in out ? out.facts : out);
  };
  for (const k of kinds) run(k, []);

  const facts: Record<string, unknown> = {
    // Checked against the kind's schema (which also drops any field an extractor keeps for itself).
    all: kinds.flatMap((k) => done.get(k.kind)!.map((f) => k.schema.parse(f))),
    inferredDates: [...inferredDates].map(([a, d]) => ({ file: a.file, date: d.date, from: d.from })),
  };
  for (const k of kinds) if (k.field) facts[k.field] = done.get(k.kind);
  return facts;
}
