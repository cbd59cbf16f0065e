import type { Article, Sentence } from '../corpus/types.js';
import { fold, transliterationFold } from '../text/normalize.js';
import {
  ABBREVIATIONS,
  type AgreementMention,
  ANAPHOR,
  agreementMentions,
  INTERCHANGEABLE,
  JOINT_TYPES,
  MAYBE_TYPE,
  PAST_SIGNED,
  PLANNED,
  SIGNED,
  TYPE_WORD,
} from './agreementMentions.js';
import { datesIn } from './dates.js';
import { capitalOf, countriesIn } from './geo.js';
import type { Person, PersonRef } from './people.js';
import { articlePair } from './tradePair.js';
import type { AgreementFact, FactDate, FactSource, Participant } from './types.js';

/**
 * Agreements: treaties, agreements, declarations, memoranda, programmes.
 * A document is recognised by its type word and named by the words around
 * it ("Treaty on Allied Relations", "agreement on allied relations",
 * "Allied Relations Treaty" → one document, keyed by its topic words and the
 * period it covers). A later "the treaty" / "the signing" in the same
 * article refers back to the last one named.
 */

function source(sentence: Sentence): FactSource {
  return { file: sentence.file, line: sentence.line, text: sentence.text };
}

function sameDocument(
  a: Pick<AgreementMention, 'type' | 'topic' | 'period' | 'parties'>,
  b: Pick<AgreementMention, 'type' | 'topic' | 'period' | 'parties'>,
): boolean {
  const typesMatch = a.type === b.type || (INTERCHANGEABLE.has(a.type) && INTERCHANGEABLE.has(b.type));
  if (!typesMatch || a.period !== b.period) return false;
  // A Treaty on Allied Relations between two other countries is another treaty.
  if (a.parties && b.parties && a.parties !== b.parties) return false;
  const x = new Set(a.topic);
  const shared = b.topic.filter((t) => x.has(t)).length;
  return (
    shared > 0 &&
    shared >= Math.min(a.topic.length, b.topic.length) &&
    shared * 2 >= Math.max(a.topic.length, b.topic.length)
  );
}

interface Draft {
  mentions: AgreementMention[];
  status: AgreementFact['status'];
  signatories: Map<string, Participant>;
  parties: Set<string>;
  place: string | null;
  date: FactDate | null;
  sources: FactSource[];
}

/** People referred to in a sentence, with the sentence they were found in (from the people module). */
export type PeopleOf = (sentence: Sentence) => PersonRef[];

function participant(person: Person): Participant {
  const role =
    person.roles.find((r) => r.country === person.country)?.title ?? person.roles[0]?.title ?? null;
  return { id: person.id, name: person.name, role, country: person.country };
}

function placeIn(text: string): string | null {
  const m = /\b(?:in|at)\s+([\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)/u.exec(text);
  if (!m) return null;
  const place = m[1]!.replace(/['’]s$/, '');
  return capitalOf(place) || countriesIn(place).length > 0 ? place : null;
}

function statusOf(text: string): AgreementFact['status'] | null {
  if (PLANNED.test(text)) return 'planned';
  if (PAST_SIGNED.test(text)) return 'signed';
  return null;
}

/** The date nearest the signing verb: "the 2017 agreement was signed on March 9, 2018" is dated 2018. */
function signingDate(text: string, articleDate: string | null): FactDate | null {
  const at = text.search(SIGNED);
  // "signed the treaty, which had been drafted in 2017": a date in a clause of its own is not the signing's.
  // Nor is one another verb governs: "the treaty, drafted in 2017, was signed".
  const own = (x: { index: number }) =>
    !/\b(?!signed\b|inked\b|concluded\b)\p{L}+ed\s+(?:\p{L}+\s+){0,2}$/iu.test(
      text.slice(Math.max(0, x.index - 30), x.index),
    ) &&
    (x.index < at || !/,\s*(?:which|that|who|whose|while|after|before|as)\b/i.test(text.slice(at, x.index)));
  const d = datesIn(text, articleDate)
    .filter((x) => x.endIso === null && own(x))
    .sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at))[0];
  if (!d) return null;
  return { iso: d.iso, display: d.display, from: d.yearFrom ?? 'none' };
}

/**
 * Agreements of the whole corpus, one record per document, with status,
 * signatories, place, date and every sentence that names it.
 */
export function extractAgreements(
  articles: readonly Article[],
  peopleOf: PeopleOf,
  dateOf: (article: Article) => string | null = (a) => a.meta.date,
): AgreementFact[] {
  const drafts: Draft[] = [];
  // Drafts by topic word: a new mention is compared only with documents sharing a word with it.
  const byTopic = new Map<string, Draft[]>();
  // A declaration named in full and as "the Joint Declaration" in one article is one document.
  let inArticle: Draft[] = [];
  const unnamed = (x: AgreementMention) => x.topic.every((t) => t === 'joint') && x.period === null;
  const draftOf = (m: AgreementMention) => {
    const candidates = new Set(m.topic.flatMap((t) => byTopic.get(t) ?? []));
    let d =
      [...candidates].find((x) => x.mentions.some((y) => sameDocument(y, m))) ??
      inArticle.find(
        (x) =>
          x.mentions.some((y) => y.type === m.type) &&
          JOINT_TYPES.has(m.type) &&
          (unnamed(m) || x.mentions.every(unnamed)),
      );
    if (!d) {
      d = {
        mentions: [],
        status: 'mentioned',
        signatories: new Map(),
        parties: new Set(),
        place: null,
        date: null,
        sources: [],
      };
      drafts.push(d);
    }
    if (!inArticle.includes(d)) inArticle.push(d);
    for (const t of m.topic) {
      const list = byTopic.get(t) ?? [];
      if (!list.includes(d)) byTopic.set(t, [...list, d]);
    }
    return d;
  };
  const note = (d: Draft, sentence: Sentence, text: string, articleDate: string | null) => {
    if (
      !d.sources.some((s) => s.file === sentence.file && s.line === sentence.line && s.text === sentence.text)
    ) {
      d.sources.push(source(sentence));
    }
    const status = statusOf(text);
    if (status === 'signed' || (status === 'planned' && d.status === 'mentioned')) d.status = status;
    if (status === 'signed' && SIGNED.test(text)) {
      for (const ref of peopleOf(sentence)) {
        if (/\bsigned\b/i.test(text) && text.indexOf(ref.text) < text.search(/\bsigned\b/i)) {
          d.signatories.set(ref.person.id, participant(ref.person));
        }
      }
      d.date ??= signingDate(text, articleDate);
    }
    d.place ??= SIGNED.test(text) ? placeIn(text) : null;
  };
  // The parties are those of the sentence naming the document (another sentence's countries are
  // not its parties); a sentence naming fewer than two takes the article's pair.
  const partiesFrom = (d: Draft, sentence: Sentence, pair: [string, string] | null) => {
    let named = new Set(countriesIn(sentence.text).map((c) => c.country));
    if (pair?.every((c) => named.has(c))) named = new Set(pair);
    if (named.size < 2 && pair && [...named].every((c) => pair.includes(c)))
      for (const c of pair) named.add(c);
    for (const c of named) d.parties.add(c);
  };

  for (const article of articles) {
    inArticle = [];
    let last: Draft | null = null;
    // "They signed several new agreements last year. These included a memorandum …":
    // documents listed right after an unnamed group take the group's status and date.
    let group: Sentence | null = null;
    const pair = articlePair(article);
    for (const sentence of article.sentences) {
      const mentions = agreementMentions(sentence).map((m) => ({
        ...m,
        parties: pair ? pair.join('|') : null,
      }));
      const listed =
        group !== null &&
        /^(?:these|they|those|the documents)\s+(?:included|include|were|are|comprise[sd]?)\b/i.test(
          sentence.text,
        );
      for (const m of mentions) {
        const d = draftOf(m);
        d.mentions.push(m);
        if (listed && group) note(d, group, group.text, dateOf(article));
        note(d, sentence, sentence.text, dateOf(article));
        partiesFrom(d, sentence, pair);
        last = d;
      }
      group =
        mentions.length === 0 &&
        MAYBE_TYPE.test(sentence.text) &&
        TYPE_WORD.test(sentence.text) &&
        statusOf(sentence.text)
          ? sentence
          : null;
      TYPE_WORD.lastIndex = 0;
      if (mentions.length === 0 && last && ANAPHOR.test(sentence.text)) {
        note(last, sentence, sentence.text, dateOf(article));
      }
    }
  }
  return drafts.map((d) => toFact(d));
}

function toFact(d: Draft): AgreementFact {
  // The name most often used, preferring a capitalised (proper) name.
  // An abbreviation ("FTA") names the document only when the article never spells it out.
  const names = new Map<string, number>();
  for (const m of d.mentions)
    names.set(
      m.name,
      (names.get(m.name) ?? 0) +
        (ABBREVIATIONS[m.name] ? 0.1 : /^\p{Lu}\p{Ll}*\s+(?:on|of)\s+\p{Lu}/u.test(m.name) ? 2 : 1),
    );
  const name = [...names.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]![0];
  const first = d.mentions[0]!;
  const type = [...new Set(d.mentions.map((m) => m.type))].sort((a, b) =>
    a === 'treaty' ? -1 : b === 'treaty' ? 1 : 0,
  )[0]!;
  const id = transliterationFold(
    fold(`${type}-${first.topic.join('-')}${first.period ? `-${first.period}` : ''}`),
  ).replace(/[^a-z0-9-]+/g, '-');
  const signatories = [...d.signatories.values()];
  // Best quote first: a sentence that names the document, says it was signed, and by whom.
  const quality = (src: FactSource) =>
    (d.mentions.some((m) => m.sentence.text === src.text) ? 2 : 0) +
    (PAST_SIGNED.test(src.text) ? 2 : 0) +
    signatories.filter((p) => src.text.includes(p.name.split(' ').at(-1)!)).length;
  const sources = [...d.sources].sort((a, b) => quality(b) - quality(a));
  const fact: Omit<AgreementFact, 'statement'> = {
    kind: 'agreement',
    id,
    name,
    type,
    aliases: [...new Set(d.mentions.map((m) => m.name))],
    status: d.status,
    signatories,
    parties: [...d.parties].sort(),
    place: d.place,
    date: d.date,
    period: first.period,
    count: null,
    source: sources[0]!,
    sources,
  };
  return { ...fact, statement: agreementStatement(fact) };
}

/** The one-line statement of an agreement. */
export function agreementStatement(fact: Omit<AgreementFact, 'statement'>): string {
  const parts = [fact.name];
  if (fact.period && !fact.name.includes(fact.period)) parts.push(`(${fact.period})`);
  const signed = fact.type === 'diplomatic relations' ? 'established' : 'signed';
  const status = fact.status === 'signed' ? signed : fact.status === 'planned' ? 'planned' : null;
  const by = fact.signatories.length > 0 ? ` by ${fact.signatories.map((s) => s.name).join(' and ')}` : '';
  const where = fact.place ? ` in ${fact.place}` : '';
  const when = fact.date ? ` (${fact.date.display})` : '';
  if (status) parts.push(`— ${status}${by}${where}${when}`);
  return parts.join(' ');
}
