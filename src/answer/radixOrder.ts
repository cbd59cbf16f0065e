/**
 * The ranking's order by radix passes (src/answer/rank.ts): relevant documents first, then score
 * descending, then id, as a stable comparator sort would give, in linear time for thousands of matches.
 */

const RADIX_BITS = 11;
const RADIX_BUCKETS = 1 << RADIX_BITS;
/** Below this many matches a comparator sort is as quick as radix passes. */
export const RADIX_MIN = 1024;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** One stable counting pass over `order` by an 11-bit digit of `key`; false when every item has the same digit. */
function radixPass(
  order: Uint32Array,
  next: Uint32Array,
  key: Uint32Array,
  shift: number,
  counts: Uint32Array,
): boolean {
  const n = order.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(key[order[i]!]! >>> shift) & (RADIX_BUCKETS - 1)]!++;
  let sum = 0;
  for (let b = 0; b < RADIX_BUCKETS; b++) {
    const c = counts[b]!;
    if (c === n) return false;
    counts[b] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const o = order[i]!;
    next[counts[(key[o]! >>> shift) & (RADIX_BUCKETS - 1)]!++] = o;
  }
  return true;
}

/**
 * The order byRelevanceScoreId gives, found by stable radix passes over the
 * ids, then the scores' bits (descending), then relevance: a common word
 * matches tens of thousands of documents, and a comparator sort of that many
 * objects took longer than all the rest of an answer. Null when a value is
 * outside what the passes handle (negative or non-integer ids, negative or
 * NaN scores); the caller then sorts with the comparator.
 */
export function radixOrder(ids: Int32Array, scores: Float64Array, relevant: Uint8Array): Uint32Array | null {
  const n = ids.length;
  const idKey = new Uint32Array(n);
  const bits = new Float64Array(n);
  const relevantKey = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const score = scores[i]! + 0; // -0 and +0 compare equal: give them one bit pattern
    if (!(score >= 0) || ids[i]! < 0) return null;
    idKey[i] = ids[i]!;
    bits[i] = score;
    relevantKey[i] = relevant[i]! ? 0 : 1;
  }
  // A non-negative double's bit pattern orders like its value; complemented, it orders descending.
  const words = new Uint32Array(bits.buffer);
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    low[i] = ~words[2 * i + (LITTLE_ENDIAN ? 0 : 1)]! >>> 0;
    high[i] = ~words[2 * i + (LITTLE_ENDIAN ? 1 : 0)]! >>> 0;
  }
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const counts = new Uint32Array(RADIX_BUCKETS);
  for (const key of [idKey, low, high]) {
    for (let shift = 0; shift < 32; shift += RADIX_BITS) {
      if (radixPass(order, next, key, shift, counts)) [order, next] = [next, order];
    }
  }
  if (radixPass(order, next, relevantKey, 0, counts)) order = next;
  return order;
}
