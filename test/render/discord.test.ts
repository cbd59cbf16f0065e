import { describe, expect, it } from 'vitest';
import type { Answer, Citation, FactLine } from '../../src/answer/types.js';
import {
  pageCount,
  QUOTE_MAX,
  QUOTES_PER_PAGE,
  renderAnswer,
  renderNotice,
  safeText,
  trimAtWord,
} from '../../src/render/discord.js';
import { limitProblems } from '../support/discordLimits.js';

function citation(n: number, text: string, extra: Partial<Citation> = {}): Citation {
  return {
    n,
    file: `seeds/00${n % 10}_article.txt`,
    line: 10 + n,
    url: `https://example.test/seeds/00${n % 10}_article.txt#L${10 + n}`,
    date: '2025-02-12',
    text,
    also: [],
    score: 10 - n,
    ...extra,
  };
}

function answer(extra: Partial<Answer<FactLine>> = {}): Answer<FactLine> {
  return {
    command: 'ask',
    query: 'What is the trade target?',
    found: true,
    answer: 'They aim for $2 billion.',
    citations: [citation(1, 'They aim to raise trade to $2 billion.')],
    facts: [],
    matched: 12,
    unmatched: [],
    tookMs: 3.21,
    ...extra,
  };
}

describe('renderAnswer', () => {
  it('returns an embed with the answer, a numbered quote block, its linked dated source and a footer', () => {
    const message = renderAnswer(answer(), { key: 'k1' });
    const [embed] = message.embeds;
    expect(embed?.title).toBe('What is the trade target?');
    expect(embed?.description).toBe(
      'They aim for $2 billion.\n\n' +
        '> **[1]** They aim to raise trade to $2 billion.\n' +
        '— [seeds/001\\_article.txt:11](https://example.test/seeds/001_article.txt#L11) (2025-02-12)',
    );
    expect(embed?.footer?.text).toBe('12 sentences matched · took 3.2 ms');
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(message.flags).toBe(0);
  });

  it('returns file:line without a link when there is no source URL, and "also" sources', () => {
    const quoted = citation(1, 'A sentence.', {
      url: null,
      date: null,
      also: [{ file: 'seeds/002_b.txt', line: 4, url: null, date: '2024-08-22' }],
    });
    const description = renderAnswer(answer({ citations: [quoted] })).embeds[0]?.description;
    expect(description).toContain('— seeds/001\\_article.txt:11; also seeds/002\\_b.txt:4 (2024-08-22)');
  });

  it('returns a long quote trimmed at a word boundary with an ellipsis', () => {
    const long = `${'word '.repeat(300)}end.`;
    const description = renderAnswer(answer({ citations: [citation(1, long)] })).embeds[0]?.description ?? '';
    const quote = /^> \*\*\[1\]\*\* (.*)$/m.exec(description)?.[1] ?? '';
    expect(quote.length).toBeLessThanOrEqual(QUOTE_MAX);
    expect(quote).toMatch(/ word…$/);
  });

  it('returns the facts, with their sources, before the quotes', () => {
    const facts = [
      {
        kind: 'trade',
        statement: 'Trade 2024: $1.2 billion (+7%)',
        sources: [{ file: 'seeds/000_a.txt', line: 23, url: null, date: '2025-02-12' }],
      },
    ];
    const description = renderAnswer(answer({ facts })).embeds[0]?.description ?? '';
    expect(description).toContain('• **Trade 2024: $1.2 billion (+7%)** — seeds/000\\_a.txt:23 (2025-02-12)');
    expect(description.indexOf('Trade 2024')).toBeLessThan(description.indexOf('> **[1]**'));
  });

  it('returns markdown and mentions from users and articles made inert', () => {
    const message = renderAnswer(
      answer({
        query: '@everyone <@&123> **loud**',
        citations: [citation(1, '# Not a heading, @here <@42> ~~struck~~ [link](https://x.test)')],
      }),
    );
    const [embed] = message.embeds;
    expect(embed?.title).toBe('@\u200beveryone <\u200b@&123> \\*\\*loud\\*\\*');
    expect(embed?.description).toContain(
      '\\# Not a heading, @\u200bhere <\u200b@42> \\~\\~struck\\~\\~ \\[link](https://x.test)',
    );
  });

  it('returns pages of at most five quotes with Prev / Next, and Post to channel when private', () => {
    const many = answer({
      citations: Array.from({ length: 12 }, (_, i) => citation(i + 1, `Sentence ${i + 1}.`)),
    });
    expect(pageCount(many)).toBe(3);
    const middle = renderAnswer(many, { key: 'k1', page: 1, private: true });
    expect(middle.flags).toBe(64);
    expect(middle.embeds[0]?.footer?.text).toMatch(/page 2 of 3$/);
    expect(middle.embeds[0]?.description?.match(/^> /gm)).toHaveLength(QUOTES_PER_PAGE);
    const [controls, context] = middle.components;
    expect(controls?.components).toEqual([
      expect.objectContaining({ custom_id: 'pg:k1:0:p', label: '◀ Prev', disabled: false }),
      expect.objectContaining({ custom_id: 'pg:k1:2:n', label: 'Next ▶', disabled: false }),
      expect.objectContaining({ custom_id: 'post:k1:1', label: 'Post to channel' }),
    ]);
    expect(context?.components.map((b) => ('label' in b ? b.label : ''))).toEqual(
      [6, 7, 8, 9, 10].map((n) => `Show context [${n}]`),
    );
    expect(limitProblems(middle)).toEqual([]);
  });

  it('returns no paging or posting buttons without a key', () => {
    const message = renderAnswer(answer(), { private: true });
    expect(
      message.components.flatMap((r) => r.components).map((b) => ('custom_id' in b ? b.custom_id : '')),
    ).toEqual(['ctx:11:001_article.txt']);
  });

  it('returns the paragraph of a /source answer as one quote block with the cited line in bold', () => {
    const context = answer({
      command: 'source',
      query: '001:12',
      answer: 'Second.',
      citations: [
        citation(1, 'First.', { score: 0 }),
        citation(2, 'Second.', { score: 1 }),
        citation(3, 'Third.', { score: 0 }),
      ],
    });
    const message = renderAnswer(context);
    expect(message.embeds[0]?.title).toBe('seeds/002\\_article.txt:12');
    expect(message.embeds[0]?.description).toMatch(/^> First\. \*\*Second\.\*\* Third\.\n— \[seeds/);
    expect(message.components).toEqual([]);
  });

  it('returns a short private notice without an embed when nothing is found', () => {
    const message = renderAnswer(
      answer({ found: false, answer: 'Nothing in the corpus answers that.', citations: [] }),
    );
    expect(message).toEqual({
      content: 'Nothing in the corpus answers that.',
      embeds: [],
      components: [],
      flags: 64 | 4,
      allowedMentions: { parse: [] },
    });
  });
});

describe('renderNotice', () => {
  it('returns the text escaped, private, with link unfurls suppressed', () => {
    expect(renderNotice('No article named "**x**".')).toMatchObject({
      content: 'No article named "\\*\\*x\\*\\*".',
      flags: 68,
    });
  });
});

describe('trimAtWord', () => {
  it('returns the text unchanged when it fits, else cut at a word with an ellipsis', () => {
    expect(trimAtWord('short text', 20)).toBe('short text');
    expect(trimAtWord('the quick brown fox jumps', 18)).toBe('the quick brown…');
    expect(trimAtWord('a 😀😀😀', 4)).toBe('a…');
  });
});

describe('safeText', () => {
  it('returns a quote marker at a line start escaped', () => {
    expect(safeText('> not a quote\n-# not small')).toBe('\\> not a quote\n\\-# not small');
  });
});
