import { percentsIn } from '../money.js';
import { type PercentFact, percentFactSchema } from '../types.js';
import { type SentenceKind, sentenceKind, sourceOf } from './kind.js';

/** Percentages (src/facts/money.ts). */
export const percent: SentenceKind<PercentFact> = sentenceKind('percent', percentFactSchema, (sentence) =>
  percentsIn(sentence.text).map((p) => ({
    kind: 'percent',
    text: p.text,
    value: p.value,
    statement: `${p.value}%`,
    source: sourceOf(sentence),
  })),
);
