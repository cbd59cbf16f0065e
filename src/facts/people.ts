import type { Article, Sentence } from '../corpus/types.js';
import { fold } from '../text/normalize.js';
import { countriesIn, countryOf, type Token, wordKey, words } from './geo.js';
import { INSTITUTION_WORDS, NOT_NAME, PORTFOLIO_WORDS, REGION_WORDS, TITLES } from './personWords.js';

/**
 * People and their roles. A person is found where a role title stands next
 * to a name ("Kazakh President Kassym-Jomart Tokayev", "Minister of Foreign
 * Affairs of the Republic of Tajikistan Sirojiddin Muhriddin", "Murat Nurtleu,
 * Kazakhstan's foreign minister"); later mentions by surname ("Tokayev
 * said"), by title and surname ("President Rahmon") or by country and title
 * where one person fits ("the Kazakh President") are resolved to the same
 * person.
 */

export interface RoleMention {
  title: string;
  country: string | null;
  sentence: Sentence;
}

export interface Person {
  id: string;
  /** The fullest form of the name seen. */
  name: string;
  /** Every way the articles refer to the person. */
  aliases: string[];
  roles: RoleMention[];
  /** The country of the person's roles (the most frequent). */
  country: string | null;
}

/** A reference to a person in one sentence. */
export interface PersonRef {
  person: Person;
  /** The words that refer to the person. */
  text: string;
  index: number;
  /** The role named in this mention, if any. */
  title: string | null;
}

const NAME_WORD = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*$/u;
/** "I've", "We'll", "Don't": contractions are not names. */
const CONTRACTION = /['’](?:ve|re|ll|d|m|t)$/i;

function isNameWord(word: string): boolean {
  return (
    NAME_WORD.test(word) &&
    !CONTRACTION.test(word) &&
    !NOT_NAME.has(word.toLowerCase()) &&
    countryOf(word) === undefined
  );
}

const lower = (t: Token | undefined) => t?.text.toLowerCase() ?? '';
const stripPossessive = (w: string) => w.replace(/['’]s$/, '');

/** Titles by their first word, longest first: a token is checked against a handful, not all. */
const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const title of TITLES)
  TITLES_BY_FIRST.set(title[0]!, [...(TITLES_BY_FIRST.get(title[0]!) ?? []), title]);

/** The longest title starting at token i: its token count, or 0. */
/**
 * A portfolio that goes on as a list after a comma, "of Industry, Trade and Investment" or "of Trade,
 * Agribusiness and Industry": capitalised words up to the next punctuation, with an "and" before a
 * last word of government business. Returns where the list ends (k itself when none goes on).
 */
function portfolioListEnd(tokens: readonly Token[], k: number, text: string): number {
  if (k >= tokens.length || text.slice(tokens[k - 1]!.end, tokens[k]!.start).trim() !== ',') return k;
  let end = k;
  let and = false;
  while (
    end < tokens.length &&
    (end === k || !/[,;:()"“”.]/.test(text.slice(tokens[end - 1]!.end, tokens[end]!.start)))
  ) {
    const word = lower(tokens[end]);
    if (word === 'and') and = true;
    else if (!/^\p{Lu}/u.test(tokens[end]!.text)) return k;
    end++;
  }
  const last = lower(tokens[end - 1]);
  return and && last !== 'and' && PORTFOLIO_WORDS.has(last) ? end : k;
}

function titleAt(tokens: readonly Token[], i: number, text = ''): number {
  for (const title of TITLES_BY_FIRST.get(lower(tokens[i])) ?? []) {
    if (title.every((w, j) => lower(tokens[i + j]) === w)) {
      let n = title.length;
      // A portfolio: "Minister of Foreign Affairs", "High Representative for Foreign Affairs and
      // Security Policy": words of government business after "of"/"for", stopping at anything
      // else (a country, "the Republic", a name).
      const portfolio = /^(minister|ministers|representative|commissioner|secretary)$/.test(
        title.at(-1) ?? '',
      );
      if (portfolio && (lower(tokens[i + n]) === 'of' || lower(tokens[i + n]) === 'for')) {
        let k = i + n + 1;
        const start = k;
        while (
          k < tokens.length &&
          !/[,;:()"“”]/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) &&
          ((/^\p{Lu}/u.test(tokens[k]!.text) && PORTFOLIO_WORDS.has(lower(tokens[k]))) ||
            (lower(tokens[k]) === 'and' && k > start))
        ) {
          k++;
        }
        if (lower(tokens[k - 1]) === 'and') k--;
        if (k > start) k = portfolioListEnd(tokens, k, text);
        if (k > start) n = k - i;
      }
      return n;
    }
  }
  return 0;
}

/** An initial before a name: "S.Chinzorig", "B. Battsetseg" (not the "E" of "H.E."). */
function isInitial(tokens: readonly Token[], k: number, text: string): boolean {
  const t = tokens[k]!;
  return (
    t.text.length === 1 &&
    text[t.end] === '.' &&
    /^\p{Lu}$/u.test(t.text) &&
    text[t.start - 1] !== '.' &&
    isNameWord(stripPossessive(tokens[k + 1]?.text ?? ''))
  );
}

/** Name words starting at token i: how many (at most 3), or 0. */

function nameAt(tokens: readonly Token[], i: number, text: string): number {
  const n = nameWordsAt(tokens, i, text);
  if (n === 0) return 0;
  const next = tokens[i + n];
  const joined = next && /^\s*$/.test(text.slice(tokens[i + n - 1]!.end, next.start));
  for (let k = i; k < i + n + (joined ? 1 : 0); k++) {
    if (INSTITUTION_WORDS.has(stripPossessive(lower(tokens[k])))) return 0;
  }
  return n;
}

function nameWordsAt(tokens: readonly Token[], i: number, text: string): number {
  let n = 0;
  while (
    n < MAX_NAME_WORDS &&
    i + n < tokens.length &&
    (isNameWord(stripPossessive(tokens[i + n]!.text)) || (n === 0 && isInitial(tokens, i, text)))
  ) {
    // A name does not run across punctuation.
    if (n > 0 && /[,;:()[\]{}"“”]/.test(text.slice(tokens[i + n - 1]!.end, tokens[i + n]!.start))) break;
    n++;
  }
  return n;
}

/** Countries named right after a title: "of (the Republic of) Kazakhstan", "of Kazakhstan and Tajikistan". */
function countriesAfter(
  tokens: readonly Token[],
  i: number,
  text: string,
): { countries: string[]; next: number } {
  if (lower(tokens[i]) !== 'of') return { countries: [], next: i };
  const mentions = countriesIn(text);
  const countries: string[] = [];
  // Without a country after "of", nothing is consumed: "Secretary of War" names no one.
  let next = i;
  let expect = lower(tokens[i + 1]) === 'the' ? i + 2 : i + 1;
  for (const m of mentions) {
    if (m.start < expect) continue;
    if (m.start !== expect) break;
    countries.push(m.country);
    next = m.end;
    if (lower(tokens[next]) === 'and') expect = m.end + 1;
    else break;
  }
  return { countries, next };
}

/** The country just before token i, with nothing between: "Kazakh", "Kazakhstan's". */
function countryBefore(tokens: readonly Token[], i: number, text: string): string | null {
  const prev = tokens[i - 1];
  if (!prev || !/^\p{Lu}/u.test(prev.text)) return null;
  if (text.slice(prev.end, tokens[i]!.start).trim() !== '') return null;
  return countryOf(prev.text) ?? null;
}

export interface RawMention {
  name: string;
  title: string | null;
  country: string | null;
  index: number;
  text: string;
}

/** Words of one name: "Le Thi Thanh Hoa" has four. */
const MAX_NAME_WORDS = 4;
/** Words a second role may run over before its comma: ", Chairman of the Tajik part of the Commission,". */
const MAX_SECOND_ROLE = 14;
const HONORIFIC = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'madam', 'h.e', 'his', 'her', 'excellency']);

/**
 * Skips what may stand between a title and the name: a second role set off
 * by commas (", Chairman of the Commission,") and honorifics ("Mr.").
 */
function skipToName(tokens: readonly Token[], j: number, text: string): number {
  const commaBefore = (k: number) => /,/.test(text.slice(tokens[k - 1]?.end ?? 0, tokens[k]?.start ?? 0));
  if (titleAt(tokens, j, text) > 0 && commaBefore(j)) {
    let k = j + titleAt(tokens, j, text);
    while (k < tokens.length && k - j < MAX_SECOND_ROLE && !commaBefore(k)) k++;
    if (k < tokens.length && commaBefore(k)) j = k;
  }
  while (HONORIFIC.has(lower(tokens[j]))) j++;
  return j;
}

/** Capitalised words of a place before a name may run over at most this many words. */
const MAX_PLACE_WORDS = 4;

/**
 * Skips a region named between a title and the name: "Governor of Iran's East
 * Azerbaijan Province Abedin Khorram" is Abedin Khorram, not "East".
 */
function skipPlace(tokens: readonly Token[], j: number): number {
  for (let k = j; k < Math.min(tokens.length, j + MAX_PLACE_WORDS); k++) {
    if (!/^\p{Lu}/u.test(tokens[k]!.text)) return j;
    if (REGION_WORDS.has(lower(tokens[k]))) return k + 1;
  }
  return j;
}

/** Role-anchored name mentions in one sentence. */
export function roleMentions(text: string): RawMention[] {
  const tokens = words(text);
  const out: RawMention[] = [];
  const used = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    let n = titleAt(tokens, i, text);
    if (n === 0) continue;
    // "Deputy Prime Minister and Minister of Foreign Affairs", "First Deputy Prime Minister – Minister of Finance"
    for (;;) {
      if (lower(tokens[i + n]) === 'and' && titleAt(tokens, i + n + 1, text) > 0) {
        n += 1 + titleAt(tokens, i + n + 1, text);
      } else if (
        /^\s*[–—-]\s*$/.test(text.slice(tokens[i + n - 1]!.end, tokens[i + n]?.start ?? 0)) &&
        titleAt(tokens, i + n, text) > 0
      ) {
        n += titleAt(tokens, i + n, text);
      } else break;
    }
    const title = text.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
    const before = countryBefore(tokens, i, text);
    const after = countriesAfter(tokens, i + n, text);
    // The name may follow after a comma: "…of Kazakhstan, Murat Nurtleu,".
    let j = after.next;
    // "Ambassador to Mongolia Kenji Sugawara": the posting is not the role's country.
    // "Ambassador of Cuba to Mongolia Jorge Ferrer": nor is it after the role's own country.
    if (lower(tokens[j]) === 'to') {
      const posting = countriesIn(text).find((m) => m.start === j + 1);
      if (posting) j = posting.end;
    }
    j = skipToName(tokens, j, text);
    // "Prime Minister of the country Irakli Garibashvili"
    if (
      lower(tokens[j]) === 'of' &&
      lower(tokens[j + 1]) === 'the' &&
      /^(?:country|nation)$/.test(lower(tokens[j + 2]))
    )
      j = skipToName(tokens, j + 3, text);
    j = skipPlace(tokens, j);
    const names: Array<{ start: number; count: number }> = [];
    let count = nameAt(tokens, j, text);
    while (count > 0) {
      names.push({ start: j, count });
      j += count;
      // "Hasina and Maldivian president Solih": a word before a title is not a second name.
      const nextCount = lower(tokens[j]) === 'and' ? nameAt(tokens, j + 1, text) : 0;
      if (nextCount > 0 && titleAt(tokens, j + 1 + nextCount, text) === 0) {
        j += 1;
        count = nameAt(tokens, j, text);
      } else break;
    }
    if (names.length === 0) continue;
    const countries = after.countries.length > 0 ? after.countries : before ? [before] : [];
    names.forEach((nm, k) => {
      if (used.has(nm.start)) return;
      used.add(nm.start);
      const last = tokens[nm.start + nm.count - 1]!;
      const name = text.slice(tokens[nm.start]!.start, last.end).replace(/['’]s$/, '');
      const country =
        names.length > 1 && countries.length === names.length ? countries[k]! : (countries[0] ?? null);
      const singular = title.replace(/s$/, '');
      const first = k === 0 ? (before ? i - 1 : i) : nm.start;
      out.push({
        name,
        title: names.length > 1 ? singular : title,
        country,
        index: tokens[first]!.start,
        text: text.slice(tokens[first]!.start, last.end),
      });
    });
    i = j - 1;
  }
  // Apposition: "Murat Nurtleu, Kazakhstan's foreign minister," / "Sirojiddin Muhriddin, the Tajik foreign minister"
  for (let i = 0; i < tokens.length; i++) {
    const count = nameAt(tokens, i, text);
    if (count < 2 || used.has(i)) continue;
    const end = i + count;
    if (text.slice(tokens[end - 1]!.end, tokens[end]?.start ?? text.length).trim() !== ',') continue;
    let k = end;
    if (lower(tokens[k]) === 'the') k++;
    let country = countryOf(tokens[k]?.text ?? '') ?? null;
    if (country) k++;
    // "the country's deputy minister": whose country the article says elsewhere.
    else if (/^(?:country|nation|state|republic|kingdom)['’]s$/i.test(tokens[k]?.text ?? '')) k++;
    const n = titleAt(tokens, k, text);
    if (n === 0) continue;
    const after = countriesAfter(tokens, k + n, text);
    country = after.countries[0] ?? country;
    out.push({
      name: text.slice(tokens[i]!.start, tokens[end - 1]!.end),
      title: text.slice(tokens[k]!.start, tokens[k + n - 1]!.end),
      country,
      index: tokens[i]!.start,
      text: text.slice(tokens[i]!.start, tokens[k + n - 1]!.end),
    });
    used.add(i);
    i = end;
  }
  return out.sort((a, b) => a.index - b.index);
}

const nameKey = (word: string) => wordKey(stripPossessive(word));

function slug(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Title words as a person's role, normalised for comparison ("Foreign Minister" ≈ "Minister of Foreign Affairs"). */
export function roleClass(title: string): string {
  const t = title.toLowerCase();
  if (/foreign/.test(t) || /diplomat/.test(t)) return 'foreign minister';
  if (/prime minister|premier|head of government/.test(t)) return 'prime minister';
  if (/president|head of state|leader/.test(t)) return 'president';
  if (/minister/.test(t)) return 'minister';
  return t.replace(/s$/, '');
}

/** Builds one entity per person over the whole corpus from role-anchored mentions. */
export function buildPeople(articles: readonly Article[]): Person[] {
  const people: Person[] = [];
  const find = (first: string | null, surname: string) =>
    people.find((p) => {
      const parts = words(p.name).map((t) => nameKey(t.text));
      if (parts.at(-1) !== surname) return false;
      const theirFirst = parts.length > 1 ? parts[0]! : null;
      return first === null || theirFirst === null || theirFirst === first;
    });
  for (const article of articles) {
    for (const sentence of article.sentences) {
      for (const m of roleMentions(sentence.text)) {
        const parts = words(m.name).map((t) => t.text);
        const surname = nameKey(parts.at(-1)!);
        const first = parts.length > 1 ? nameKey(parts[0]!) : null;
        let person = find(first, surname);
        if (!person) {
          person = { id: '', name: m.name, aliases: [], roles: [], country: null };
          people.push(person);
        }
        if (parts.length > words(person.name).length) person.name = m.name;
        if (m.title) person.roles.push({ title: m.title, country: m.country, sentence });
        for (const alias of [m.name, m.title ? `${m.title} ${parts.at(-1)}` : null]) {
          if (alias && !person.aliases.includes(alias)) person.aliases.push(alias);
        }
      }
    }
  }
  for (const person of people) {
    person.id = slug(person.name);
    const counts = new Map<string, number>();
    for (const r of person.roles) if (r.country) counts.set(r.country, (counts.get(r.country) ?? 0) + 1);
    person.country = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const surname = words(person.name).at(-1)?.text;
    if (surname && !person.aliases.includes(surname)) person.aliases.push(surname);
  }
  return people;
}

/**
 * People by the key of each part of their name (built once per extraction, in src/facts/index.ts):
 * the surname ("Tokayev"), but also a family name written first ("Xi" of
 * Xi Jinping) or a given name used alone. A part shared by two people only
 * resolves by the rules in peopleIn.
 */
export function surnameIndex(people: readonly Person[]): Map<string, Person[]> {
  const index = new Map<string, Person[]>();
  for (const p of people) {
    for (const part of words(p.name)) {
      if (part.text.length < 2) continue;
      const k = nameKey(part.text);
      const list = index.get(k) ?? [];
      if (!list.includes(p)) index.set(k, [...list, p]);
    }
  }
  return index;
}

const ROLE_WORDS =
  /^(president|leader|prime minister|premier|foreign minister|minister|diplomat|head of state|counterpart)$/i;

/**
 * Every reference to a known person in a sentence: full names, surnames,
 * and "<country> <title>" (the Kazakh President) when exactly one person of
 * the article, or else of the corpus, fits.
 */
export function peopleIn(
  sentence: Sentence,
  people: readonly Person[],
  articlePeople: readonly Person[],
  /** surnameIndex(people), when the caller reads many sentences against one list. */
  bySurname: ReadonlyMap<string, Person[]> = surnameIndex(people),
): PersonRef[] {
  const text = sentence.text;
  const tokens = words(text);
  const refs: PersonRef[] = [];
  const seen = new Set<Person>();
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    if (!/^\p{Lu}/u.test(word.text)) continue;
    const candidates = bySurname.get(nameKey(word.text));
    if (candidates) {
      const prev = tokens[i - 1];
      const first = prev && /^\p{Lu}/u.test(prev.text) ? nameKey(prev.text) : null;
      const picked =
        candidates.find(
          (p) => words(p.name).length > 1 && first !== null && nameKey(words(p.name)[0]!.text) === first,
        ) ?? (candidates.length === 1 ? candidates[0] : candidates.find((p) => articlePeople.includes(p)));
      // "Murat Karimov" is not Murat Nurtleu: a name word next to the match must be part of the same name.
      const parts = picked ? new Set(words(picked.name).map((t) => nameKey(t.text))) : new Set<string>();
      const foreign = (t: Token | undefined) =>
        t !== undefined &&
        isNameWord(stripPossessive(t.text)) &&
        !/[,;:()"“”]/.test(text.slice(Math.min(t.end, word.end), Math.max(t.start, word.start))) &&
        !parts.has(nameKey(t.text));
      const match = picked && !foreign(tokens[i - 1]) && !foreign(tokens[i + 1]) ? picked : undefined;
      if (match && !seen.has(match)) {
        seen.add(match);
        const start = first !== null && words(match.name).length > 1 ? prev!.start : word.start;
        refs.push({ person: match, text: text.slice(start, word.end), index: start, title: null });
      }
      continue;
    }
    // "the Kazakh President", "the Tajik leader", "the Tajik diplomat"
    const country = countryOf(word.text);
    if (!country) continue;
    const next2 = tokens
      .slice(i + 1, i + 3)
      .map((t) => t.text)
      .join(' ');
    const next1 = tokens[i + 1]?.text ?? '';
    const title = ROLE_WORDS.test(next2) ? next2 : ROLE_WORDS.test(next1) ? next1 : null;
    if (!title || lower(tokens[i - 1]) !== 'the') continue;
    const wanted = roleClass(title);
    const fits = (pool: readonly Person[]) =>
      pool.filter((p) => p.roles.some((r) => r.country === country && roleClass(r.title) === wanted));
    const local = fits(articlePeople);
    const match =
      local.length === 1
        ? local[0]
        : local.length === 0 && fits(people).length === 1
          ? fits(people)[0]
          : undefined;
    if (match && !seen.has(match)) {
      seen.add(match);
      refs.push({ person: match, text: `${word.text} ${title}`, index: word.start, title });
    }
  }
  return refs.sort((a, b) => a.index - b.index);
}
