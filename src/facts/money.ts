/**
 * Money amounts and percentages as news writes them: `$1.2 billion`,
 * `1.2 billion US dollars`, `$1bn`, `$2.8mn`, `$500mln`, `US$680 million`,
 * `USD 3 million`, `€40m`, `RM89.3 billion`, `KSh 148 billion`, `AUD 50 million`,
 * `300 million baht`, `Rs 5,000 crore`; `7 percent`, `18.5%`, `3 per cent`.
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
  // Malaysian and Singaporean papers: "RM47bil", "US$1.2tril".
  bil: 1e9,
  tril: 1e12,
  billion: 1e9,
  billions: 1e9,
  bn: 1e9,
  bln: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trln: 1e12,
  // South Asian scales: "Rs 5,000 crore" is 50 billion rupees.
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
};

const SYMBOL_CURRENCY: Record<string, string> = {
  us$: 'USD',
  a$: 'AUD',
  aud: 'AUD',
  c$: 'CAD',
  cad: 'CAD',
  s$: 'SGD',
  sgd: 'SGD',
  hk$: 'HKD',
  nz$: 'NZD',
  jpy: 'JPY',
  cny: 'CNY',
  rmb: 'CNY',
  rm: 'MYR',
  myr: 'MYR',
  thb: 'THB',
  ksh: 'KES',
  kes: 'KES',
  // Kenyan papers write the shilling as "Sh"; Tanzania's and Uganda's have their own prefixes.
  sh: 'KES',
  tsh: 'TZS',
  tzs: 'TZS',
  ush: 'UGX',
  ugx: 'UGX',
  '₦': 'NGN',
  ngn: 'NGN',
  'gh₵': 'GHS',
  ghs: 'GHS',
  '₹': 'INR',
  rs: 'INR',
  inr: 'INR',
  pkr: 'PKR',
  '₩': 'KRW',
  krw: 'KRW',
  '₺': 'TRY',
  try: 'TRY',
  chf: 'CHF',
  uzs: 'UZS',
  kgs: 'KGS',
  tjs: 'TJS',
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
  [/^australian\s+dollars?$/i, 'AUD'],
  [/^canadian\s+dollars?$/i, 'CAD'],
  [/^singapore\s+dollars?$/i, 'SGD'],
  [/^hong\s+kong\s+dollars?$/i, 'HKD'],
  [/^new\s+zealand\s+dollars?$/i, 'NZD'],
  [/^(?:thai\s+)?baht$/i, 'THB'],
  [/^(?:malaysian\s+)?ringgit$/i, 'MYR'],
  [/^kenyan\s+shillings?$/i, 'KES'],
  [/^tanzanian\s+shillings?$/i, 'TZS'],
  [/^ugandan\s+shillings?$/i, 'UGX'],
  [/^(?:nigerian\s+)?naira$/i, 'NGN'],
  [/^(?:ghanaian\s+)?cedis?$/i, 'GHS'],
  [/^(?:indian\s+)?rupees?$/i, 'INR'],
  [/^pakistani\s+rupees?$/i, 'PKR'],
  [/^(?:south\s+)?korean\s+won$/i, 'KRW'],
  [/^(?:turkish\s+)?lira$/i, 'TRY'],
  [/^(?:uzbek\s+)?soums?$/i, 'UZS'],
  [/^(?:swiss\s+)?francs?$/i, 'CHF'],
  [/^(?:chinese\s+)?(?:renminbi|yuan)$/i, 'CNY'],
];

/** A thousands group has three digits, so a comma before one or two is a decimal comma: `$612,87 million`. */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?`;
const SCALE_WORDS =
  'thousand|millions?|billions?|trillion|mln|mn|bln|bn|bil|trln|tril|tn|mil|lakhs?|crores?|k|m|b';
/** Codes and symbols written before the number; a letter prefix needs no space ("RM89.3 billion", "KSh 148 billion"). */
const SYMBOL = String.raw`US\$|A\$|C\$|S\$|HK\$|NZ\$|USD|AUD|CAD|SGD|JPY|CNY|RMB|MYR|THB|KES|TZS|UGX|NGN|GHS|INR|PKR|KRW|TRY|CHF|UZS|KGS|TJS|RM|KSh|TSh|USh|Sh|Rs\.?|GH₵|\$|€|EUR|£|GBP|¥|₽|RUB|₸|KZT|₦|₹|₩|₺`;
const CURRENCY_WORDS = String.raw`(?:US|U\.S\.|American)\s+dollars?|(?:Australian|Canadian|Singapore|Hong\s+Kong|New\s+Zealand)\s+dollars?|dollars?|USD|euros?|EUR|(?:British\s+)?pounds?(?:\s+sterling)?|(?:Russian\s+)?(?:roubles?|rubles?)|tenge|somoni|(?:Chinese\s+)?(?:yuan|renminbi)|(?:Japanese\s+)?yen|JPY|AUD|CNY|(?:Thai\s+)?baht|THB|(?:Malaysian\s+)?ringgit|MYR|(?:Kenyan|Tanzanian|Ugandan)\s+shillings?|KES|(?:Nigerian\s+)?naira|(?:Ghanaian\s+)?cedis?|(?:Indian|Pakistani)\s+rupees?|rupees?|INR|(?:South\s+)?Korean\s+won|(?:Turkish\s+)?lira|(?:Uzbek\s+)?soums?|(?:Swiss\s+)?francs?`;

/** `$1.2 billion`, `US$680 million`, `$2bn`, `USD 3 million`, `$1.2 billion US dollars`. */
const SYMBOL_FIRST = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${SYMBOL})\s?(${NUMBER})(?:\s?(${SCALE_WORDS})(?![\p{L}]))?(?:\s+(${CURRENCY_WORDS})(?![\p{L}]))?`,
  'giu',
);
/** `1.2 billion US dollars`, `500 million euros`, `3 million USD`, `a 14-billion-dollar trade`. */
const WORD_AFTER = new RegExp(
  String.raw`(?<![\p{L}\p{N}$€£.])(${NUMBER})[\s-]?(?:(${SCALE_WORDS})[\s-]+)?(${CURRENCY_WORDS})(?![\p{L}])`,
  'giu',
);
const PERCENT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.])(${NUMBER})\s?(%|percent(?:age points?)?|per\s?cent|pct)(?![\p{L}])`,
  'giu',
);

function toNumber(text: string): number {
  return Number(/^\d+,\d{1,2}$/.test(text) ? text.replace(',', '.') : text.replace(/,/g, ''));
}

/** A number times its scale, without binary fractions: 4.1 × 10⁹ is 4100000000, not 4099999999.9999995. */
function scaled(text: string, scale: number): number {
  return Number((toNumber(text) * scale).toPrecision(15));
}

function currencyOfWords(words: string): string {
  if (/^[A-Z]{3}$/.test(words.trim())) return SYMBOL_CURRENCY[words.trim().toLowerCase()] ?? 'USD';
  for (const [rule, code] of WORD_CURRENCY) if (rule.test(words.trim())) return code;
  return 'USD';
}

function mention(text: string, index: number, amount: number, currency: string): MoneyMention {
  return { text, index, amount, currency, usd: currency === 'USD' ? amount : null };
}

/** A cheap test that a sentence may hold an amount, before the full patterns run. */
const MAYBE_MONEY =
  /\d[\s\S]*(?:dollar|euro|pound|rouble|ruble|tenge|somoni|yuan|renminbi|yen|baht|ringgit|shilling|naira|cedi|rupee|won\b|lira|soum|franc|usd|eur|gbp|rub|kzt|jpy|aud|cny|thb|myr|kes|inr)|(?:[$€£¥₽₸₦₹₩₺₵]|\b(?:usd|eur|gbp|rub|kzt|aud|cad|sgd|jpy|cny|rmb|myr|thb|kes|tzs|ugx|ngn|ghs|inr|pkr|krw|try|chf|uzs|kgs|tjs|rm|ksh|tsh|ush|sh|rs))\.?\s?\d/i;

/** A letter prefix counts only as written ("RM", "Sh", "TRY"), so "try 5 times" or "sh 3" is no amount. */
const LETTER_SYMBOL = new RegExp(`^(?:${SYMBOL})$`, 'u');

/** Money amounts in a sentence, in order. */
export function moneyIn(sentence: string): MoneyMention[] {
  if (!MAYBE_MONEY.test(sentence)) return [];
  const found: MoneyMention[] = [];
  for (const m of sentence.matchAll(SYMBOL_FIRST)) {
    if (/\p{L}/u.test(m[1]!) && !LETTER_SYMBOL.test(m[1]!)) continue;
    const scale = m[3] ? (SCALE[m[3].toLowerCase()] ?? 1) : 1;
    // "$1.2 billion Australian dollars": the words after the number name the currency.
    const symbol = SYMBOL_CURRENCY[m[1]!.toLowerCase().replace(/\.$/, '')] ?? 'USD';
    const currency = m[4] && symbol === 'USD' ? currencyOfWords(m[4]) : symbol;
    found.push(mention(m[0], m.index, scaled(m[2]!, scale), currency));
  }
  for (const m of sentence.matchAll(WORD_AFTER)) {
    if (found.some((f) => m.index >= f.index && m.index < f.index + f.text.length)) continue;
    const scale = m[2] ? (SCALE[m[2].toLowerCase()] ?? 1) : 1;
    found.push(mention(m[0], m.index, scaled(m[1]!, scale), currencyOfWords(m[3]!)));
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Percentages in a sentence, in order. */
export function percentsIn(sentence: string): PercentMention[] {
  if (!/\d\s?(?:%|per|pct)/i.test(sentence)) return [];
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
