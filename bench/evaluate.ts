import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import { ask } from '../src/answer/ask.js';
import type { Answer } from '../src/answer/types.js';
import type { Engine } from '../src/engine.js';

const questionSchema = z.object({
  question: z.string(),
  /** Acceptable citations: any one of them among the first k counts as a hit. An empty list: out of corpus. */
  expect: z.array(z.object({ file: z.string(), line: z.number().int().min(1) })),
  kind: z.string(),
});
export type EvalQuestion = z.infer<typeof questionSchema>;

export const QUESTIONS_FILE = new URL('./questions.json', import.meta.url);

export function loadQuestions(file: URL | string = QUESTIONS_FILE): EvalQuestion[] {
  return z.array(questionSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** What a system returned for one question: ranked locations and whether it claimed an answer. */
export interface Ranking {
  found: boolean;
  /** Each rank's locations (a quote may stand for several near-identical sentences). */
  ranks: Array<Array<{ file: string; line: number }>>;
}

export interface Metrics {
  questions: number;
  inCorpus: number;
  outOfCorpus: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Of the questions answered "not found", the share that really are out of corpus. */
  notFoundPrecision: number;
  /** Of the out-of-corpus questions, the share answered "not found". */
  notFoundRecall: number;
  misses: string[];
}

export function rankingOf(answer: Answer): Ranking {
  return {
    found: answer.found,
    ranks: answer.citations.map((c) => [
      { file: c.file, line: c.line },
      ...c.also.map((a) => ({ file: a.file, line: a.line })),
    ]),
  };
}

function firstHit(q: EvalQuestion, r: Ranking): number {
  const index = r.ranks.findIndex((rank) =>
    rank.some((loc) => q.expect.some((e) => e.file === loc.file && e.line === loc.line)),
  );
  return index < 0 ? Number.POSITIVE_INFINITY : index + 1;
}

export function score(questions: readonly EvalQuestion[], system: (q: string) => Ranking): Metrics {
  let hit1 = 0;
  let hit3 = 0;
  let rr = 0;
  let saidNotFound = 0;
  let correctNotFound = 0;
  let outOfCorpus = 0;
  const misses: string[] = [];
  for (const q of questions) {
    const r = system(q.question);
    const out = q.expect.length === 0;
    if (out) outOfCorpus++;
    if (!r.found) {
      saidNotFound++;
      if (out) correctNotFound++;
      else misses.push(`not found: ${q.question}`);
      continue;
    }
    if (out) {
      misses.push(`answered out-of-corpus: ${q.question}`);
      continue;
    }
    const rank = firstHit(q, r);
    if (rank === 1) hit1++;
    if (rank <= 3) hit3++;
    else misses.push(`not in top 3: ${q.question}`);
    if (Number.isFinite(rank)) rr += 1 / rank;
  }
  const inCorpus = questions.length - outOfCorpus;
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    questions: questions.length,
    inCorpus,
    outOfCorpus,
    hitAt1: ratio(hit1, inCorpus),
    hitAt3: ratio(hit3, inCorpus),
    mrr: ratio(rr, inCorpus),
    notFoundPrecision: ratio(correctNotFound, saidNotFound),
    notFoundRecall: ratio(correctNotFound, outOfCorpus),
    misses,
  };
}

/** citebot's own answers. */
export function citebotSystem(engine: Engine): (q: string) => Ranking {
  return (q) => rankingOf(ask(engine, q, { limit: 3 }));
}

/** Plain MiniSearch with default options over the same sentences: found whenever anything matches. */
export function baselineSystem(engine: Engine): (q: string) => Ranking {
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  mini.addAll(engine.corpus.sentences.map((s) => ({ id: s.id, text: s.text })));
  return (q) => {
    const results = mini.search(q).slice(0, 3);
    return {
      found: results.length > 0,
      ranks: results.map((r) => {
        const s = engine.corpus.sentences[r.id as number]!;
        return [{ file: s.file, line: s.line }];
      }),
    };
  };
}
