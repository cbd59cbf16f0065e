import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { exportIndex, importIndex } from '../../src/index/serialize.js';
import { seedEngine } from '../support/seedEngine.js';
import { treeShape } from './support.js';

let engine: Engine;
beforeAll(async () => {
  engine = await seedEngine();
});

describe('importIndex', () => {
  it('returns an index identical to the exported one, trees included', () => {
    const data = JSON.parse(JSON.stringify(exportIndex(engine.index)));
    const imported = importIndex(data, engine.index.docs);
    expect(JSON.stringify(imported.mini)).toBe(JSON.stringify(engine.index.mini));
    expect(treeShape(imported.mini)).toBe(treeShape(engine.index.mini));
    expect(imported.spellingKeys('negotiatons', 2)).toEqual(engine.index.spellingKeys('negotiatons', 2));
  });

  it('throws a message naming the module when the data does not fit', () => {
    const data = exportIndex(engine.index);
    expect(() => importIndex({ ...data, layout: 2 as 1 }, engine.index.docs)).toThrow(/^searchIndex: /);
    expect(() => importIndex({ ...data, vocabulary: [1, 2] }, engine.index.docs)).toThrow(/^searchIndex: /);
    expect(() => importIndex({ ...data, fieldIds: { text: 0 } }, engine.index.docs)).toThrow(
      /^searchIndex: /,
    );
  });
});
