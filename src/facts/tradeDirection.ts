import { countriesIn, countryOf } from './geo.js';

/**
 * Who sells to whom: from the words of the clause before an amount
 * ("Mongolian exports to Japan reached $X") or from those right after it
 * ("$2 billion in Peruvian exports to Chile", "$3 billion worth of imports
 * from Peru").
 */

type Flow = 'exports' | 'imports';
type Way = [string, string];

const otherOf = (pair: readonly [string, string], c: string) =>
  pair.includes(c) ? (pair.find((x) => x !== c) ?? null) : null;

/** A seller and a buyer, the one not named being the other country of the pair. */
function way(seller: string | null, buyer: string | null, pair: [string, string]): Way | null {
  const s = seller ?? (buyer ? otherOf(pair, buyer) : null);
  const b = buyer ?? (s ? otherOf(pair, s) : null);
  return s && b && s !== b ? [s, b] : null;
}

/**
 * Who sells to whom in a clause: "Mongolian exports to Japan", "exports from
 * Japan to Mongolia", "imports from Japan" (the other country of the pair
 * buys), "Kazakhstan's exports".
 */
export function direction(clause: string, kind: Flow, pair: [string, string]): Way | null {
  // "Sri Lanka", else its last word alone ("Sri Lankan", "In 2024 Chile").
  const named = (word: string | undefined) =>
    word ? (countryOf(word) ?? countryOf(word.split(/\s+/).at(-1)!) ?? null) : null;
  // Names of one or two words ("Sri Lanka's exports", "to the Maldives", "Sri Lankan exports").
  const from = /\bfrom\s+(?:the\s+)?([\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)/u.exec(clause);
  const to = /\bto\s+(?:the\s+)?([\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?)/u.exec(clause);
  const owner =
    /((?:[\p{Lu}][\p{L}’'-]+\s+)?[\p{Lu}][\p{L}’'-]+?)(?:['’]s?)?\s+(?:\w+\s+)?(?:exports?|imports?|shipped|exported|sold|supplied|imported|bought)\b/u.exec(
      clause,
    );
  // "… the third largest export destination for Ghana with the exports rising": Ghana sells.
  const destination = /\bexport (?:destination|market) (?:for|of) ([\p{Lu}][\p{L}’'-]+)/u.exec(clause);
  const fromC = named(from?.[1]) ?? named(destination?.[1]);
  const toC = named(to?.[1]);
  const ownerC = named(owner?.[1]);
  if (kind === 'imports') {
    // "Ghana bought Nigerian goods worth …": the goods' country sells.
    // "Ecuador imported 900 gigawatt-hours of Colombian electricity, worth …": the same.
    const goodsOf =
      /\b(?:bought|imported|purchased)\s+(?:(?:[^,;.]|[,.](?=\d)){0,40}?\bof\s+)?([\p{Lu}][\p{L}’'-]+)\s+(?:goods|products|\p{Ll}+)\b/u.exec(
        clause,
      );
    const seller = fromC ?? named(goodsOf?.[1]);
    const buyer = ownerC ?? (seller ? otherOf(pair, seller) : null);
    return seller && buyer && seller !== buyer ? [seller, buyer] : null;
  }
  const seller = fromC ?? ownerC ?? (toC ? otherOf(pair, toC) : null);
  const buyer = toC ?? (seller ? otherOf(pair, seller) : null);
  return seller && buyer && seller !== buyer ? [seller, buyer] : null;
}

/** "against $10.9 billion of Moroccan goods sold in Spain": who sells, from the words after the amount. */
const GOODS_AFTER =
  /^\s+(?:worth\s+)?of\s+([\p{Lu}][\p{L}’'-]+)\s+(?:goods|products|exports)(?:\s+(?:sold|shipped|exported)\s+(?:in|to)\s+([\p{Lu}][\p{L}’'-]+))?/u;

const NAME = String.raw`[\p{Lu}][\p{L}’'-]+(?:\s+[\p{Lu}][\p{L}’'-]+)?`;
/** "$2 billion in Peruvian exports to Chile", "$1 billion worth of imports from Peru", "$3 billion of exports". */
const FLOW_AFTER = new RegExp(
  String.raw`^\s+(?:worth\s+)?(?:in|of)\s+(?:(?:total|annual|yearly)\s+)?(?:(${NAME})['’]?s?\s+)?(exports?|imports?)\b(?:\s+(from|to)\s+(?:the\s+)?(${NAME}))?`,
  'u',
);

const countryIn = (phrase: string | undefined) => (phrase ? (countriesIn(phrase)[0]?.country ?? null) : null);

/** The seller named right after an amount of goods ("of Moroccan goods sold in Spain"). */
export function goodsAfter(after: string, pair: [string, string]): Way | null {
  const goods = GOODS_AFTER.exec(after);
  const seller = goods ? countryOf(goods[1]!) : undefined;
  if (!seller || !pair.includes(seller)) return null;
  const buyer = goods?.[2] ? countryOf(goods[2]) : undefined;
  return [seller, buyer ?? pair.find((c) => c !== seller)!];
}

/**
 * Exports or imports named right after an amount, and who sells to whom when
 * the words say it: "$2 billion in Peruvian exports to Chile", "$1 billion in
 * imports from Peru" (the other country of the pair buys).
 */
export function flowAfter(after: string, pair: [string, string]): { kind: Flow; way: Way | null } | null {
  const m = FLOW_AFTER.exec(after);
  if (!m) return null;
  const kind: Flow = m[2]!.toLowerCase().startsWith('import') ? 'imports' : 'exports';
  const owner = countryIn(m[1]);
  const other = countryIn(m[4]);
  // The owner of exports sells, of imports buys; "from" names the seller, "to" the buyer.
  const seller =
    kind === 'exports' ? (owner ?? (m[3] === 'from' ? other : null)) : m[3] === 'from' ? other : null;
  const buyer = kind === 'imports' ? (owner ?? (m[3] === 'to' ? other : null)) : m[3] === 'to' ? other : null;
  const named = [seller, buyer].filter((c): c is string => c !== null);
  if (named.some((c) => !pair.includes(c))) return { kind, way: null };
  return { kind, way: named.length > 0 ? way(seller, buyer, pair) : null };
}
