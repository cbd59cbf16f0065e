import { describe, expect, it } from 'vitest';
import { factFits, figureAsked } from '../../src/answer/factFit.js';
import type { IndexedFact } from '../../src/engine.js';
import type { TradeLine } from '../../src/facts/tradeSummary.js';

const line = (measure: TradeLine['measure'], periodLabel: string | null): IndexedFact => ({
  kind: 'trade',
  fact: {
    measure,
    pair: ['Kazakhstan', 'Kyrgyzstan'],
    year: periodLabel ? Number(periodLabel.match(/\d{4}/)?.[0]) : null,
    periodLabel,
    amountUsd: measure === 'growth' ? null : 2.1e9,
    qualifier: null,
    percent: measure === 'growth' ? 12 : null,
    rank: null,
    rankNote: null,
    exporter: null,
    importer: null,
    goods: [],
    modality: 'reported',
    disputed: false,
    undatedSources: [],
    statement: `Kazakhstan–Kyrgyzstan ${measure}, ${periodLabel}`,
    sources: [],
  },
});

const fits = (question: string, fact: IndexedFact) => factFits(figureAsked(question), fact);

describe('factFits', () => {
  it('answers "grow" with a growth figure, not with the volume', () => {
    const q = 'How much did trade between Kazakhstan and Kyrgyzstan grow in 2024?';
    expect(fits(q, line('volume', '2024'))).toBe(false);
    expect(fits(q, line('growth', '2024'))).toBe(true);
  });

  it('answers "sell" and "buy" with exports, and a goal with a target', () => {
    expect(fits('How much did Kazakhstan sell to Kyrgyzstan?', line('volume', '2024'))).toBe(false);
    expect(fits('How much did Kyrgyzstan buy from Kazakhstan?', line('exports', '2024'))).toBe(true);
    expect(fits('What is the trade goal for 2030?', line('volume', '2024'))).toBe(false);
    expect(fits('What is the trade goal for 2030?', line('target', 'by 2030'))).toBe(true);
  });

  it('takes any measure when the question names none', () => {
    expect(fits('What was trade between Kazakhstan and Kyrgyzstan in 2024?', line('volume', '2024'))).toBe(
      true,
    );
    expect(fits('What was trade between Kazakhstan and Kyrgyzstan in 2024?', line('growth', '2024'))).toBe(
      true,
    );
  });

  it('reads "place" as a rank only among partners', () => {
    expect(figureAsked('What place does Kyrgyzstan hold among its trading partners?').measures).toEqual(
      new Set(['rank']),
    );
    expect(figureAsked('In what place did they meet?').measures).toEqual(new Set());
  });

  it('does not answer a half-year question with a figure for another span', () => {
    const q = 'What was the trade in the first half of 2024?';
    expect(fits(q, line('volume', '2024'))).toBe(false);
    expect(fits(q, line('volume', 'second half of 2024'))).toBe(false);
    expect(fits(q, line('volume', 'first half of 2024'))).toBe(true);
    expect(
      fits('What was the trade in the six months to June 2024?', line('volume', 'first half of 2024')),
    ).toBe(true);
    expect(fits('What was the trade in January-August 2023?', line('volume', '2023-08'))).toBe(true);
    expect(fits('What was the trade in January-August 2023?', line('volume', '2023'))).toBe(false);
  });
});
