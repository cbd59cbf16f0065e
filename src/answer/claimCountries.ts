import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { countriesIn, words } from '../facts/geo.js';

// CommonJS data whose types declare an ES default export (see src/facts/geo.ts).
const countries: Country[] = createRequire(import.meta.url)('world-countries');

/**
 * Countries a chat claim writes as the articles do not (see src/answer/check.ts): a name of several words
 * in lower case ("ghana–ivory coast trade"), a country's code standing alone beside another country
 * ("NZ is giving Fiji …", "Ghana–CIV trade"), a hyphen that joins a country of several words to another
 * ("New Zealand-Fiji"). Each is written as its name, so the claim's pair is read.
 */

const CODES = new Map<string, string>();
for (const c of countries) {
  CODES.set(c.cca2.toUpperCase(), c.name.common);
  CODES.set(c.cca3.toUpperCase(), c.name.common);
}
/** Capital words that are codes too but, in a chat message, are words or units ("IT", "MW"). */
const NOT_CODES = new Set(
  'IT IN AT BE TO NO AM IS ME MY AS ID SO GO DO HE WE OR AN BY ON OF UP MW KM KG GW TV PR AI CEO GDP'.split(
    ' ',
  ),
);

const titleCase = (text: string) => text.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1));

export function claimCountries(text: string): string {
  let out = text;
  // "New Zealand-Fiji": a hyphen that joins a country to the next is a pair's dash, not one word.
  for (const m of [...out.matchAll(/\p{L}-(?=\p{Lu})/gu)].reverse()) {
    const at = m.index + 1;
    const dashed = `${out.slice(0, at)}–${out.slice(at + 1)}`;
    if (countriesIn(dashed).length > countriesIn(out).length) out = dashed;
  }
  // "ivory coast" → "Ivory Coast": the same words, capitalised, where they name a country.
  const tokens = words(out);
  const cased = titleCase(out);
  for (const m of [...countriesIn(cased)].reverse()) {
    if (m.end - m.start < 2) continue;
    const from = tokens[m.start]!.start;
    const to = tokens[m.end - 1]!.end;
    if (/\p{Lu}/u.test(out.slice(from, to))) continue;
    out = out.slice(0, from) + cased.slice(from, to) + out.slice(to);
  }
  if (countriesIn(out).length === 0) return out;
  // "NZ is giving Fiji …": a code beside a country named, not after a number ("40 MW").
  return out.replace(
    /(^|[^\p{L}\p{N}$])(\p{Lu}{2,3})(?![\p{L}\p{N}])/gu,
    (all, before: string, code: string) => {
      const name = NOT_CODES.has(code) || /\d\s*$/.test(before) ? undefined : CODES.get(code);
      return name && !countriesIn(out).some((m) => m.country === name) ? `${before}${name}` : all;
    },
  );
}
