import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { internalsOf, missingInternals } from '../../src/index/internals.js';
import { INDEX_OPTIONS, type IndexDoc } from '../../src/index/options.js';

describe('internalsOf', () => {
  it('returns the instance when every private field it reads is there', () => {
    const mini = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
    expect(internalsOf(mini)).toBe(mini);
  });

  it('throws a message naming the missing field and the MiniSearch version when one is gone', () => {
    const mini = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
    delete (mini as unknown as Record<string, unknown>)._avgFieldLength;
    expect(() => internalsOf(mini)).toThrow(
      "searchIndex: MiniSearch's private _avgFieldLength (array expected) is missing or changed; src/index/internals.ts is written against MiniSearch 7.2",
    );
    expect(missingInternals({})).toBe('_index._tree (the radix tree of terms)');
  });
});
