import { createHash } from 'node:crypto';
import { STOP_WORDS, termKey } from '../text/normalize.js';
import { INDEX_OPTIONS } from './searchIndex.js';

/**
 * What a snapshot's index keys were made with: a snapshot whose fingerprint
 * differs was built by other text processing and is rebuilt (src/index/snapshot.ts).
 */

/** Words whose keys exercise every processing rule (case, accents, stemming, transliteration, numbers). */
const PROBE_WORDS = [
  'Running',
  'relations',
  'agreements',
  'negotiated',
  "country's",
  'Émile',
  'naïve',
  'Khabarovsk',
  'Tokayev',
  'Zhukov',
  'Djibouti',
  'Ouagadougou',
  'Philippines',
  'Dushambe',
  'Warsaw',
  'Tatiana',
  'Ilyich',
  'Massachusetts',
  '2024',
  '1.5',
];

let cachedFingerprint: string | undefined;

/** A hash of everything that turns text into index keys. */
export function processingFingerprint(): string {
  cachedFingerprint ??= createHash('sha256')
    .update(
      JSON.stringify({
        fields: INDEX_OPTIONS.fields,
        searchOptions: INDEX_OPTIONS.searchOptions,
        stopWords: [...STOP_WORDS].sort(),
        probes: PROBE_WORDS.map((w) => [w, termKey(w)]),
      }),
    )
    .digest('hex');
  return cachedFingerprint;
}
