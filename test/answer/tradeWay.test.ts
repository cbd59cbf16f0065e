import { describe, expect, it } from 'vitest';
import { askedTradeWay, onlyOtherWay, tradeWaysIn } from '../../src/answer/tradeWay.js';
import { articleEngine } from './articleEngine.js';

describe('which way goods go', () => {
  it('reads the seller and buyer a question asks, in any case', () => {
    expect(askedTradeWay('how much did chile export to peru in 2021?')).toEqual({
      seller: 'Chile',
      buyer: 'Peru',
    });
    expect(askedTradeWay("What share of Norway's imports comes from Iceland?")).toEqual({
      seller: 'Iceland',
      buyer: 'Norway',
    });
    expect(askedTradeWay('How much did Chile and Peru trade in 2021?')).toBeNull();
  });

  it('reads the ways a sentence states', () => {
    expect(tradeWaysIn('Peruvian exports to Chile rose to $2 billion.')).toEqual([
      { seller: 'Peru', buyer: 'Chile' },
    ]);
    expect(tradeWaysIn("Chile's imports from Peru fell.")).toEqual([{ seller: 'Peru', buyer: 'Chile' }]);
  });

  it('finds a sentence that only says the other way round', () => {
    const asked = { seller: 'Chile', buyer: 'Peru' };
    expect(onlyOtherWay('Peruvian exports to Chile rose to $2 billion.', asked)).toBe(true);
    expect(onlyOtherWay('Chilean sales to Peru came to $1 billion.', asked)).toBe(false);
    expect(
      onlyOtherWay('Peru exported $2 billion to Chile, while imports from Chile reached $1 billion.', asked),
    ).toBe(false);
    expect(onlyOtherWay('Trade between Chile and Peru reached $3 billion.', asked)).toBe(false);
  });
});

describe('rank and the way goods go', () => {
  const { first } = articleEngine({
    'chile_peru_trade.txt': [
      'date 2026-03-02 Chile and Peru review trade',
      '',
      'Peruvian exports to Chile reached $2.4 billion in 2025, mostly copper concentrate and fish meal.',
      '',
      'The ministers also discussed a new border crossing at Tacna.',
      '',
    ].join('\n'),
  });

  it('does not answer one way with the other', () => {
    expect(first('How much did Chile export to Peru in 2025?')).toBe('not found');
    expect(first('How much did Peru export to Chile in 2025?')).toBe('chile_peru_trade.txt:3');
  });
});
