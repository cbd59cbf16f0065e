import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextId, MAX_CUSTOM_ID, pageId, parseCustomId, postId } from '../../src/render/customId.js';

describe('parseCustomId', () => {
  it('returns the action of every id citebot makes', () => {
    expect(parseCustomId(pageId('Ab_-12xy', 3, 'n'))).toEqual({ kind: 'page', key: 'Ab_-12xy', page: 3 });
    expect(parseCustomId(postId('Ab_-12xy', 0))).toEqual({ kind: 'post', key: 'Ab_-12xy', page: 0 });
    expect(parseCustomId(contextId('000_x:y.txt', 23)!)).toEqual({
      kind: 'context',
      file: '000_x:y.txt',
      line: 23,
    });
  });

  it('returns null for an id it does not know', () => {
    for (const id of ['', 'pg', 'pg:k', 'pg:k:x:n', 'post:', 'ctx:1:', 'ctx:x:file', 'vote:1']) {
      expect(parseCustomId(id)).toBeNull();
    }
  });
});

describe('contextId', () => {
  it('returns an id of at most 100 characters that names a start of the file, for any name and line', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 1e7 }),
        (name, line) => {
          const id = contextId(name, line);
          expect(id).not.toBeNull();
          expect(id!.length).toBeLessThanOrEqual(MAX_CUSTOM_ID);
          const action = parseCustomId(id!);
          expect(action).toMatchObject({ kind: 'context', line });
          expect(name.startsWith((action as { file: string }).file)).toBe(true);
        },
      ),
    );
  });
});
