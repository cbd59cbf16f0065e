import type { Sentence } from '../corpus/types.js';
import { countriesIn, countryOf } from './geo.js';
import { base, finish, sortedPair } from './tradeFact.js';
import type { Period, TradeFact } from './types.js';

/**
 * Ranks among trading partners ("Kazakhstan is one of Kyrgyzstan's three
 * largest trading partners", "ranks 19th among its trading partners") and
 * shares of a partner's trade ("accounts for 18.1 percent of Y's trade").
 */

const RANK =
  /\b((?:one of\s+)?(?:[\p{L}’'-]+['’]s\s+["“”‘]?)?(?:top\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)|(?:two|three|four|five|ten|\d+)\s+(?:largest|biggest|main|leading|major|top)|(?:largest|biggest|main|leading|major|key|most important|most significant|(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[- ](?:largest|biggest))|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))(?:(?<=\btop\s+[\p{L}\d]+)\s+among(?:\s+(?:the|its))?(?:\s+(?:main|major|largest|biggest|leading|key))?(?=\s+trad))?(?:\s+(?:international|foreign|external|commercial))?\s+(?:trad(?:ing|e) partners?|(?<noun>export (?:markets?|destinations?)|suppliers?|sources? of imports|import (?:sources?|partners?)|destinations? for (?<exportsOf>[\p{Lu}][\p{L}’'-]+) exports))["“”’]?(?:\s+(?:of|for)\s+(?<partnerOf>[\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?))?(?<note>(?:\s+(?:after|behind|among|in|within)\s+[^,.;]+)*)/iu;

/** A rank is stated of a country: "X is/ranks among/stands as one of/making X … trading partner". */
const RANK_LINK =
  /\b(?:is|was|has been|remains|remained|ranks?|ranked|stands?|stood|became|become|becomes|entered|enters|joined|making|made|makes|as)\b[^.;]{0,40}$/i;

/** "%", "percent", "per cent", "pct". */
const PERCENT = String.raw`(?:%|percent\b|per cent\b|pct\b)`;
const ORDINAL = String.raw`\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth`;
/** Words that qualify a share: "accounts for roughly 2.6 percent", "a share of just over 5%". */
const ROUGHLY = String.raw`(?:(?:only|about|around|nearly|some|almost|roughly|approximately|close to|just over|just under|more than|over|under|less than)\s+)?`;
/** A country's trade named by its possessive: "Y's", "the Philippines'", "the Republic of Serbia's". */
const WHOSE = String.raw`(?:the\s+)?(?:Republic\s+of\s+)?([\p{Lu}][\p{L}’'-]+)(?:['’]s|(?<=s)['’])`;
/**
 * "X accounts for (only) 2.5% of Y's total (foreign) trade"; "X ranks fourth … and accounts for 5.8
 * percent of Y's trade", where the subject is the rank's (group 1 empty).
 */
const SHARE = new RegExp(
  String.raw`(?:\b([\p{Lu}][\p{L}’'-]+)\s+(?:alone\s+)?|\band\s+)(?:accounts?|accounted|accounting)\s+for\s+${ROUGHLY}(\d+(?:\.\d+)?)\s?${PERCENT}\s+of\s+${WHOSE}\s+(?:total\s+)?(?:foreign\s+|external\s+|overall\s+)?(?:trade|exports|imports)`,
  'u',
);
/** "X's share in Y's total trade was 18.1 percent". */
const SHARE_OF = new RegExp(
  String.raw`\b([\p{Lu}][\p{L}’'-]+)['’]s\s+share\s+(?:in|of)\s+${WHOSE}\s+(?:total\s+)?(?:foreign\s+|external\s+|overall\s+)?trade(?:\s+turnover)?\s+(?:was|is|stood at|amounted to|reached|made up|came to)\s+${ROUGHLY}(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)`,
  'u',
);
/** "X ranks 19th among its (Y's) trading partners", "… second among the trading partners of Y", "… first in Y's foreign trade". */
const ORDINAL_RANK = new RegExp(
  String.raw`\b([\p{Lu}][\p{L}’'-]+)\b(?:[^.;]|\.(?=\d))*?\b(?:ranks?|ranked|is|was)\s+(?:the\s+)?(${ORDINAL})\s+(?:among\s+(?:the\s+)?(?:([Ii]ts|[\p{Lu}][\p{L}’'-]+(?:['’]s|(?<=s)['’]))\s+(?:\w+\s+)?(?:trad(?:ing|e) partners|suppliers|customers|export markets|sources of imports)|(?:the\s+)?(?:\w+\s+)?trad(?:ing|e) partners\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?([\p{Lu}][\p{L}’'-]+))|in\s+([\p{Lu}][\p{L}’'-]+['’]s)\s+(?:\w+\s+)?trade)`,
  'u',
);

/** "…, accounting for 21.3 percent of the country's trade", "…, with a share of 24.6 percent": the share of the partner just ranked. */
const SHARE_WITH = new RegExp(
  String.raw`\b(?:with a share of|accounting for|which accounts? for|with an?(?=\s+[\d.]+\s?${PERCENT}\s+share\b)|with)\s+${ROUGHLY}(\d+(?:\.\d+)?)\s?${PERCENT}`,
  'i',
);

/** Shares of a partner's trade, and ranks by number ("19th among its trading partners"). */
function shareFacts(sentence: Sentence, pair: [string, string]): TradeFact[] {
  const out: TradeFact[] = [];
  const accounts = SHARE.exec(sentence.text);
  const owned = accounts ? null : SHARE_OF.exec(sentence.text);
  // "… ranks fourth … and accounts for 5.8 percent of Y's trade": the rank's own share.
  const ranksShare = accounts && accounts[1] === undefined ? Number(accounts[2]) : null;
  // [partner, the country whose trade it is, percent]
  const share =
    ranksShare !== null
      ? null
      : accounts
        ? [accounts[1]!, accounts[3]!, accounts[2]!]
        : owned
          ? [owned[1]!, owned[2]!, owned[3]!]
          : null;
  const shareOf = share ? [countryOf(share[0]!), countryOf(share[1]!)] : [];
  if (share && shareOf[0] && shareOf[1] && shareOf[0] !== shareOf[1]) {
    const [exporter, importer] = shareOf as [string, string];
    out.push(shareFact(sentence, exporter, importer, share[2]!));
  }
  const ordinal = ORDINAL_RANK.exec(sentence.text);
  if (ordinal) {
    // "The Republic of Korea ranks fifth …": the country named last before the verb.
    const verb =
      ordinal.index +
      ordinal[0].search(
        new RegExp(String.raw`\b(?:ranks?|ranked|is|was)\s+(?:the\s+)?(?:${ORDINAL})\b`, 'i'),
      );
    const exporter =
      countryOf(ordinal[1]!) ?? countriesIn(sentence.text.slice(0, verb)).at(-1)?.country ?? null;
    const written = ordinal[3] ?? ordinal[4] ?? ordinal[5]!;
    const owner =
      written.toLowerCase() === 'its' ? (shareOf[1] ?? pair.find((c) => c !== exporter)) : countryOf(written);
    if (exporter && owner && exporter !== owner) {
      out.push(
        finish({
          ...base(sortedPair(exporter, owner), sentence),
          measure: 'rank',
          rank: `${ordinal[2]!.toLowerCase()} among trading partners`,
          exporter,
          importer: owner,
          percent: ranksShare ?? (out.length === 0 ? shareWith(sentence) : null),
        }),
      );
      // In the order the sentence gives them: the rank first when it comes first.
      if (accounts && out.length === 2 && ordinal.index < accounts.index) out.reverse();
    }
  }
  return out;
}

/** "… ranked second, with a share of 18.1 percent": the share of the partner a rank just named, part of that rank. */
function shareWith(sentence: Sentence): number | null {
  const m = SHARE_WITH.exec(sentence.text);
  return m ? Number(m[1]) : null;
}

/** A rank that is a share: the exporter's percent of the importer's trade. */
function shareFact(sentence: Sentence, exporter: string, importer: string, percent: string): TradeFact {
  return finish({
    ...base(sortedPair(exporter, importer), sentence),
    measure: 'rank',
    rank: `${percent}% of ${importer}'s trade`,
    percent: Number(percent),
    exporter,
    importer,
  });
}

export function rankFacts(
  sentence: Sentence,
  pair: [string, string],
  periodAt: (index: number) => Period | null = () => null,
): TradeFact[] {
  const m = RANK.exec(sentence.text);
  if (!m) return shareFacts(sentence, pair).map((f) => dated(f, periodAt));
  const before = sentence.text.slice(0, m.index + m[0].length);
  if (!RANK_LINK.test(sentence.text.slice(0, m.index))) return [];
  const named = countriesIn(before);
  if (!named.some((n) => pair.includes(n.country))) return [];
  const owner =
    /([\p{L}’'-]+)['’]s\s+["“”‘]?(?:top|\w+[-\s]largest|largest|biggest|main|leading|most|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)/u.exec(
      m[0],
    );
  // The partner is named before ("Peru's leading trading partner") or after ("… partners of Peru");
  // the rule is case-blind, so "of Peru in 2024" may have taken a word too many.
  // "… and is its fourth largest source of imports": "its" is the country the sentence ranks against.
  const its = /\bits\s+$/i.test(sentence.text.slice(0, m.index)) || /^(?:one of\s+)?its\s/i.test(m[1]!);
  const exportsOf = m.groups?.exportsOf ? (countryOf(m.groups.exportsOf) ?? null) : null;
  const importer =
    exportsOf ??
    (owner
      ? countryOf(owner[1]!)
      : m.groups?.partnerOf
        ? (countryOf(m.groups.partnerOf) ?? countryOf(m.groups.partnerOf.split(/\s+/)[0]!))
        : undefined) ??
    null;
  // "It has become the fourth largest export destination for India": "it" is the pair's other country.
  const exporter =
    named.find((n) => n.country !== importer)?.country ??
    (importer && pair.includes(importer) ? (pair.find((c) => c !== importer) ?? null) : null);
  const whose =
    importer ??
    (its && exporter && pair.includes(exporter) ? (pair.find((c) => c !== exporter) ?? null) : null);
  // "largest source of imports", "third largest export destination": the noun is part of the rank.
  const noun = m.groups?.noun ? ` ${m.groups.noun.replace(/ for .*/, '').toLowerCase()}` : '';
  const rank = `${m[1]!.replace(/^(?:one of\s+)?[\p{L}’'-]+['’]s\s+["“”‘]?/u, '').trim()}${noun}`;
  const rankNote = m.groups?.note?.replace(/\s+/g, ' ').trim() || null;
  const shares = shareFacts(sentence, pair);
  // "our largest trading partner, accounting for 41 percent of Y's trade": the rank's share, whoever "our" is.
  const percent = shares.length === 0 && exporter ? shareWith(sentence) : null;
  const first = finish({
    ...base(pair, sentence),
    measure: 'rank',
    rank,
    rankNote,
    exporter,
    importer: whose,
    percent,
    period: periodAt(m.index),
  });
  return [first, ...secondRank(sentence.text.slice(m.index + m[0].length), first), ...shares].map((f) =>
    dated(f, periodAt),
  );
}

/** "Chile is Peru's largest trading partner and its second-largest export market": the second rank, of the same two. */
function secondRank(rest: string, first: TradeFact): TradeFact[] {
  if (!/^\s*,?\s*(?:and|as well as)\s+(?:is\s+|also\s+|remains\s+)*(?:its|the)\s/i.test(rest)) return [];
  const m = RANK.exec(rest);
  if (!m || m.index > 40) return [];
  const noun = m.groups?.noun ? ` ${m.groups.noun.replace(/ for .*/, '').toLowerCase()}` : '';
  const rank = `${m[1]!.replace(/^(?:one of\s+)?[\p{L}’'-]+['’]s\s+["“”‘]?/u, '').trim()}${noun}`;
  // "… and its second largest export destination": the one whose destination it is sells.
  const swap = /^export/i.test(m.groups?.noun ?? '');
  const [exporter, importer] = swap ? [first.importer, first.exporter] : [first.exporter, first.importer];
  return [finish({ ...first, rank, rankNote: null, percent: null, exporter, importer })];
}

/** A rank keeps the period its sentence gives it: "… largest trading partner in 2024". */
function dated(f: TradeFact, periodAt: (index: number) => Period | null): TradeFact {
  if (f.period) return f;
  const period = periodAt(0);
  return period ? { ...f, period } : f;
}
