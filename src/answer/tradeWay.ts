import { countriesIn, words } from '../facts/geo.js';

/**
 * Which way goods go, as a question asks it and as a sentence says it: "how much did Angola export
 * to Portugal" asks Angola's sales, and "Portuguese exports to Angola reached…" answers the other
 * way round; "what share of Portugal's imports comes from Angola" asks the same way as the first.
 */

export interface TradeWay {
  seller: string | null;
  buyer: string | null;
}

/** Words of goods going out of the country that owns them ("Korean exports", "Angola sold"). */
const OUT = new Set(
  'export exports exported exporting sell sells sold selling sales shipments shipped ships'.split(' '),
);
/** Words of goods coming into the country that owns them ("Portugal's imports", "Ghana bought"). */
const IN = new Set('import imports imported importing buy buys bought buying purchases purchased'.split(' '));
/** Words that may stand between a country and its flow: "Angola did not export", "Kenya's total exports". */
const BETWEEN = new Set('did does do will would not total annual overall merchandise goods the'.split(' '));
/** How far after the flow word its "to" or "from" may come ("exports of fish to", "imports come from"). */
const REACH = 4;

/** Capitalises every word, so a question typed in lower case names its countries ("angola" → "Angola"). */
function capitalised(text: string): string {
  return text.replace(/\p{L}[\p{L}'’-]*/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1));
}

/** Each flow a text states, with the countries that sell and buy as far as its words say. */
export function tradeWaysIn(text: string): TradeWay[] {
  const tokens = words(text);
  const mentions = countriesIn(text);
  const endingAt = new Map(mentions.map((m) => [m.end, m.country] as const));
  const startingAt = new Map(mentions.map((m) => [m.start, m.country] as const));
  const out: TradeWay[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!.text.toLowerCase();
    const outward = OUT.has(word);
    if (!outward && !IN.has(word)) continue;
    let owner: string | null = null;
    for (let j = i, gap = 0; j > 0 && gap <= 2; j--, gap++) {
      const c = endingAt.get(j);
      if (c !== undefined) {
        owner = c;
        break;
      }
      if (!BETWEEN.has(tokens[j - 1]!.text.toLowerCase())) break;
    }
    let to: string | null = null;
    let from: string | null = null;
    for (let j = i + 1; j <= i + REACH && j < tokens.length; j++) {
      const w = tokens[j]!.text.toLowerCase();
      if (w !== 'to' && w !== 'from' && w !== 'into') continue;
      const next = tokens[j + 1]?.text.toLowerCase() === 'the' ? j + 2 : j + 1;
      const c = startingAt.get(next);
      if (c === undefined) continue;
      if (w === 'from') from ??= c;
      else to ??= c;
    }
    const seller = outward ? (owner ?? from) : from;
    const buyer = outward ? to : (owner ?? to);
    if (seller !== null || buyer !== null) out.push({ seller, buyer: buyer === seller ? null : buyer });
  }
  return out;
}

/** The way a question asks goods to go, when it says one: both countries, or one of them. */
export function askedTradeWay(question: string): TradeWay | null {
  const ways = tradeWaysIn(capitalised(question));
  return ways[0] ?? null;
}

/** Whether a flow goes the other way round than asked (its seller is the asked buyer, or its buyer the seller). */
export function against(way: TradeWay, asked: TradeWay): boolean {
  return (
    (way.seller !== null && way.seller === asked.buyer) || (way.buyer !== null && way.buyer === asked.seller)
  );
}

/**
 * Whether a text only says goods go the other way round than asked: "Korean exports to the
 * Philippines" for "How much did the Philippines export to Korea?". A text that also states the
 * asked way, or states no way at all, is not.
 */
export function onlyOtherWay(text: string, asked: TradeWay): boolean {
  const ways = tradeWaysIn(text);
  return (
    ways.length > 0 &&
    ways.some((w) => against(w, asked)) &&
    !ways.some((w) => !against(w, asked) && agrees(w, asked))
  );
}

function agrees(way: TradeWay, asked: TradeWay): boolean {
  return (
    (way.seller !== null && way.seller === asked.seller) || (way.buyer !== null && way.buyer === asked.buyer)
  );
}
