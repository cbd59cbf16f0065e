import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import {
  buildIndex,
  buildIndexAsync,
  type IndexDoc,
  type KeySet,
  keyJaccard,
} from '../../src/index/searchIndex.js';
import { contentKeys } from '../../src/text/normalize.js';
import { seedEngine } from '../support/seedEngine.js';
import { docsArbitrary, plainAddAll, treeShape } from './support.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe('buildIndex', () => {
  it('returns the same index as MiniSearch addAll when built over the seeds', () => {
    const docs = engine.index.docs;
    const plain = plainAddAll(docs);
    expect(JSON.stringify(buildIndex(docs).mini)).toBe(JSON.stringify(plain));
    expect(treeShape(buildIndex(docs).mini)).toBe(treeShape(plain));
  });

  it('returns the same index as MiniSearch addAll for any documents', () => {
    fc.assert(
      fc.property(docsArbitrary, (docs) => {
        const built = buildIndex(docs).mini;
        const plain = plainAddAll(docs);
        expect(JSON.stringify(built)).toBe(JSON.stringify(plain));
        expect(treeShape(built)).toBe(treeShape(plain));
      }),
      { numRuns: 100 },
    );
  });

  it('throws MiniSearch’s message when a document id repeats', () => {
    const doc: IndexDoc = { id: 0, type: 'sentence', text: 'trade', keywords: '' };
    expect(() => buildIndex([doc, doc])).toThrow('MiniSearch: duplicate ID 0');
  });
});

describe('buildIndexAsync', () => {
  it('returns the same index as buildIndex', async () => {
    const docs = engine.index.docs;
    const built = await buildIndexAsync(docs, { sliceMs: 1 });
    expect(JSON.stringify(built.mini)).toBe(JSON.stringify(buildIndex(docs).mini));
    expect(treeShape(built.mini)).toBe(treeShape(buildIndex(docs).mini));
  });
});

describe('keySet', () => {
  const idsOf = (set: KeySet) => [...set.ids.subarray(set.start, set.end)];

  it('returns as many ids as the text has distinct content keys', () => {
    for (const doc of engine.index.docs.filter((d) => d.type === 'sentence')) {
      const set = engine.index.keySet(doc.id);
      expect(set.end - set.start).toBe(new Set(contentKeys(doc.text)).size);
    }
  });

  it('returns the ids keySetOfText gives the same text, sorted', () => {
    for (const doc of engine.index.docs.slice(0, 40)) {
      if (doc.type !== 'sentence') continue;
      const ids = idsOf(engine.index.keySet(doc.id));
      expect(ids).toEqual(idsOf(engine.index.keySetOfText(doc.text)));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
  });
});

describe('keyJaccard', () => {
  it('returns the Jaccard similarity of the texts’ content keys', () => {
    const { index } = engine;
    const a = index.keySetOfText('trade target agreement Tajikistan');
    const b = index.keySetOfText('the trade agreement with Kazakhstan');
    expect(keyJaccard(a, b)).toBeCloseTo(2 / 5, 12);
    expect(keyJaccard(a, a)).toBe(1);
    expect(keyJaccard(index.keySetOfText('the'), index.keySetOfText('of'))).toBe(0);
  });
});
