import type { Article } from '../corpus/types.js';
import { capitalOf, countriesIn } from './geo.js';
import { sortedPair } from './tradeFact.js';

/**
 * Which two countries a trade figure is about: the two a sentence names, or the article's own pair
 * when the sentence speaks of "the two countries" or follows one that named them.
 */

/** The two countries an article is about: those it names most (each at least twice). */
export function articlePair(article: Article): [string, string] | null {
  const counts = new Map<string, number>();
  for (const s of article.sentences) {
    for (const m of countriesIn(s.text)) counts.set(m.country, (counts.get(m.country) ?? 0) + 1);
  }
  const top = [...counts.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return top.length >= 2 ? sortedPair(top[0]![0], top[1]![0]) : null;
}

/** The pair a sentence's figures belong to. */
const CAPITAL_WORDS = /\b[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?/gu;

/** A country in a comparison: "after the United States and China", "more than Russia". */
const COMPARED = /\b(?:after|behind|than|except|apart from|besides)\s+[^,.;:]*$/i;

/** Words that make a figure bilateral when the sentence names fewer than two countries. */
const BILATERAL =
  /\b(bilateral|mutual|two-way|between (?:the|our) (?:two\s+)?(?:[\p{L}-]+\s+)?(?:countries|country|nations|states|neighbou?rs)|(?:the|our|both) two (?:[\p{L}-]+\s+){0,2}(?:countries|nations|states|sides|neighbou?rs|governments|leaders|presidents|economies)|both (?:countries|nations|states|sides)|the (?:two )?sides|the parties|in both directions|our (?:(?:mutual|bilateral|two-way|commodity)\s+)?(?:trade|turnover|trade turnover)(?!\s+with\b)|our (?:(?:bilateral|two-way)\s+)?trade with (?=[\p{Lu}]))\b/iu;

/**
 * "The commodity turnover in 2011 made $2 billion", "set a goal to increase the trade turnover to $9 billion":
 * a sentence that opens on the turnover, or raises it, unqualified (not "foreign", "total", "external"), in
 * an article about a pair, speaks of the pair's.
 */
const THE_TURNOVER =
  /(?:^|\bincrease\s+|\bboost\s+|\braise\s+)the\s+(?:(?:commodity|trade|goods|merchandise)\s+)?turnover\b/i;

/**
 * The pair a sentence's figures belong to: the two countries it names, or
 * the article's pair when it speaks of the two ("bilateral trade", "between
 * the two nations") or follows a sentence of the same paragraph that named
 * them (`carried`). A national total ("our foreign trade") belongs to no pair.
 */
export function sentencePair(
  text: string,
  fallback: [string, string] | null,
  carried = false,
): [string, string] | null {
  // A country a figure is compared with is not one of its pair: "partner after China", "more than Russia".
  const named = [
    ...new Set(
      countriesIn(text)
        .filter((m) => !COMPARED.test(text.slice(0, text.indexOf(m.text))))
        .map((m) => m.country),
    ),
  ];
  // "Trade between Tehran and Yerevan": capitals stand for their countries.
  if (named.length < 2) {
    for (const w of text.match(CAPITAL_WORDS) ?? []) {
      const country = capitalOf(w)?.country;
      if (country && !named.includes(country)) named.push(country);
    }
  }
  if (fallback && named.includes(fallback[0]) && named.includes(fallback[1])) return fallback;
  if (named.length >= 2) return sortedPair(named[0]!, named[1]!);
  if (!fallback || (named.length === 1 && !fallback.includes(named[0]!))) return null;
  if (named.length === 0 && THE_TURNOVER.test(text)) return fallback;
  return BILATERAL.test(text) || carried ? fallback : null;
}
