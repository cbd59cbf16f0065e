import { percentsIn } from '../money.js';
import { type PercentFact, percentFactSchema } from '../types.js';
import { type SentenceKind, sourceOf } from './kind.js';

/** Percentages (src/facts/money.ts). */
export const percent: SentenceKind<PercentFact> = {
  kind: 'percent',
  schema: percentFactSchema,
  fromSentence: (sentence) =>
    percentsIn(sentence.text).map((p) => ({
      kind: 'percent',
      text: p.text,
      value: p.value,
      statement: `${p.value}%`,
      source: sourceOf(sentence),
    })),
};
