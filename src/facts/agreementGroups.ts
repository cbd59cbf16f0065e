import type { Article, Sentence } from '../corpus/types.js';
import { NUMBER_WORDS, numberWordValue } from '../text/calendar.js';
import { fold } from '../text/normalize.js';
import { agreementStatement } from './agreements.js';
import { datesIn } from './dates.js';
import { countriesIn } from './geo.js';
import { meetingPlace } from './meetingPlaces.js';
import { articlePair } from './tradePair.js';
import type { AgreementFact, FactDate, FactSource } from './types.js';

/**
 * Agreement facts that name no one document: a number of documents signed
 * together ("27 documents were signed", "the two premiers witnessed the
 * signing of eight agreements") and the establishment of diplomatic
 * relations ("Georgia and Azerbaijan established diplomatic relations on
 * November 18, 1992").
 */

const GROUP_NOUN = String.raw`documents|agreements|memorand(?:a|ums)(?:\s+of\s+understanding)?|memorandum\s+of\s+understanding|MoUs?|MOUs?|deals|instruments|accords|treaties|pacts|protocols`;
/** "27 documents", "seven memorandum of understanding (MoUs)", "five cooperation agreements". */
const COUNTED = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(\d{1,3}|${NUMBER_WORDS.join('|')})\s+(?:(?:new|more|key|important|bilateral|intergovernmental|interstate|cooperation|trade|other)\s+)*(${GROUP_NOUN})(?![\p{L}])`,
  'giu',
);
/** Past signing, or its ceremony: "were signed", "signed", "the signing of", "inked". */
const SIGNING = /\b(?:signed|signing|inked|concluded|exchanged)\b/i;
const FUTURE = /\b(?:will|to be|expected|planned|plan(?:s)? to|would|set to)\b/i;

const RELATIONS =
  /\b(?:established|establish(?:ing|ment of)?|set up)\s+(?:formal\s+)?diplomatic (?:relations|ties)\b/i;

const source = (s: Sentence): FactSource => ({ file: s.file, line: s.line, text: s.text });

function countOf(word: string): number {
  const n = /^\d+$/.test(word) ? Number(word) : (numberWordValue(word) ?? 0);
  return n;
}

function dateNear(text: string, at: number, articleDate: string | null): FactDate | null {
  const d = datesIn(text, articleDate)
    .filter((x) => x.endIso === null && (x.iso !== null || x.monthDay !== null))
    .sort((a, b) => Math.abs(a.index - at) - Math.abs(b.index - at))[0];
  return d ? { iso: d.iso, display: d.display, from: d.yearFrom ?? 'none' } : null;
}

function pairOf(sentence: Sentence, pair: [string, string] | null): string[] {
  const named = [...new Set(countriesIn(sentence.text).map((c) => c.country))];
  // "China and Nauru signed in Hong Kong": a third place named is not a party.
  if (pair?.every((c) => named.includes(c))) return [...pair];
  if (named.length >= 2) return named.sort();
  return pair && named.every((c) => pair.includes(c)) ? [...pair] : named;
}

/**
 * A group or the relations between two countries names no document, so it has no alias: "11
 * documents" is a count, not a name an article gives a document.
 */
function fact(draft: Omit<AgreementFact, 'statement' | 'aliases' | 'signatories' | 'period'>): AgreementFact {
  const full = { ...draft, aliases: [], signatories: [], period: null };
  return { ...full, statement: agreementStatement(full) };
}

/** Groups of documents signed (or to be signed) together, one fact per article and number. */
function groupsIn(article: Article, articleDate: string | null): AgreementFact[] {
  const pair = articlePair(article);
  const out: AgreementFact[] = [];
  for (const sentence of article.sentences) {
    const text = sentence.text;
    if (!SIGNING.test(text) && !/\bsign\b/i.test(text)) continue;
    for (const m of text.matchAll(COUNTED)) {
      const count = countOf(m[1]!);
      if (count < 2) continue;
      const noun = m[2]!.replace(/\s+/g, ' ').toLowerCase();
      // "seven memorandum of understanding (MoUs)" and "7 MoUs" are one group.
      const name = `${count} ${/^(?:mou|memorand)/.test(noun) ? 'memoranda of understanding' : noun}`;
      if (out.some((f) => f.name === name)) continue;
      const status =
        FUTURE.test(text) && !/\b(?:were|was|have been|has been|had been)\s+signed\b/i.test(text)
          ? 'planned'
          : 'signed';
      out.push(
        fact({
          kind: 'agreement',
          id: fold(`documents-${count}-${article.name}`).replace(/[^a-z0-9-]+/g, '-'),
          name,
          type: 'documents',
          count,
          status,
          parties: pairOf(sentence, pair),
          place: meetingPlace(text),
          date: status === 'signed' ? dateNear(text, m.index, articleDate) : null,
          source: source(sentence),
          sources: [source(sentence)],
        }),
      );
    }
  }
  return out;
}

/** Diplomatic relations and when they were established, one fact per pair. */
function relationsIn(article: Article, articleDate: string | null, byPair: Map<string, AgreementFact>): void {
  const pair = articlePair(article);
  for (const sentence of article.sentences) {
    const m = RELATIONS.exec(sentence.text);
    if (!m) continue;
    const parties = pairOf(sentence, pair);
    if (parties.length !== 2) continue;
    const key = parties.join('|');
    // "the 25th anniversary of the establishment of diplomatic relations last year": not when they were established.
    const since = /\b(?:anniversary|years (?:since|of))\b/i.test(sentence.text.slice(0, m.index));
    const date = since ? null : dateNear(sentence.text, m.index + m[0].length, articleDate);
    const known = byPair.get(key);
    if (known) {
      known.sources.push(source(sentence));
      if (!known.date?.iso && date?.iso) {
        known.date = date;
        known.statement = agreementStatement(known);
      }
      continue;
    }
    byPair.set(
      key,
      fact({
        kind: 'agreement',
        id: fold(`diplomatic-relations-${parties.join('-')}`).replace(/[^a-z0-9-]+/g, '-'),
        name: `Diplomatic relations between ${parties[0]} and ${parties[1]}`,
        type: 'diplomatic relations',
        count: null,
        // "45 years since the establishment of diplomatic relations": in force, date not given.
        status: date || /\bestablished\b/i.test(m[0]) ? 'signed' : 'mentioned',
        parties,
        place: null,
        date,
        source: source(sentence),
        sources: [source(sentence)],
      }),
    );
  }
}

/** Groups of signed documents and established diplomatic relations, over the corpus. */
export function extractAgreementGroups(
  articles: readonly Article[],
  dateOf: (article: Article) => string | null,
): AgreementFact[] {
  const relations = new Map<string, AgreementFact>();
  const groups = articles.flatMap((a) => {
    relationsIn(a, dateOf(a), relations);
    return groupsIn(a, dateOf(a));
  });
  return [...groups, ...relations.values()];
}
