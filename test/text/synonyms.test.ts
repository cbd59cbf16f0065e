import { describe, expect, it } from 'vitest';
import { termKey } from '../../src/text/normalize.js';
import { synonymsOf } from '../../src/text/synonyms.js';

const same = (a: string, b: string) => synonymsOf(termKey(a)).includes(termKey(b));

describe('synonymsOf', () => {
  it.each([
    ['greeted', 'welcomed'],
    ['landed', 'arrived'],
    ['previous', 'last'],
    ['firms', 'companies'],
    ['holidaymakers', 'tourists'],
    ['lorries', 'trucks'],
    ['sell', 'exports'],
    ['bought', 'imports'],
  ])('finds "%s" by "%s" and back', (a, b) => {
    expect(same(a, b)).toBe(true);
    expect(same(b, a)).toBe(true);
  });

  it('never gives a word itself, nor a word of another group', () => {
    expect(synonymsOf(termKey('greet'))).not.toContain(termKey('greet'));
    expect(same('sell', 'imports')).toBe(false);
  });
});
