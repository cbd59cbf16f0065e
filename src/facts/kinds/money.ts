import { formatUsd, moneyIn } from '../money.js';
import { type MoneyFact, moneyFactSchema } from '../types.js';
import { type SentenceKind, sentenceKind, sourceOf } from './kind.js';

/** Amounts of money (src/facts/money.ts), with their value in US dollars when the rate is known. */
export const money: SentenceKind<MoneyFact> = sentenceKind('money', moneyFactSchema, (sentence) =>
  moneyIn(sentence.text).map((m) => ({
    kind: 'money',
    text: m.text,
    amount: m.amount,
    currency: m.currency,
    usd: m.usd,
    statement: m.usd !== null ? `${m.text} (${formatUsd(m.usd)})` : `${m.text} (${m.currency})`,
    source: sourceOf(sentence),
  })),
);
