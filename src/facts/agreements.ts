import type { Article, Sentence } from '../corpus/types.js';
import { fold, isStopWord, termKey, transliterationFold } from '../text/normalize.js';
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

const TYPES: Record<string, string> = {
  treaty: 'treaty',
  treaties: 'treaty',
  agreement: 'agreement',
  agreements: 'agreement',
  accord: 'agreement',
  accords: 'agreement',
  pact: 'agreement',
  convention: 'convention',
  declaration: 'declaration',
  memorandum: 'memorandum',
  memoranda: 'memorandum',
  mou: 'memorandum',
  program: 'programme',
  programme: 'programme',
  programs: 'programme',
  programmes: 'programme',
  protocol: 'protocol',
  roadmap: 'roadmap',
  'road map': 'roadmap',
  'road maps': 'roadmap',
  // Only with words of their own and signed, dated or named (POLICY_TYPES): "a contract worth $5 million" is none.
  contract: 'contract',
  contracts: 'contract',
  arrangement: 'arrangement',
  arrangements: 'arrangement',
  // A plan is a document only when signed with words of its own or dated ("plan of consultations … was signed").
  plan: 'plan',
  charter: 'charter',
  // A letter of intent is signed like a memorandum: "signed a letter of intent to work towards …".
  'letter of intent': 'letter of intent',
  'letters of intent': 'letter of intent',
  // Abbreviations, in capitals only (ABBREVIATIONS): "signed their FTA in 2005".
  fta: 'agreement',
  cepa: 'agreement',
  bit: 'treaty',
  // Only after "joint" (see agreementMentions): a "statement" alone is something said.
  statement: 'joint statement',
  communique: 'joint communiqué',
  communiqué: 'joint communiqué',
  communiques: 'joint communiqué',
  communiqués: 'joint communiqué',
};

/** What a document's abbreviation stands for, so "the FTA" and "the Free Trade Agreement (FTA)" are one document. */
const ABBREVIATIONS: Record<string, string> = {
  FTA: 'free trade agreement',
  CEPA: 'comprehensive economic partnership agreement',
  BIT: 'bilateral investment treaty',
};

const COUNT_BEFORE =
  /(?<![\p{L}\p{N}.,])(?:[2-9]|\d{2,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s+(?:(?:new|more|key|important|bilateral|intergovernmental|cooperation|other)\s+)*$/iu;

/** A cheap test that a sentence may name a document, before TYPE_WORD (slower: Unicode lookarounds) runs. */
const MAYBE_TYPE =
  /treat|agree|accord|pact|conven|declar|memoran|mou|program|protocol|road\s?map|plan|charter|statement|communiq|contract|arrangement|letters? of intent|FTA|CEPA|BIT/i;

/** Documents two sides issue together: one per event, however an article names it. */
const JOINT_TYPES = new Set(['declaration', 'joint statement', 'joint communiqué']);

/** Type words whose agreements are the same document when their topic is the same. */
const INTERCHANGEABLE = new Set(['treaty', 'agreement', 'convention', 'charter']);

// Letter lookarounds, not \b: "communiqué" ends in a letter \b does not know.
const TYPE_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(${Object.keys(TYPES)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replaceAll(' ', '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Words that say nothing about which document it is. */
const GENERIC = new Set(
  [
    'historic',
    'new',
    'several',
    'key',
    'important',
    'bilateral',
    'the',
    'a',
    'an',
    'this',
    'that',
    'these',
    'those',
    'such',
    'relevant',
    'previous',
    'previously',
    'reached',
    'signed',
    'draft',
    'landmark',
    'two',
    'both',
    'other',
    'further',
    'all',
    'number',
    'high-level',
    'level',
    'highest',
    'said',
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'another',
    'one',
    'final',
  ].map(termKey),
);

const SIGNED = /\b(signed|signing|sign|inked|concluded|initialled|initialed|ratified|entered into force)\b/i;
const PLANNED =
  /\b(set to be (?:signed|concluded)|to be (?:signed|concluded)|will (?:be )?sign(?:ed)?|plan(?:s|ned)? to sign|draft|expected to (?:be )?sign(?:ed)?|to sign|would sign|upcoming)\b/i;
const PAST_SIGNED =
  /\b((?:have|has|had) (?:\w+ )?signed|was signed|were signed|signed (?:a|an|the|several|two|three|\d+|in|on)|(?:the )?signing of [^.;,]* (?:last|in \d{4})|witnessed the signing|signing ceremony (?:for|of)|inked|concluded|ratified)\b/i;
const ANAPHOR =
  /\b(?:the|this) (?:new |historic |landmark )?(treaty|agreement|accord|pact|document|signing|memorandum|declaration)\b/i;

export interface AgreementMention {
  name: string;
  type: string;
  /** Topic keys: the words that identify the document. */
  topic: string[];
  period: string | null;
  index: number;
  sentence: Sentence;
  /** The two countries of the article it is named in ("Kazakhstan|Tajikistan"), when the article has a pair. */
  parties: string | null;
}

/** Content keys of a phrase, minus generic words and type words. */
function topicKeys(phrase: string): string[] {
  return [
    ...new Set(
      (phrase.replace(/\broad\s+maps?\b/gi, ' ').match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [])
        .filter((w) => !isStopWord(w) && !TYPES[w.toLowerCase()])
        .map((w) => termKey(w))
        .filter((k) => !GENERIC.has(k)),
    ),
  ];
}

const capitalised = (w: string) => /^\p{Lu}/u.test(w);

/**
 * Reads the name around a type word: capitalised words before it ("Allied
 * Relations Treaty", "Cooperation Program"), and after it "on/of/for/between …"
 * up to the end of the phrase ("Treaty on Allied Relations", "program for
 * cooperation between the Ministries of Foreign Affairs for 2023-2025").
 */
function nameAround(text: string, start: number, end: number): { name: string; from: number } {
  const head = text.slice(0, start);
  // Whole words only: the "on" of "cooperation" is not a connective.
  const before = head.match(/((?:(?<![\p{L}\p{N}-])(?:[\p{Lu}][\p{L}-]*|of|on|and|for)\s+)*)$/u)?.[1] ?? '';
  // "a 10-year agreement": a number joined to its word is a modifier too.
  const lead = head.match(/((?:(?:\p{N}+-)?[\p{L}-]+\s+){0,3})$/u)?.[1] ?? '';
  // Lower-case modifiers: "sister city agreement", "a memorandum of cooperation"
  const modifiers = lead
    .split(/\s+/)
    .filter(Boolean)
    .reverse()
    .filter((_w, i, all) =>
      all.slice(0, i + 1).every(
        (x) =>
          !isStopWord(x) &&
          !/^\p{Lu}/u.test(x) &&
          !GENERIC.has(termKey(x)) &&
          // Gerunds and adverbs do not name a document: "administering programs", "gradually".
          !/(?:ing|ly)$/.test(x),
      ),
    )
    .slice(-2)
    .reverse()
    .join(' ');
  // "And the Treaty …", "of Allied Relations Treaty": a name starts with a word of its own.
  const capitalisedLead = before
    .trim()
    .replace(/^(?:(?:of|on|and|for|the|an?|another|one|each)(?:\s+|$))+/i, '')
    .replace(/(?:^|\s+)(?:of|on|and|for)$/i, '');
  // "a “strategic defence partnership framework agreement”": a name in quotes is the whole quote.
  const quoted = /[“"‘]([^“”"‘’]{1,80})$/u.exec(head)?.[1];
  const inQuotes = quoted !== undefined && /^[”"’]/u.test(text.slice(end)) ? quoted.trim() : '';
  const prefix = inQuotes || capitalisedLead || modifiers;
  const tail = text.slice(end);
  const after =
    tail.match(
      /^\s+(?:on(?!\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\d)\b)|of|for|between|regarding|concerning)\s+(?:[^,;.()]|\.(?=\d))+?(?=\s+(?:(?:was|were|is|are|will|would|has|have|had|set|that|which|who|to be|marking|signed|worth|valued at|totall?ing|amounting to|(?:last|this|next) year|in (?:19|20)\d{2}|aimed|designed|intended|indicated|providing|during|within|in the presence)(?![\p{L}\p{N}])|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{1,2}\b|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d)|for (?:signing|ratification|approval|adoption|consideration)\b|and (?:the|an?)\b(?!\s+\p{Lu})|and (?:the\s+|an?\s+)?(?:(?!and\s)[\p{L}-]+\s+){0,3}?(?:[Tt]reaty|[Aa]greement|[Mm]emorandum|MoU|MOU|[Pp]rotocol|[Dd]eclaration|[Rr]oadmap|[Rr]oad [Mm]ap|[Pp]rogram(?:me)?|[Pp]lan|[Cc]onvention|[Cc]harter|[Cc]ontract|[Aa]rrangement)\b)|\s[-–—]\s|[,;()]|\.(?!\d)|$)/u,
    )?.[0] ?? '';
  const name = `${prefix ? `${prefix} ` : ''}${text.slice(start, end)}${after}`.trim();
  return { name, from: start - (prefix ? prefix.length + 1 : 0) };
}

const PLURAL_TYPE =
  /^(?:treaties|agreements|accords|programs|programmes|memoranda|protocols|conventions|declarations|contracts|arrangements|road\s+maps|letters\s+of\s+intent)$/i;
/** Policy programmes are not documents unless named, dated or signed: "the summer school programs". */
const POLICY_TYPES = new Set(['programme', 'charter', 'roadmap', 'plan', 'contract', 'arrangement']);

/**
 * Whether a mention names one document. A singular treaty, agreement or
 * memorandum with words of its own does; plural words ("commercial
 * treaties") need a proper name; policy words ("innovative programs") need a
 * proper name, a period ("for 2026-2028"), or a sentence that signs or plans
 * them with a complement.
 */
function namesDocument(
  text: string,
  at: number,
  word: string,
  name: string,
  dated: boolean,
  type: string,
  from = at,
): boolean {
  const proper = /^\p{Lu}/u.test(word) && at > 0;
  const lead = name.slice(0, Math.max(0, name.toLowerCase().indexOf(word.toLowerCase())));
  const properLead =
    /^\p{Lu}/u.test(lead) && !/^\p{Lu}\p{Ll}*$/u.test(lead.trim())
      ? true
      : // A capital that only starts the sentence ("Trade agreements were concluded") is no proper name.
        /\s\p{Lu}/u.test(` ${lead.trim()}`) && from > 0;
  const isProper = proper || (properLead && lead.trim() !== '');
  if (PLURAL_TYPE.test(word) && !isProper) return false;
  const complement = /\s(?:on|of|for|between|with|regarding|concerning)\s/i.test(
    name.slice(name.toLowerCase().indexOf(word.toLowerCase())),
  );
  const status = SIGNED.test(text) || PLANNED.test(text);
  if (POLICY_TYPES.has(type)) return isProper || dated || (status && complement);
  // A singular treaty or agreement with words of its own ("the strategic partnership treaty") is one.
  return true;
}

/** Agreements named in one sentence. */
export function agreementMentions(sentence: Sentence): AgreementMention[] {
  const out: AgreementMention[] = [];
  if (!MAYBE_TYPE.test(sentence.text)) return out;
  for (const m of sentence.text.matchAll(TYPE_WORD)) {
    const word = m[1]!;
    const type = TYPES[word.toLowerCase().replace(/\s+/g, ' ')]!;
    const expansion = ABBREVIATIONS[word];
    // "bit", "Cepa": an abbreviation counts only in capitals.
    if (!expansion && /^(?:fta|cepa|bit)$/i.test(word)) continue;
    if (type === 'joint statement' && !/\bjoint\s+$/i.test(sentence.text.slice(0, m.index))) continue;
    // "Brazil and Argentina plan to create": the verb.
    if (type === 'plan' && /^\s+to\b/i.test(sentence.text.slice(m.index + word.length))) continue;
    // "the agreement on the cooperation plan for 2020": the plan is part of the agreement's name.
    const inside = out.at(-1);
    if (inside && m.index < inside.index + inside.name.length) continue;
    // "seven memoranda", "27 agreements": a number of documents (agreementGroups.ts), not one named.
    if (COUNT_BEFORE.test(sentence.text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const { name, from } = nameAround(sentence.text, m.index, m.index + word.length);
    const period = name.match(/\b((?:19|20)\d{2})\s?[-–]\s?((?:19|20)\d{2})\b/);
    const topic = topicKeys(
      (expansion ? name.replace(word, expansion) : name).replace(
        /\b(?:19|20)\d{2}\s?[-–]\s?(?:19|20)\d{2}\b/,
        '',
      ),
    );
    // A bare "agreements" (no topic, no period) is not a document we can name.
    if (topic.length === 0 && !period) continue;
    // "Collective Security Treaty Organization": an organisation, not an agreement.
    if (/^\s+(?:Organi[sz]ation|Alliance|Secretariat)\b/.test(sentence.text.slice(m.index + word.length)))
      continue;
    if (!namesDocument(sentence.text, m.index, word, name, period !== null, type, from)) continue;
    out.push({
      name: capitalised(name) ? name : name.charAt(0).toUpperCase() + name.slice(1),
      type,
      topic,
      period: period ? `${period[1]}-${period[2]}` : null,
      index: from,
      sentence,
      parties: null,
    });
  }
  return out;
}

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
