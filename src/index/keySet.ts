/**
 * Sets of a document's distinct content keys, for near-duplicate tests.
 *
 * Distinct key ids, sorted: `ids[start] … ids[end - 1]`. A range of a shared
 * array rather than a typed-array view, because V8 makes a view slowly and a
 * common word asks for tens of thousands of them.
 */
export interface KeySet {
  ids: Int32Array;
  start: number;
  end: number;
}

/**
 * Whether two key sets' Jaccard similarity reaches `threshold`: the same
 * answer as `keyJaccard(a, b) >= threshold`, without comparing sets whose
 * sizes alone rule it out (a set can share at most all of the smaller one).
 */
export function keysSimilar(a: KeySet, b: KeySet, threshold: number): boolean {
  const sizeA = a.end - a.start;
  const sizeB = b.end - b.start;
  const best = sizeA < sizeB ? sizeA : sizeB;
  const bestUnion = sizeA + sizeB - best;
  // Computed as keyJaccard computes it: float division rounds monotonically,
  // so a best case below the threshold means the real value is below it too.
  if ((bestUnion === 0 ? 0 : best / bestUnion) < threshold) return false;
  return keyJaccard(a, b) >= threshold;
}

/** Jaccard similarity of two key sets. */
export function keyJaccard(a: KeySet, b: KeySet): number {
  const x = a.ids;
  const y = b.ids;
  let i = a.start;
  let j = b.start;
  let shared = 0;
  while (i < a.end && j < b.end) {
    const p = x[i]!;
    const q = y[j]!;
    if (p === q) {
      shared++;
      i++;
      j++;
    } else if (p < q) i++;
    else j++;
  }
  const union = a.end - a.start + (b.end - b.start) - shared;
  return union === 0 ? 0 : shared / union;
}
