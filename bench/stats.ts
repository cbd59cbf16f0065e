/** Nearest-rank percentile (p in [0, 1]) of a sample; NaN for an empty one. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (sample: readonly number[]): number => percentile(sample, 0.5);

/** Median, p99 and worst of a latency sample, in ms. */
export interface Latency {
  n: number;
  median: number;
  p99: number;
  max: number;
}

export function latency(sample: readonly number[]): Latency {
  return {
    n: sample.length,
    median: median(sample),
    p99: percentile(sample, 0.99),
    max: percentile(sample, 1),
  };
}
