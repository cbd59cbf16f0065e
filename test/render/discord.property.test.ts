import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation, FactLine, SourceRef } from '../../src/answer/types.js';
import { pageCount, renderAnswer } from '../../src/render/discord.js';
import { limitProblems } from '../support/discordLimits.js';

// Text that stresses the renderer: any code point, and runs of markdown and mention syntax that escaping lengthens.
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({
      unit: fc.constantFrom(
        '*',
        '_',
        '`',
        '~',
        '|',
        '\\',
        '>',
        '#',
        '-',
        '[',
        ']',
        '(',
        ')',
        '@',
        '<',
        '&',
        ' ',
        '\n',
        'a',
        '😀',
      ),
      maxLength,
    }),
    fc.lorem({ maxCount: Math.ceil(maxLength / 6) }),
  );

const source: fc.Arbitrary<SourceRef> = fc.record({
  file: fc.oneof(text(300), fc.constant('seeds/000_5c82c171a96e32aa.txt')),
  line: fc.integer({ min: 1, max: 10_000_000 }),
  url: fc.option(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), text(600)), {
    nil: null,
  }),
  date: fc.option(fc.oneof(fc.constant('2025-02-12'), text(20)), { nil: null }),
});

const citation: fc.Arbitrary<Citation> = fc
  .record({
    source,
    text: text(3000),
    also: fc.array(source, { maxLength: 12 }),
    score: fc.double({ noNaN: true }),
  })
  .map(({ source: ref, ...rest }) => ({ ...ref, ...rest, n: 0 }));

const fact: fc.Arbitrary<FactLine> = fc.record({
  kind: fc.constantFrom('trade', 'agreement', 'meeting'),
  statement: text(1500),
  sources: fc.array(source, { maxLength: 12 }),
});

const answer: fc.Arbitrary<Answer<FactLine>> = fc
  .record({
    command: fc.constantFrom('ask', 'search', 'source', 'trade', 'meetings'),
    query: text(6000),
    found: fc.boolean(),
    answer: text(10_000),
    citations: fc.array(citation, { maxLength: 30 }),
    facts: fc.array(fact, { maxLength: 40 }),
    matched: fc.nat(),
    unmatched: fc.array(fc.string(), { maxLength: 3 }),
    tookMs: fc.double({ min: 0, max: 1e7, noNaN: true }),
  })
  .map((a) => ({ ...a, citations: a.citations.map((c, i) => ({ ...c, n: i + 1 })) }));

describe('renderAnswer', () => {
  it('returns, for any answer, pages that each stay within every Discord limit', () => {
    fc.assert(
      fc.property(answer, fc.boolean(), (random, isPrivate) => {
        const pages = pageCount(random);
        expect(pages).toBeGreaterThanOrEqual(1);
        for (let page = 0; page < pages; page++) {
          const message = renderAnswer(random, { key: 'Ab_-12xy', page, private: isPrivate });
          expect(limitProblems(message)).toEqual([]);
          expect(message.allowedMentions).toEqual({ parse: [] });
        }
      }),
      { numRuns: 300 },
    );
  });
});
