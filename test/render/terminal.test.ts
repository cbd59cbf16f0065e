import { describe, expect, it } from 'vitest';
import type { Answer, FactLine } from '../../src/answer/types.js';
import { renderTerminal } from '../../src/render/terminal.js';

const ref = { file: 'seeds/a.txt', line: 3, url: null, date: null };

describe('renderTerminal', () => {
  it('numbers a fact by the quote of its own sentence when two sentences share a line', () => {
    const answer: Answer<FactLine> = {
      command: 'ask',
      query: 'target',
      found: true,
      answer: 'Trade target: $2 billion',
      citations: [
        { n: 1, ...ref, text: 'Trade reached $1.2 billion.', also: [], score: 1 },
        { n: 2, ...ref, text: 'They aim for $2 billion.', also: [], score: 1 },
      ],
      facts: [
        {
          kind: 'trade',
          statement: 'Trade target: $2 billion',
          sources: [{ ...ref, text: 'They aim for $2 billion.' }],
        },
      ],
      matched: 2,
      unmatched: [],
      tookMs: 1,
    };
    const text = renderTerminal(answer);
    expect(text).toContain('• Trade target: $2 billion [2]');
    expect(text).not.toContain('\u001b[');
    expect(renderTerminal(answer, { colour: true })).toContain('\u001b[');
  });

  it('lists the quotes of a fact in order, then its other sources separated, and counts the rest', () => {
    const at = (file: string, line: number) => ({ file, line, url: null, date: null });
    const answer: Answer<FactLine> = {
      command: 'ask',
      query: 'treaty',
      found: true,
      answer: 'Treaty signed',
      citations: [
        { n: 1, ...at('seeds/a.txt', 1), text: 'One.', also: [], score: 1 },
        { n: 2, ...at('seeds/b.txt', 4), text: 'Two.', also: [], score: 1 },
      ],
      facts: [
        {
          kind: 'agreement',
          statement: 'Treaty signed',
          sources: [
            at('seeds/b.txt', 4),
            at('seeds/c.txt', 3),
            at('seeds/a.txt', 1),
            at('seeds/c.txt', 17),
            at('seeds/d.txt', 2),
            at('seeds/d.txt', 9),
            at('seeds/e.txt', 5),
          ],
        },
        { kind: 'agreement', statement: 'Another', sources: [at('seeds/f.txt', 8)] },
      ],
      matched: 2,
      unmatched: [],
      tookMs: 1,
    };
    const text = renderTerminal(answer);
    expect(text).toContain(
      '• Treaty signed [1][2] also seeds/c.txt:3, seeds/c.txt:17, seeds/d.txt:2 and 2 more\n',
    );
    expect(text).toContain('• Another seeds/f.txt:8\n');
  });
});
