import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/split.js';

/**
 * Property tests of sentence splitting on the two shapes articles come in:
 * one sentence or paragraph per line, and hard-wrapped text. Every sentence
 * must come out whole and verbatim, with the line it STARTS on, exactly.
 */

const WORDS =
  'trade grew by a third and reached record the ministry said between two countries in of to which officials agreed plan new road gas pipeline opened'.split(
    ' ',
  );
const NAMES = ['Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Almaty', 'Bishkek', 'Tokayev'];
const FIGURES = ['2023', '$2.5', '18.5%', '1,200', '40'];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...FIGURES) },
);

/** A sentence: a capitalised first word, then words, then an end mark. */
const sentence = fc
  .tuple(
    fc.constantFrom(...NAMES, 'The', 'Officials', 'Trade'),
    fc.array(word, { minLength: 2, maxLength: 14 }),
    fc.constantFrom('.', '.', '.', '?', '!'),
  )
  .map(([first, rest, end]) => `${[first, ...rest].join(' ')}${end}`);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 });

interface Expected {
  line: number;
  text: string;
}

/** Words laid into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const w of text.split(' ')) {
    if (current !== '' && current.length + 1 + w.length > width) {
      lines.push(current);
      current = w;
    } else current = current === '' ? w : `${current} ${w}`;
  }
  if (current !== '') lines.push(current);
  return lines;
}

const actual = (lines: string[]): Expected[] =>
  splitSentences(lines).map((s) => ({ line: s.line, text: s.text }));

describe('splitSentences on one sentence or paragraph per line', () => {
  it('returns every sentence whole, on the line it is on', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(paragraph, fc.boolean()), { minLength: 1, maxLength: 8 }),
        (paragraphs) => {
          const lines: string[] = [];
          const expected: Expected[] = [];
          for (const [sentences, blankAfter] of paragraphs) {
            lines.push(sentences.join(' '));
            for (const text of sentences) expected.push({ line: lines.length, text });
            if (blankAfter) lines.push('');
          }
          expect(actual(lines)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('splitSentences on hard-wrapped text', () => {
  it('returns every sentence whole, cited on the line where it starts', () => {
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 30, max: 90 }),
        fc.boolean(),
        (paragraphs, width, blankBetween) => {
          const lines: string[] = [];
          const expected: Expected[] = [];
          for (const sentences of paragraphs) {
            const wrapped = wrap(sentences.join(' '), width);
            // Where each sentence starts: the line holding its first character.
            let line = 0;
            let at = 0;
            for (const text of sentences) {
              while (at >= wrapped[line]!.length + 1) {
                at -= wrapped[line]!.length + 1;
                line++;
              }
              expected.push({ line: lines.length + line + 1, text });
              at += text.length + 1;
            }
            lines.push(...wrapped);
            if (blankBetween) lines.push('');
          }
          expect(actual(lines)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
