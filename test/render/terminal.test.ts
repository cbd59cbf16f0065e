import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { renderTerminal } from '../../src/render/terminal.js';

const ref = { file: 'seeds/a.txt', line: 3, url: null, date: null };

describe('renderTerminal', () => {
  it('numbers a fact by the quote of its own sentence when two sentences share a line', () => {
    const answer: Answer = {
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
});
