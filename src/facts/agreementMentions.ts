import type { Sentence } from '../corpus/types.js';
import { isStopWord, termKey } from '../text/normalize.js';

/**
 * Where a sentence names a document: its type word ("treaty", "memorandum", "joint statement"), the name
 * the words around it give ("Treaty on Allied Relations", "Allied Relations Treaty"), its topic keys and
 * the period it covers. agreements.ts merges the mentions into documents.
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
export const ABBREVIATIONS: Record<string, string> = {
  FTA: 'free trade agreement',
  CEPA: 'comprehensive economic partnership agreement',
  BIT: 'bilateral investment treaty',
};

const COUNT_BEFORE =
  /(?<![\p{L}\p{N}.,])(?:[2-9]|\d{2,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s+(?:(?:new|more|key|important|bilateral|intergovernmental|cooperation|other)\s+)*$/iu;

/** A cheap test that a sentence may name a document, before TYPE_WORD (slower: Unicode lookarounds) runs. */
export const MAYBE_TYPE =
  /treat|agree|accord|pact|conven|declar|memoran|mou|program|protocol|road\s?map|plan|charter|statement|communiq|contract|arrangement|letters? of intent|FTA|CEPA|BIT/i;

/** Documents two sides issue together: one per event, however an article names it. */
export const JOINT_TYPES = new Set(['declaration', 'joint statement', 'joint communiqué']);

/** Type words whose agreements are the same document when their topic is the same. */
export const INTERCHANGEABLE = new Set(['treaty', 'agreement', 'convention', 'charter']);

// Letter lookarounds, not \b: "communiqué" ends in a letter \b does not know.
export const TYPE_WORD = new RegExp(
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

export const SIGNED =
  /\b(signed|signing|sign|inked|concluded|initialled|initialed|ratified|entered into force)\b/i;
export const PLANNED =
  /\b(set to be (?:signed|concluded)|to be (?:signed|concluded)|will (?:be )?sign(?:ed)?|plan(?:s|ned)? to sign|draft|expected to (?:be )?sign(?:ed)?|to sign|would sign|upcoming)\b/i;
export const PAST_SIGNED =
  /\b((?:have|has|had) (?:\w+ )?signed|was signed|were signed|signed (?:a|an|the|several|two|three|\d+|in|on)|(?:the )?signing of [^.;,]* (?:last|in \d{4})|witnessed the signing|signing ceremony (?:for|of)|inked|concluded|ratified)\b/i;
export const ANAPHOR =
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
