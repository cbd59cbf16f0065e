import type { TradeFact } from './types.js';

/**
 * Whether a trade figure is reported (it happened), expected (a forecast) or
 * a target (a goal or stated intention), from the words around it.
 */

/** Words before an amount that make it a goal rather than a result. */
const TARGET_CUE =
  /\b(?:goal|target|task|aim|aims|aimed|aiming|objective|intend|intends|intention|plan|plans|planned|seek|seeks|striv\w+|should|must|call(?:s|ed|ing)? for|to (?:more than )?(?:increase|boost|bring|raise|reach|achieve|double|triple|expand|grow)|(?:in|on|at|for|towards?) (?:reaching|achieving|increasing|bringing|boosting|raising|doubling)|setting a goal)\b/gi;
/** "will bring trade to $5bn", "would double it to $2bn": an intention, said with a modal. */
const TOWARDS =
  /\b(?:will|would|shall|can|could|to)\s+(?:further\s+|jointly\s+|more than\s+)?(?:increase|boost|bring|raise|grow|expand|double|triple|lift|take)\b[^.;]*\bto\s*(?:over|more than|up to|at least)?\s*$/i;
/**
 * "discussed increasing trade turnover to $10 billion", "optimism about lifting the bilateral trade to
 * $8 billion": a raise named as an act (the gerund before the trade words) is a goal. "With trade
 * increasing to $5 billion" (the trade before the gerund) is a report.
 */
const RAISING_TRADE =
  /\b(?:increasing|raising|boosting|elevating|bringing|lifting|doubling|expanding|taking)\s+(?:[\p{L}-]+\s+){0,3}?(?:trade|turnover|commerce|exchanges?)\b[^.;]*\bto\s*(?:over|more than|up to|at least|about|around)?\s*$/iu;
/** "has more than doubled to reach $X": the multiple is how far the trade got, not a goal. */
const MULTIPLIED =
  /\b(?:doubled|tripled|trebled|quadrupled|multiplied)\b[\s"“”'’]*(?:to reach|reaching|to)\s*(?:over|more than|about|around|nearly|almost)?\s*$/i;
/** Words before an amount that make it a forecast: "is expected to amount to", "will reach". */
const EXPECTED_CUE =
  /\b(?:(?:expected|forecast|projected|predicted|anticipated|likely|set|on track|poised|going)\s+to|(?:we|they|I)\s+(?:\w+\s+)?(?:expect|forecast|project|see)\s+(?:[\w-]+\s+){1,4}?to\s+(?:reach|exceed|hit|top|total|amount|be|stand|grow|rise)|(?:is|are|was|were)\s+(?:expected|forecast|projected|predicted)\s+at|will\s+(?:\w+\s+)?(?:reach|exceed|amount|total|hit|top|surpass|be|stand))\b/gi;
/**
 * A change reported on the way to the amount: "increasing by 40% to reach",
 * "rose 12 percent to". Its "to reach" is where the figure got, not a goal.
 */
const REPORTED_CHANGE =
  /\b(?:increas\w*|grew|grow\w*|rose|rising|jump\w*|climb\w*|surg\w*|up)(?:\s+[\p{L}-]+){0,3}?\s+(?:by\s+)?(?:almost\s+|nearly\s+|about\s+|over\s+|more than\s+)?\d[\d.,]*\s?(?:%|percent|per cent)(?:\s+[\p{L}-]+){0,4}?,?\s*(?:to reach|reaching|to)\s*(?:over|more than|about|around|nearly|almost)?\s*$/iu;
/** Words right after an amount that make it a goal: "$5 billion trade target". */
const TARGET_AFTER = /^\s*(?:(?:[\p{L}-]+\s+){0,3})(?:target|goal)\b/iu;

function lastMatch(rule: RegExp, text: string): { start: number; end: number } | null {
  let found: { start: number; end: number } | null = null;
  for (const m of text.matchAll(rule)) found = { start: m.index, end: m.index + m[0].length };
  return found;
}

/**
 * Whether an amount is reported, expected or a target, from the clause
 * before it (the nearer cue wins) and the words after it.
 */
export function modalityOf(before: string, after = ''): TradeFact['modality'] {
  if (TARGET_AFTER.test(after)) return 'target';
  const change = REPORTED_CHANGE.exec(before) ?? MULTIPLIED.exec(before);
  const cues = change ? before.slice(0, change.index) : before;
  const expected = lastMatch(EXPECTED_CUE, cues);
  const target = lastMatch(TARGET_CUE, cues);
  const towards = !change && (TOWARDS.test(before) || RAISING_TRADE.test(before));
  // "expected to reach": the "to reach" belongs to the forecast.
  if (expected && (!target || target.start <= expected.end)) return towards ? 'target' : 'expected';
  return target || towards ? 'target' : 'reported';
}
