import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Engine } from '../src/engine.js';
import type { StatementFact } from '../src/facts/types.js';
import { fold } from '../src/text/normalize.js';

/**
 * Statement extraction (who said what) against hand-labelled statements.
 *
 * The rule: a statement and a label match when they are in the same file and their quotes overlap,
 * Jaccard ≥ 0.8 over the sets of their words, both normalised (lower case, accents and quote marks
 * folded, punctuation dropped). Each label matches at most one statement, best overlap first.
 * - quote span precision = matched statements / statements extracted; recall = matched / labelled.
 * - speaker attribution: a matched statement's speaker is right when both are null, or when the
 *   label's name and ours share their last word (a surname) or one holds the other; precision =
 *   right speakers / statements extracted, recall = right speakers / labelled.
 */

export const SPAN_JACCARD = 0.8;

const labelSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  speaker: z.string().nullable(),
  verb: z.string(),
  quote: z.string(),
});
export type StatementLabel = z.infer<typeof labelSchema>;

export function loadStatementLabels(file: string): StatementLabel[] {
  return z.array(labelSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

const wordsOf = (text: string) =>
  new Set(
    fold(text)
      .toLowerCase()
      .replace(/[’']/g, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== ''),
  );

export function jaccard(a: string, b: string): number {
  const x = wordsOf(a);
  const y = wordsOf(b);
  const both = [...x].filter((w) => y.has(w)).length;
  const either = new Set([...x, ...y]).size;
  return either === 0 ? 0 : both / either;
}

function sameSpeaker(label: string | null, ours: string | null): boolean {
  if (label === null || ours === null) return label === ours;
  const a = [...wordsOf(label)];
  const b = [...wordsOf(ours)];
  if (a.join(' ') === b.join(' ')) return true;
  return a.at(-1) === b.at(-1) || a.every((w) => b.includes(w)) || b.every((w) => a.includes(w));
}

export interface StatementScores {
  labelled: number;
  extracted: number;
  spanMatched: number;
  speakerRight: number;
  lineRight: number;
  misses: string[];
}

export function scoreStatements(engine: Engine, labels: readonly StatementLabel[]): StatementScores {
  const base = (f: string) => path.basename(f);
  const ours = engine.facts.statements;
  const pairs: Array<{ l: number; s: number; j: number }> = [];
  labels.forEach((label, l) => {
    ours.forEach((s, i) => {
      if (base(s.source.file) !== base(label.file)) return;
      const j = jaccard(label.quote, s.quote);
      if (j >= SPAN_JACCARD) pairs.push({ l, s: i, j });
    });
  });
  pairs.sort((a, b) => b.j - a.j);
  const labelTaken = new Map<number, StatementFact>();
  const oursTaken = new Set<number>();
  for (const p of pairs) {
    if (labelTaken.has(p.l) || oursTaken.has(p.s)) continue;
    labelTaken.set(p.l, ours[p.s]!);
    oursTaken.add(p.s);
  }
  const misses: string[] = [];
  let speakerRight = 0;
  let lineRight = 0;
  labels.forEach((label, l) => {
    const s = labelTaken.get(l);
    const where = `${base(label.file)}:${label.line}`;
    if (!s) {
      misses.push(
        `missed ${where} (${label.speaker ?? 'null'} ${label.verb}): "${label.quote.slice(0, 80)}"`,
      );
      return;
    }
    if (s.source.line === label.line) lineRight++;
    if (sameSpeaker(label.speaker, s.speaker)) speakerRight++;
    else
      misses.push(
        `speaker ${where}: labelled ${label.speaker ?? 'null'}, got ${s.speaker ?? 'null'} ("${s.speakerText}")`,
      );
  });
  ours.forEach((s, i) => {
    if (!oursTaken.has(i))
      misses.push(
        `extra ${base(s.source.file)}:${s.source.line} (${s.speaker ?? 'null'} ${s.verb}): "${s.quote.slice(0, 80)}"`,
      );
  });
  return {
    labelled: labels.length,
    extracted: ours.length,
    spanMatched: labelTaken.size,
    speakerRight,
    lineRight,
    misses,
  };
}
