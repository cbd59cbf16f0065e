import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseArticle } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { extractFacts, extractWith } from '../../src/facts/index.js';
import { factSchema, factsSchema, KINDS } from '../../src/facts/kinds/index.js';
import { type FactKind, sentenceKind } from '../../src/facts/kinds/kind.js';

// The kinds' registry: extraction order from each kind's `needs`, and a kind added as one module.

function corpusOf(...texts: string[]): Corpus {
  const articles = texts.map((t, i) => parseArticle(t, `${i}.txt`, `/${i}.txt`, i, i * 100));
  return { dir: '/', articles, sentences: articles.flatMap((a) => a.sentences), warnings: [], hash: '' };
}

const ARTICLES = [
  [
    'date 2025-03-04',
    'President Anna Berg of Norway met Prime Minister Kai Lund of Denmark in Oslo on 3 March 2025.',
    'Trade between Norway and Denmark reached $2.1 billion in 2024, Berg said.',
  ].join('\n'),
  // Undated: the same meeting, reported elsewhere, dates it.
  'Berg and Lund met in Oslo on 3 March 2025 and signed the Agreement on Fisheries Cooperation.',
];

describe('the fact kinds', () => {
  it('list only kinds that exist among the ones they need, and never need each other in a circle', () => {
    const names = KINDS.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    for (const k of KINDS)
      for (const need of ('needs' in k ? k.needs : undefined) ?? []) expect(names).toContain(need);
    expect(() => extractFacts(corpusOf(...ARTICLES))).not.toThrow();
  });

  it('give every extracted fact a schema that accepts it, and a snapshot schema that accepts them all', () => {
    const facts = extractFacts(corpusOf(...ARTICLES));
    expect(facts.all.length).toBeGreaterThan(0);
    for (const f of facts.all) expect(factSchema.safeParse(f).success).toBe(true);
    expect(factsSchema.safeParse(facts).success).toBe(true);
    expect(factsSchema.safeParse({ ...facts, meetings: 'not a list' }).success).toBe(false);
  });

  it('run a kind after the kinds it needs, whatever their order in the list', () => {
    const order: string[] = [];
    const kind = (name: string, needs: string[] = []): FactKind<string, { kind: string }> => ({
      kind: name,
      schema: z.object({ kind: z.literal(name) }) as z.ZodType<{ kind: string }>,
      needs,
      extract: () => {
        order.push(name);
        return [];
      },
    });
    extractWith(corpusOf('One sentence.'), [kind('c', ['b']), kind('a'), kind('b', ['a'])]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(() => extractWith(corpusOf('One sentence.'), [kind('x', ['y']), kind('y', ['x'])])).toThrow(
      /need each other: x → y → x/,
    );
  });

  it('take a new kind as one module: its facts are extracted, checked, kept in its field and in all', () => {
    const weekdaySchema = z.object({ kind: z.literal('weekday'), day: z.string(), line: z.number().int() });
    const weekday = sentenceKind<z.infer<typeof weekdaySchema>>('weekday', weekdaySchema, (s) =>
      [...s.text.matchAll(/\b(Monday|Tuesday|Wednesday|Thursday|Friday)\b/g)].map((m) => ({
        kind: 'weekday',
        day: m[1]!,
        line: s.line,
      })),
    );
    const facts = extractWith(
      corpusOf('date 2025-03-07\nThe ministers met on Tuesday and again on Friday.'),
      [
        ...(KINDS as unknown as FactKind<string, { kind: string }>[]),
        { ...weekday, field: 'weekdays' } as FactKind<string, { kind: string }>,
      ],
    ) as { all: { kind: string }[]; weekdays: unknown[] };
    expect(facts.weekdays).toEqual([
      { kind: 'weekday', day: 'Tuesday', line: 2 },
      { kind: 'weekday', day: 'Friday', line: 2 },
    ]);
    expect(facts.all.filter((f) => f.kind === 'weekday')).toHaveLength(2);
  });

  it('reject a fact its own schema does not accept, instead of keeping it', () => {
    const bad: FactKind<string, { kind: string }> = {
      kind: 'broken',
      schema: z.object({ kind: z.literal('broken'), value: z.number() }) as z.ZodType<{ kind: string }>,
      extract: () => [{ kind: 'broken', value: 'not a number' } as unknown as { kind: string }],
    };
    expect(() => extractWith(corpusOf('One sentence.'), [bad])).toThrow();
  });
});
