import type { Article, Sentence } from '../corpus/types.js';
import { type DateMention, datesIn } from './dates.js';
import { countryOf } from './geo.js';
import { type MoneyMention, moneyIn, percentsIn } from './money.js';
import { direction, flowAfter, goodsAfter } from './tradeDirection.js';
import { base, finish, sortedPair, tradeStatement } from './tradeFact.js';
import { modalityOf } from './tradeModality.js';
import { articlePair, sentencePair } from './tradePair.js';
import { periodOf } from './tradePeriod.js';
import { rankFacts } from './tradeRank.js';
import type { Period, TradeFact } from './types.js';

/**
 * Trade figures: the volume for a period, its growth, the target, the rank
 * among trading partners, and who exports what. Each fact names the pair of
 * countries it is about: the two the sentence names, or else the article's
 * own pair (the two countries it names most), so an article on another
 * pair never feeds this one's figures.
 */

const TRADE_WORDS =
  /\b(trade|trading|turnover|commerce|exports?|imports?|bilateral trade|exported|imported|sold|bought|shipped)\b/i;
const TOTAL_TRADE = /\b(trade|turnover|commerce)\b/i;
/** "ranks fourth among Y's customers": a rank in trade without the word. */
const RANKED_AMONG = /\b(?:ranks?|ranked)\s+[\p{L}-]+\s+among\s+[^.;]*\b(?:suppliers|customers)\b/iu;

const OVER = /\b(over|more than|exceed(?:ed|ing|s)?|above|surpass(?:ed|ing)?|in excess of|at least)\s*$/i;
const UP_TO = /\bup to\s*$/i;
const ABOUT = /\b(about|around|nearly|almost|approximately|some|roughly|close to)\s*$/i;
const GROWTH =
  /\b(increas\w*|grew|grow\w*|growth|rose|rise|rising|up|jump\w*|climb\w*|surg\w*|declin\w*|fell|fall\w*|down|decreas\w*|drop\w*|shrank|contract\w*|slipp\w*|slid|sank|plung\w*|tumbl\w*|cut\s+(?:[\w-]+\s+){0,2}(?:trade|commerce|turnover)\s+by)\b/i;
/** "a 75.6% increase", "12.5% more than in 2023", "3% lower than a year before". */
const GROWTH_AFTER =
  /^\s*(?:increase|growth|rise|jump|gain|decrease|decline|drop|fall|(?:more|less|higher|lower)\s+than)\b/i;
const FALL_AFTER = /^\s*(?:decrease|decline|drop|fall|(?:less|lower)\s+than)\b/i;
const FALL =
  /\b(declin\w*|fell|fall\w*|down|decreas\w*|drop\w*|shrank|contract\w*|slipp\w*|slid|sank|plung\w*|tumbl\w*|cut\s+(?:[\w-]+\s+){0,2}(?:trade|commerce|turnover)\s+by)\b/i;

const EXPORTS =
  /\b([\p{Lu}][\p{L}’'-]+)\s+(?:\w+ly\s+)?(?:exports|sends|supplies|ships|sells)\s+([^.;]+?)\s+to\s+([\p{Lu}][\p{L}’'-]+)/gu;
const EXPORT_CONTENTS =
  /\b([\p{Lu}][\p{L}’'-]+)\s+exports\s+to\s+([\p{Lu}][\p{L}’'-]+)\s+(?:\w+\s+)?(?:consist(?:ed|s)?|include[sd]?|comprise[sd]?|are dominated by|are mainly|are mostly)\s+(?:(?:largely|mainly|mostly|chiefly|primarily)\s+)?(?:of\s+)?([^.;]+)/gu;
const EXPORT_PLANS =
  /\b([\p{Lu}][\p{L}’'-]+)['’]s\s+(?:readiness|plans?|intention|willingness)\s+to\s+(?:increase|expand|boost)\s+exports?,?\s+including\s+(?:the\s+supply\s+of\s+)?([^.;]+)/u;

function qualifierOf(before: string): TradeFact['qualifier'] {
  if (UP_TO.test(before)) return 'up to';
  if (OVER.test(before)) return 'over';
  if (ABOUT.test(before)) return 'about';
  return null;
}

/** The clause before an amount: back to the previous sentence-internal boundary. */
const CLAUSE_BREAK = /;|\.\s|,?\s+(?:while|whereas)\s|,\s+(?:and that|but|and|of which)\s/g;

function clauseBefore(text: string, index: number): string {
  const head = text.slice(0, index);
  let cut = 0;
  for (const m of head.matchAll(CLAUSE_BREAK)) cut = m.index + m[0].length;
  return head.slice(cut);
}

/** A figure given of the trade the sentence before spoke of: "it reached", "this figure should reach". */
const REFERS_BACK =
  /^\s*["“”'‘’]?\s*(?:[A-Z][\w.]*:\s*)?(?:(?:in|last|this|by) [^,.;]{0,40}?,?\s+)?(?:it|this|that)\s|\b(?:this|that|the) (?:(?:full-year|annual|same|whole-year|final)\s+)?(?:figure|indicator|index|volume|number(?!\s+of))\b|\b(?:this|that) amount\b|\b(?:a|the) (?:target|goal) of\s*$|\b(?:aims?|aimed|aiming) (?:for|at)\s*$|\b(?:our|the|their) (?:target|goal|aim) (?:is|was|remains)\s*$/i;

/** "Bilateral trade stood at $6 billion. ¶ The two leaders aim for $9 billion": a goal that follows the figure, even across a paragraph. */
const AIM_BACK =
  /\b(?:(?:aims?|aimed|aiming) (?:for|at)|(?:a|the) (?:target|goal) of)\s+(?:over |more than |about |around )?(?:US\$|USD|\$|€|£)/i;

const PERIOD_BACK = /\b(?:the|this|that) (?:reporting |same )?period\b/i;

/** "increased by $170.2 million": the amount is the change, not the volume. */
const CHANGE_BY =
  /\b(?:increas\w*|grew|grow\w*|rose|ris\w*|jump\w*|climb\w*|declin\w*|fell|fall\w*|decreas\w*|drop\w*|shrank|up|down)\s+(?:by\s+)(?:over\s+|almost\s+|nearly\s+|about\s+|more than\s+)?(?:[\d.,]+\s?(?:%|percent|per cent),?\s+or\s+)?$/i;

const MAX_GOVERNING_CHARS = 200;
const COMPETING =
  /\b(?:investments?|loans?|debts?|budgets?|costs?|funds?|funding|aid|grants?|revenues?|tax(?:es)?|spending|deficits?|treasury|appropriations?|expenditures?|expenses|salar(?:y|ies)|capital|capitalised|capitalized|reserves|bonds|prices?|package|credit|surplus|balance|projects?|contracts?|deals?)\b/i;

/** What an amount measures, from the words of its own clause. */
function amountKind(clause: string): 'trade' | 'exports' | 'imports' | null {
  // The trade word governs the amount unless another money noun comes between:
  // "fluctuations in trade, the Secretary of the Treasury … $5 million".
  clause = clause.slice(-MAX_GOVERNING_CHARS);
  const last = [
    ...clause.matchAll(
      /\b(trade|trading|turnover|commerce|exports?|imports?|shipments|supplies|exported|imported|sold|bought|purchased|shipped|supplied)\b/gi,
    ),
  ].at(-1);
  if (!last) return null;
  if (COMPETING.test(clause.slice(last.index + last[0].length))) return null;
  const word = last[1]!.toLowerCase();
  if (word.startsWith('import') || word === 'bought' || word === 'purchased') return 'imports';
  if (/^(?:export|shipment|shipped|suppl|sold)/.test(word)) return 'exports';
  return 'trade';
}

/** A target's deadline: "$3bn by 2030". */
function deadline(text: string, after: number): Period | null {
  // "… well ahead of the target year 2030": the year named as the deadline.
  const m =
    /^[^.;,]{0,40}?\b(by|in|until|target year|deadline(?: of)?)\s+(?:the end of\s+)?((?:19|20)\d{2})\b/.exec(
      text.slice(after),
    );
  return m
    ? { label: `${m[1]!.toLowerCase() === 'in' ? 'in' : 'by'} ${m[2]}`, year: Number(m[2]), span: 'year' }
    : null;
}

/** Goods set off by commas after the trade words: "exports to Japan, mostly coal and copper, rose". */
function goodsAside(clause: string): string[] {
  const m =
    /(?:exports?|imports?)\s+(?:to|from)\s+[\p{Lu}][\p{L}’'-]+,\s+(?:(?:mostly|mainly|largely|chiefly|primarily|dominated by|including)\s+)?([^,]+(?:,\s+[^,]+)*?),\s+\w+\s*$/u.exec(
      clause.trim(),
    );
  return m ? goodsList(m[1]!) : [];
}

function goodsList(text: string): string[] {
  const list = text.split(/,?\s+and\s+the\s+|;\s*/)[0] ?? text;
  return (
    list
      .split(/,\s*(?:and\s+)?|\s+and\s+(?=[\p{L}])/u)
      .map((g) => g.trim().replace(/^(?:the|a|an)\s+/i, ''))
      // "…, was noted": the sentence going on is not one of the goods.
      .filter(
        (g) =>
          g.length > 1 &&
          g.split(/\s+/).length <= 5 &&
          !/^(?:was|were|is|are|has|have|had|will|would)\b/i.test(g),
      )
  );
}

/** The length of a parenthesis right after an amount ("$206 million (157 million euros)"), which belongs to it. */
function aside(text: string, m: MoneyMention): number {
  return /^\s*\([^()]{0,40}\)/.exec(text.slice(m.index + m.text.length))?.[0].length ?? 0;
}

/** "RM118.7 billion, or about US$26.4 billion", "24 billion euros in 2024, which is about $26 billion": an amount whose dollar value follows it. */
const EQUIVALENT =
  /^\s*(?:(?:in|for)\s+(?:19|20)\d{2}\s*)?(?:,\s*)?(?:\(\s*)?(?:or\s+|equivalent\s+to\s+|i\.e\.\s+|(?:which|that)\s+is\s+)?(?:about|around|roughly|some|nearly|approximately|almost|over)?\s*$/i;

/** "up from $26.4 billion last year", "compared with $44.5 billion": the base a figure is compared with happened. */
const BASE_BEFORE =
  /\b(?:(?:up|down)\s+from|from|compared\s+(?:with|to)|against|versus)\s*(?:about|around|nearly|almost|some)?\s*$/i;

/** "$2 billion in annual trade", "the $5 billion target", "a 14-billion-dollar trade relationship": the trade words right after the amount. */
const TRADE_AFTER =
  /^\s+(?:(?:in|of)\s+(?:(?:annual|yearly|bilateral|two-way|mutual|total)\s+)*(?:trade|turnover|commerce)|(?:(?:trade|turnover)\s+)?(?:target|goal)|(?:(?:annual|bilateral|two-way)\s+)?(?:trade|commercial)\s+(?:relationship|relations|volume|turnover|ties))\b/i;

/** "… of which non-oil goods accounted for $4 billion": a part of the figure before, not a figure of its own. */
const PART_OF = /\bof which\b/i;

/** "exports rose 18.1 percent to $X": the change of the exports on the way to the amount. */
const CHANGE_TO =
  /\b(increas\w*|grew|rose|jump\w*|climb\w*|declin\w*|fell|decreas\w*|drop\w*)\s+(?:by\s+)?(?:almost\s+|nearly\s+|about\s+|some\s+)?(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)\s+to\s*$/i;

function moneyFacts(
  sentence: Sentence,
  pair: [string, string],
  money: readonly MoneyMention[],
  dates: readonly DateMention[],
  tradeBefore = false,
): TradeFact[] {
  const out: TradeFact[] = [];
  const text = sentence.text;
  // Only the figures read here compete for dates: "$206 million (157 million euros) in 2009".
  // An amount with its dollar value right after it is read as that dollar value.
  const figures = money.filter((m, i) => {
    // "$206 million (157 million euros)": the amount in the parenthesis is the same figure, read
    // in dollars when only it is ("157 million euros ($206 million)", below).
    const prior = money[i - 1];
    const inAside = prior && m.index < prior.index + prior.text.length + aside(text, prior);
    if (inAside && (prior.usd !== null || m.usd === null)) return false;
    const next = money[i + 1];
    if (m.usd !== null || !next || next.usd === null) return true;
    return !EQUIVALENT.test(text.slice(m.index + m.text.length, next.index));
  });
  const dollars = figures;
  const totalTrade = TOTAL_TRADE.test(text);
  type Kind = 'trade' | 'exports' | 'imports';
  let previous: { kind: Kind; end: number } | null = null;
  let lastWay: { kind: Kind; way: [string, string] } | null = null;
  const volumeAt: Array<{ fact: TradeFact; index: number; base: boolean }> = [];
  let lastFlow = -1;
  for (const m of figures) {
    const before = clauseBefore(text, m.index);
    const after = text.slice(m.index + m.text.length);
    // "How large is trade…? — In 2023 it reached $12.9 billion": "it" is the trade just asked about.
    // "In 2021 trade reached $1.1 billion, and in 2022 $1.4 billion": the second amount is
    // of the same kind as the first, unless another money noun comes between.
    const part: boolean = previous !== null && PART_OF.test(text.slice(previous.end, m.index));
    // "$2.7 billion in Egyptian exports to Jordan": the words right after the amount say what it is.
    const flow = flowAfter(after, pair);
    const kind: Kind | null =
      flow?.kind ??
      amountKind(before) ??
      (TRADE_AFTER.test(after) ? 'trade' : null) ??
      (tradeBefore && REFERS_BACK.test(before) ? 'trade' : null) ??
      (previous && !COMPETING.test(text.slice(previous.end, m.index)) ? previous.kind : null);
    // An amount whose own clause is about something else (investment, a loan) is not a trade figure;
    // nor is the size of a change ("increased by $170.2 million").
    if (kind === null || CHANGE_BY.test(before) || (part && !flow && amountKind(before) === null)) continue;
    previous = { kind, end: m.index + m.text.length };
    const isBase = BASE_BEFORE.test(before);
    const modality = isBase ? 'reported' : modalityOf(before, after.slice(0, 40));
    // A forecast of the volume is stated as a target is: a figure for a period still to come.
    const isTarget = kind === 'trade' && modality !== 'reported';
    const fact: Omit<TradeFact, 'statement'> = {
      ...base(pair, sentence),
      measure: isTarget ? 'target' : kind === 'trade' ? 'volume' : 'exports',
      modality,
      amountUsd: m.usd,
      amountText: m.text,
      qualifier: qualifierOf(before),
      period:
        (isTarget ? deadline(text, m.index + m.text.length) : null) ??
        periodOf(text, dates, m.index, m.index + m.text.length + aside(text, m), dollars),
    };
    if (kind !== 'trade') {
      // "X's exports to Y made up $222.7 million, while imports were $325 million": the other way round.
      const way: [string, string] | null =
        flow?.way ??
        goodsAfter(after, pair) ??
        (flow ? null : direction(before, kind, pair)) ??
        (lastWay && kind !== lastWay.kind ? [lastWay.way[1], lastWay.way[0]] : null);
      if (!way) continue;
      lastWay = { kind, way };
      [fact.exporter, fact.importer] = way;
      fact.pair = sortedPair(way[0], way[1]);
      fact.goods = goodsAside(before);
      const change = CHANGE_TO.exec(before);
      if (change) fact.percent = (FALL.test(change[1]!) ? -1 : 1) * Number(change[2]);
    }
    const done = finish(fact);
    if (done.measure === 'volume') volumeAt.push({ fact: done, index: m.index, base: isBase });
    else if (done.measure === 'exports') lastFlow = m.index;
    out.push(done);
  }
  // Growth of the volume: "increasing by 7 percent in 2024"; of the volume nearest it, when there are several
  // ("$3.8 billion in 2023 and $2.26 billion in January-June 2025, up 6.1%").
  const exportChanges = new Set(
    out.filter((f) => f.measure === 'exports' && f.percent !== null).map((f) => f.percent),
  );
  // "$3 billion of exports to Chile and $1 billion of imports, both up 11%": a change after the flows is
  // theirs, not the trade's (one before them, "a growth of 66% from $X to $Y", leads the sentence).
  const flowsOnly = !totalTrade && volumeAt.length === 0 && lastFlow >= 0;
  for (const p of percentsIn(text)) {
    if (flowsOnly && p.index > lastFlow) continue;
    // The volume before the change, else the one it leads to ("rose 8.7% … to $2.4 billion"); never the base
    // it is counted from ("up 9% from $1.01 billion in 2023").
    const own = volumeAt.filter((v) => !v.base);
    const volume = (own.findLast((v) => v.index < p.index) ?? own.find((v) => v.index > p.index))?.fact;
    if (exportChanges.has(p.value)) continue;
    const before = text.slice(Math.max(0, p.index - 40), p.index);
    // "up 5.7 percent", and "a 75.6% increase": the growth word before or right after the figure.
    const after = text.slice(p.index + p.text.length, p.index + p.text.length + 25);
    const grows = GROWTH.test(before) || GROWTH_AFTER.test(after);
    if (!grows || !(totalTrade || (tradeBefore && REFERS_BACK.test(text)))) continue;
    out.push(
      finish({
        ...base(pair, sentence),
        measure: 'growth',
        modality: modalityOf(clauseBefore(text, p.index)),
        percent: FALL.test(before) || FALL_AFTER.test(after) ? -p.value : p.value,
        period: volume?.period ?? periodOf(text, dates, p.index),
      }),
    );
  }
  return out;
}

/** "Hungarian exports to Serbia rose by 6.5 percent": a change of one direction's trade, given without its amount. */
const FLOW_CHANGE =
  /\b((?:[\p{Lu}][\p{L}’'-]+\s+){0,2}(?:[Ee]xports?|[Ii]mports?)\s+(?:(?:from|to)\s+(?:the\s+)?[\p{Lu}][\p{L}’'-]+\s+)*)(?:\w+ly\s+)?(increas\w*|grew|rose|jump\w*|climb\w*|declin\w*|fell|decreas\w*|dropp?\w*)\s+(?:by\s+)?(?:(?:almost|nearly|about|some|around)\s+)?(\d+(?:\.\d+)?)\s?(?:%|percent|per cent)(?!\s+to\b)/gu;

function flowChangeFacts(
  sentence: Sentence,
  pair: [string, string],
  periodAt: (index: number) => Period | null,
): TradeFact[] {
  const out: TradeFact[] = [];
  for (const m of sentence.text.matchAll(FLOW_CHANGE)) {
    const kind = /\bimports?\b/i.test(m[1]!) ? 'imports' : 'exports';
    const way = direction(m[1]!, kind, pair);
    if (!way) continue;
    out.push(
      finish({
        ...base(sortedPair(way[0], way[1]), sentence),
        measure: 'exports',
        exporter: way[0],
        importer: way[1],
        percent: (FALL.test(m[2]!) ? -1 : 1) * Number(m[3]),
        period: periodAt(m.index + m[0].length),
      }),
    );
  }
  return out;
}

function exportFacts(sentence: Sentence, pair: [string, string]): TradeFact[] {
  const out: TradeFact[] = [];
  for (const m of sentence.text.matchAll(EXPORTS)) {
    const exporter = countryOf(m[1]!);
    const importer = countryOf(m[3]!);
    if (!exporter || !importer || exporter === importer) continue;
    const goods = goodsList(m[2]!);
    if (goods.length === 0) continue;
    out.push(
      finish({
        ...base(sortedPair(exporter, importer), sentence),
        measure: 'exports',
        exporter,
        importer,
        goods,
      }),
    );
  }
  for (const m of sentence.text.matchAll(EXPORT_CONTENTS)) {
    const exporter = countryOf(m[1]!);
    const importer = countryOf(m[2]!);
    const goods = goodsList(m[3]!);
    if (!exporter || !importer || exporter === importer || goods.length === 0) continue;
    out.push(
      finish({
        ...base(sortedPair(exporter, importer), sentence),
        measure: 'exports',
        exporter,
        importer,
        goods,
      }),
    );
  }
  const plan = EXPORT_PLANS.exec(sentence.text);
  if (plan) {
    const exporter = countryOf(plan[1]!);
    const goods = goodsList(plan[2]!);
    if (exporter && pair.includes(exporter) && goods.length > 0) {
      const importer = pair.find((c) => c !== exporter) ?? null;
      out.push(
        finish({
          ...base(pair, sentence),
          measure: 'exports',
          exporter,
          importer,
          goods,
          modality: 'target',
        }),
      );
    }
  }
  return out;
}

/**
 * Trade facts of one article. `articleDate` may be inferred (the article is
 * undated but reports a dated event); periods resolved from it say so.
 */
export function extractTrade(
  article: Article,
  articleDate: { date: string | null; inferred: boolean },
): TradeFact[] {
  const fallback = articlePair(article);
  const out: TradeFact[] = [];
  // The paragraph of the previous sentence, when it named the article's pair: "They intend to boost…" follows it.
  let previous: Sentence | null = null;
  let tradeLine = -1;
  // The period the previous sentence about trade gave, for a figure that follows without one.
  let lastPeriod: { period: Period; block: number; line: number } | null = null;
  for (const sentence of article.sentences) {
    // Only the very next sentence carries the pair (news paragraphs can be long), in the same
    // paragraph or on the next line (a question and its answer in an interview).
    const next = (at: { block: number; line: number }) =>
      at.block === sentence.block || sentence.line - at.line === 1;
    const tradeBefore = tradeLine >= 0 && (sentence.line - tradeLine <= 1 || AIM_BACK.test(sentence.text));
    const aboutTrade = TRADE_WORDS.test(sentence.text) || RANKED_AMONG.test(sentence.text);
    tradeLine = aboutTrade ? sentence.line : -1;
    // A sentence about the article's pair, by name or as "the two countries", carries it on to
    // the next one (a carried pair does not carry on); read only when that next one needs it.
    const carried =
      fallback !== null &&
      previous !== null &&
      (previous.block === sentence.block || sentence.line - previous.line === 1) &&
      (aboutTrade || tradeBefore) &&
      sentencePair(previous.text, fallback) === fallback;
    previous = sentence;
    // A sentence right after one about trade may give its figure without the word ("it reached $X").
    const pair = aboutTrade || tradeBefore ? sentencePair(sentence.text, fallback, carried) : null;
    // "… in the reporting period": back to the period last given, even across a paragraph.
    const carry =
      lastPeriod && (next(lastPeriod) || PERIOD_BACK.test(sentence.text)) ? lastPeriod.period : null;
    lastPeriod = null;
    if (!aboutTrade && !tradeBefore) continue;
    const dates = datesIn(sentence.text, articleDate.date).map((d) =>
      articleDate.inferred && d.yearFrom !== 'text' && d.iso
        ? { ...d, display: `${d.display} (inferred)`, iso: d.iso }
        : d,
    );
    // "Trade was assessed for Q1 2021. The mutual trade amounted to $215 million": the period carries over.
    const spoken = periodOf(
      sentence.text,
      dates.filter((d) => d.precision !== 'day'),
      0,
    );
    if (aboutTrade && spoken) lastPeriod = { period: spoken, block: sentence.block, line: sentence.line };
    if (!pair) continue;
    const figures = moneyFacts(sentence, pair, moneyIn(sentence.text), dates, tradeBefore);
    for (const f of figures) {
      if (
        f.period ||
        !carry ||
        f.modality !== 'reported' ||
        (f.measure !== 'volume' && f.measure !== 'growth' && f.measure !== 'exports')
      )
        continue;
      f.period = carry;
      f.statement = tradeStatement(f);
    }
    out.push(...figures);
    // A change of exports with no amount of its own ("exports to Y rose 6.5%", no "to $X").
    if (!figures.some((f) => f.measure === 'exports'))
      out.push(...flowChangeFacts(sentence, pair, (at) => periodOf(sentence.text, dates, at) ?? carry));
    // A rank given with a period ("Spain remained its largest partner last year") is the rank of that period.
    const yearly = dates.filter((d) => d.precision !== 'day');
    out.push(...rankFacts(sentence, pair, (at) => periodOf(sentence.text, yearly, at)));
    out.push(...exportFacts(sentence, pair));
  }
  return out;
}
