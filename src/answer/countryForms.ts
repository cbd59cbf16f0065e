import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { countryOf, countryWordKeys } from '../facts/geo.js';

// CommonJS data whose types declare an ES default export (see src/facts/geo.ts).
const countries: Country[] = createRequire(import.meta.url)('world-countries');

const COMPASS = /^(?:North|South|East|West|Central)\s+/;
const CONTINENT = /^(?:Africa|African|America|American|Asia|Asian|Europe|European)\b/;

/**
 * What news calls a country of a compass name by its other word, when that word names no other
 * country or continent: "Korea" and "Korean" for South Korea (from the data set's name and demonym,
 * "South Korea", "South Korean"). Not "Sudan" for South Sudan, nor "Africa" for South Africa.
 */
const tails = new Map<string, string[]>();
for (const c of countries) {
  const name = c.name.common;
  if (!COMPASS.test(name)) continue;
  const forms = [name, c.demonyms?.eng?.m ?? '']
    .filter((w) => COMPASS.test(w))
    .map((w) => w.replace(COMPASS, ''))
    .filter((w) => w !== '' && !w.includes(' ') && !CONTINENT.test(w) && countryOf(w) === undefined);
  if (forms.length > 0) tails.set(name, forms);
}

/** A country's one-word names (see countryWordKeys), its compass name's other word included. */
export function countryForms(country: string): readonly string[] {
  const more = tails.get(country);
  return more ? [...countryWordKeys(country), ...more] : countryWordKeys(country);
}
