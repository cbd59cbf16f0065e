/**
 * Money amounts and percentages as news writes them: `$1.2 billion`,
 * `1.2 billion US dollars`, `$1bn`, `$2.8mn`, `$500mln`, `US$680 million`,
 * `USD 3 million`, `€40m`; `7 percent`, `18.5%`, `3 per cent`.
 */

export interface MoneyMention {
  /** The amount as written. */
  text: string;
  /** Offset of the mention in the sentence. */
  index: number;
  /** Amount in units of the currency (1.2 billion → 1_200_000_000). */
  amount: number;
  /** ISO currency code. */
  currency: string;
  /** Amount in US dollars, when the currency is the US dollar. */
  usd: number | null;
}

export interface PercentMention {
  text: string;
  index: number;
  value: number;
}

const SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  millions: 1e6,
  mn: 1e6,
  mln: 1e6,
  mil: 1e6,
  m: 1e6,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  bln: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trln: 1e12,
};

const SYMBOL_CURRENCY: Record<string, string> = {
  us$: 'USD',
  usd: 'USD',
  $: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '¥': 'JPY',
  '₽': 'RUB',
  rub: 'RUB',
  '₸': 'KZT',
  kzt: 'KZT',
};

const WORD_CURRENCY: Array<[RegExp, string]> = [
  [/^(?:us|u\.s\.|american)?\s*dollars?$/i, 'USD'],
  [/^usd$/i, 'USD'],
  [/^euros?$/i, 'EUR'],
  [/^eur$/i, 'EUR'],
  [/^(?:british\s+)?pounds?(?:\s+sterling)?$/i, 'GBP'],
  [/^(?:russian\s+)?roubles?|rubles?$/i, 'RUB'],
  [/^tenge$/i, 'KZT'],
  [/^somoni$/i, 'TJS'],
  [/^yuan$/i, 'CNY'],
  [/^(?:japanese\s+)?yen$/i, 'JPY'],
];

/** A thousands group has three digits, so a comma before one or two is a decimal comma: `$612,87 million`. */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?`;
const SCALE_WORDS = 'thousand|millions?|billions?|trillion|mln|mn|bln|bn|trln|tn|mil|k|m|b';
const SYMBOL = String.raw`US\$|USD|\$|€|EUR|£|GBP|¥|₽|RUB|₸|KZT`;
const CURRENCY_WORDS = String.raw`(?:US|U\.S\.|American)\s+dollars?|dollars?|USD|euros?|EUR|(?:British\s+)?pounds?(?:\s+sterling)?|(?:Russian\s+)?(?:roubles?|rubles?)|tenge|somoni|yuan|(?:Japanese\s+)?yen`;

/** `$1.2 billion`, `US$680 million`, `$2bn`, `USD 3 million`, `$1.2 billion US dollars`. */
const SYMBOL_FIRST = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${SYMBOL})\s?(${NUMBER})(?:\s?(${SCALE_WORDS})(?![\p{L}]))?(?:\s+(?:${CURRENCY_WORDS})(?![\p{L}]))?`,
  'giu',
);
/** `1.2 billion US dollars`, `500 million euros`, `3 million USD`. */
const WORD_AFTER = new RegExp(
  String.raw`(?<![\p{L}\p{N}$€£.])(${NUMBER})\s?(?:(${SCALE_WORDS})\s+)?(${CURRENCY_WORDS})(?![\p{L}])`,
  'giu',
);
const PERCENT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(${NUMBER})\s?(%|percent(?:age points?)?|per\s?cent)(?![\p{L}])`,
  'giu',
);

function toNumber(text: string): number {
  return Number(/^\d+,\d{1,2}$/.test(text) ? text.replace(',', '.') : text.replace(/,/g, ''));
}

function currencyOfWords(words: string): string {
  for (const [rule, code] of WORD_CURRENCY) if (rule.test(words.trim())) return code;
  return 'USD';
}

function mention(text: string, index: number, amount: number, currency: string): MoneyMention {
  return { text, index, amount, currency, usd: currency === 'USD' ? amount : null };
}

/** A cheap test that a sentence may hold an amount, before the full patterns run. */
const MAYBE_MONEY =
  /\d[\s\S]*(?:dollar|euro|pound|rouble|ruble|tenge|somoni|yuan|yen|usd|eur|gbp|rub|kzt)|(?:[$€£¥₽₸]|usd|eur|gbp|rub|kzt)\s?\d/i;

/** Money amounts in a sentence, in order. */
export function moneyIn(sentence: string): MoneyMention[] {
  if (!MAYBE_MONEY.test(sentence)) return [];
  const found: MoneyMention[] = [];
  for (const m of sentence.matchAll(SYMBOL_FIRST)) {
    const scale = m[3] ? (SCALE[m[3].toLowerCase()] ?? 1) : 1;
    found.push(
      mention(m[0], m.index, toNumber(m[2]!) * scale, SYMBOL_CURRENCY[m[1]!.toLowerCase()] ?? 'USD'),
    );
  }
  for (const m of sentence.matchAll(WORD_AFTER)) {
    if (found.some((f) => m.index >= f.index && m.index < f.index + f.text.length)) continue;
    const scale = m[2] ? (SCALE[m[2].toLowerCase()] ?? 1) : 1;
    found.push(mention(m[0], m.index, toNumber(m[1]!) * scale, currencyOfWords(m[3]!)));
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Percentages in a sentence, in order. */
export function percentsIn(sentence: string): PercentMention[] {
  if (!/\d\s?(?:%|per)/i.test(sentence)) return [];
  return [...sentence.matchAll(PERCENT)].map((m) => ({ text: m[0], index: m.index, value: toNumber(m[1]!) }));
}

/** A short display of a USD amount: `$1.2 billion`, `$680 million`. */
export function formatUsd(amount: number): string {
  const units: Array<[number, string]> = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [size, word] of units) {
    if (amount >= size) return `$${Number((amount / size).toFixed(3))} ${word}`;
  }
  return `$${amount.toLocaleString('en-US')}`;
}
