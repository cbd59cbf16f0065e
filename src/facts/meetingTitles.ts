import { countriesIn, words } from './geo.js';
import { type Person, type PersonRef, roleClass } from './people.js';
import { lower, nameAt } from './personTokens.js';

/**
 * "the Latvian president", "Estonia's foreign minister", "the Minister of Foreign Affairs of the Republic of
 * Latvia": a person referred to by country and title only. Read for meetings, not as person facts (label
 * sets disagree on whether such a mention names a person). When one person of the article fits, the
 * reference is that person; when none does, the reference still gives the meeting a side of that country.
 */

/** The titles such a reference uses, longest first. */
const ROLE =
  /^(?:(?:prime|foreign|trade|economy|finance|defence|defense|energy) minister|minister of foreign affairs|minister for foreign affairs|head of (?:state|government)|president|leader|premier|prime minister|minister|king|chancellor|diplomat|top diplomat)\b/i;
/** "the President of the Republic of Latvia": what may stand between a title and its country. */
const OF_COUNTRY =
  /\b(?:the\s+)?((?:minister (?:of|for) foreign affairs|prime minister|president|head of (?:state|government)|king|leader|chancellor))\s+of\s+(?:the\s+)?(?:(?:republic|kingdom|state)\s+of\s+(?:the\s+)?)?$/i;

/** Whether a name follows right after `from` (only spaces between). */
function nameNext(tokens: ReturnType<typeof words>, i: number, from: number, text: string): boolean {
  const t = tokens[i];
  return t !== undefined && !/\S/.test(text.slice(from, t.start)) && nameAt(tokens, i, text) > 0;
}

/** A person of one country and role class in the pool, when exactly one fits. */
function onlyFit(pool: readonly Person[], country: string, title: string): Person | undefined {
  const wanted = roleClass(title);
  const fits = pool.filter((p) =>
    p.roles.some((r) => r.country === country && roleClass(r.title) === wanted),
  );
  if (fits.length > 0) return fits.length === 1 ? fits[0] : undefined;
  // "Latvia`s Foreign Minister Janis Ozols", a possessive the role did not read: the one of that title whose
  // country the article does not give.
  const unplaced = pool.filter(
    (p) => p.country === null && p.roles.some((r) => r.country === null && roleClass(r.title) === wanted),
  );
  return unplaced.length === 1 ? unplaced[0] : undefined;
}

/** A stand-in for a side named by country and title when no person of the article fits. */
function sideOf(country: string): Person {
  return { id: `country:${country}`, name: country, aliases: [], roles: [], country };
}

/**
 * References by country and title in a sentence that `known` (the sentence's resolved names) does not cover,
 * resolved against `pool` (the article's people).
 */
export function titleRefs(text: string, known: readonly PersonRef[], pool: readonly Person[]): PersonRef[] {
  const tokens = words(text);
  const covered = (start: number, end: number) =>
    known.some((r) => r.index < end && r.index + r.text.length > start);
  const out: PersonRef[] = [];
  for (const m of countriesIn(text)) {
    const countryStart = tokens[m.start]!.start;
    const countryEnd = tokens[m.end - 1]!.end;
    let start = -1;
    let end = -1;
    let title = '';
    // "the Latvian president", "Latvia's prime minister"
    const after = text.slice(countryEnd);
    const possessive = /['’`]s$/.test(m.text) || /^['’`]s\b/.test(after);
    const before = lower(tokens[m.start - 1]);
    if (before === 'the' || possessive) {
      const skip = /^(?:['’`]s)?\s+/.exec(after)?.[0].length ?? 0;
      const role = ROLE.exec(after.slice(skip));
      if (role) {
        const roleEnd = countryEnd + skip + role[0].length;
        // "Latvian President Ilze Berzina": a name follows, the name's own reference covers it.
        if (
          nameNext(
            tokens,
            tokens.findIndex((t) => t.start >= roleEnd),
            roleEnd,
            text,
          )
        )
          continue;
        start = before === 'the' ? tokens[m.start - 1]!.start : countryStart;
        end = roleEnd;
        title = role[0];
      }
    }
    // "the Minister of Foreign Affairs of the Republic of Latvia met …"
    if (start < 0) {
      const head = text.slice(Math.max(0, countryStart - 80), countryStart);
      const of = OF_COUNTRY.exec(head);
      if (!of) continue;
      if (nameNext(tokens, m.end, countryEnd, text)) continue;
      start = countryStart - head.length + of.index;
      end = countryEnd;
      title = of[1]!;
    }
    if (covered(start, end)) continue;
    const person = onlyFit(pool, m.country, title) ?? sideOf(m.country);
    if (out.some((r) => r.person.id === person.id) || known.some((r) => r.person.id === person.id)) continue;
    out.push({ person, text: text.slice(start, end), index: start, title });
  }
  return out;
}
