import type { Answer, FactLine } from '../answer/types.js';
import { tradeSeries } from './chartSeries.js';

/** The JSON form of an answer (`--json`): stable field names, rounded timings. */
export function toJson(answer: Answer<FactLine>): Record<string, unknown> {
  return {
    command: answer.command,
    query: answer.query,
    found: answer.found,
    answer: answer.answer,
    citations: answer.citations.map((c) => ({
      n: c.n,
      file: c.file,
      line: c.line,
      text: c.text,
      url: c.url,
      date: c.date,
      also: c.also,
      score: c.score,
    })),
    facts: answer.facts,
    matched: answer.matched,
    unmatched: answer.unmatched,
    tookMs: Number(answer.tookMs.toFixed(2)),
    // `/check`: the verdict of each claim, with the sentences for and against it.
    ...('claims' in answer ? { claims: answer.claims } : {}),
    // `/trade`: the volume by year the chart shows.
    ...(answer.command === 'trade' ? { series: tradeSeries(answer) } : {}),
  };
}
