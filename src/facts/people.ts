import type { Article, Sentence } from '../corpus/types.js';
import { fold, isStopWord } from '../text/normalize.js';
import { countriesIn, countryOf, type Token, wordKey, words } from './geo.js';
import {
  copulaAt,
  countriesAfter,
  countryBefore,
  isNameWord,
  lower,
  MAX_ROLE_MODIFIERS,
  NAME_PARTICLES,
  nameAfterComplement,
  nameAt,
  nameWordsAt,
  portfolioName,
  skipPlace,
  skipToName,
  startsName,
  stripPossessive,
  titleAt,
} from './personTokens.js';
import { KIN_WORDS, MEMORY_WORDS, OCCUPATION_WORDS } from './personWords.js';

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

export interface RawMention {
  name: string;
  title: string | null;
  country: string | null;
  index: number;
  text: string;
}

/** "By Jane Roe", "(Reporting by Jane Roe in Oslo and John Doe in Bergen; Editing by Ann Lee)". */
const CREDIT_BY = /^(?:reporting|writing|editing|edited|written|compiled|photos?)$/i;

/** The writers and editors a byline or a credit line names, each with the credit as role. */
function creditMentions(tokens: readonly Token[], text: string, used: Set<number>): RawMention[] {
  const out: RawMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (lower(tokens[i]) !== 'by') continue;
    const credit = i > 0 && CREDIT_BY.test(tokens[i - 1]!.text) ? tokens[i - 1]!.text.toLowerCase() : null;
    // "By Jane Roe" opens the line (a quotation mark or bracket before it at most).
    if (!credit && !(i === 0 && tokens[i]!.text === 'By' && /^\W*$/.test(text.slice(0, tokens[i]!.start))))
      continue;
    const title = credit?.startsWith('edit') ? 'editor' : 'writer';
    let j = i + 1;
    for (;;) {
      // After "by", a name is a person's, even one that ends like a place ("Peter Hall").
      const count = nameWordsAt(tokens, j, text);
      if (count < 2 || used.has(j)) break;
      used.add(j);
      const last = tokens[j + count - 1]!;
      out.push({
        name: text.slice(tokens[j]!.start, last.end),
        title,
        country: null,
        index: tokens[j]!.start,
        text: text.slice(tokens[j]!.start, last.end),
      });
      j += count;
      // "… in Ottawa and Raúl Montes in Mexico City": the place a writer files from is no name.
      if (lower(tokens[j]) === 'in') {
        j++;
        while (j < tokens.length && /^\p{Lu}/u.test(tokens[j]!.text)) j++;
      }
      if (lower(tokens[j]) !== 'and') break;
      j++;
    }
  }
  return out;
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
    // "Party General Secretary To Lam": a family name that is also a function word, after a title.
    if (count === 0 && tokens[j]?.text === 'To' && isNameWord(tokens[j + 1]?.text ?? '')) {
      count = 1 + nameWordsAt(tokens, j + 1, text);
    }
    // "the head of state-run oil company Petrobras, Magda Chambriard,": the name after what the role is of.
    if (count === 0 && /^(?:of|for|to|at)$/.test(lower(tokens[j]))) {
      const k = nameAfterComplement(tokens, j, text);
      if (k > 0) {
        j = k;
        count = nameAt(tokens, j, text);
      }
    }
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
  out.push(...creditMentions(tokens, text, used));
  // Apposition: "Murat Nurtleu, Kazakhstan's foreign minister," / "Sirojiddin Muhriddin, the Tajik foreign minister"
  for (let i = 0; i < tokens.length; i++) {
    const count = nameAt(tokens, i, text);
    if (count < 2 || used.has(i)) continue;
    const end = i + count;
    const gap = text.slice(tokens[end - 1]!.end, tokens[end]?.start ?? text.length).trim();
    let k = end;
    // "Jane Roe has served as Ruritania's ambassador", "Jane Roe of Ruritania and …"
    const copula = gap === '' ? copulaAt(tokens, k) : 0;
    if (gap === '' && copula === 0) {
      const of = lower(tokens[end]) === 'of' ? countriesAfter(tokens, end, text) : null;
      if (of && of.countries.length > 0 && startsName(tokens, i, text) && !portfolioName(tokens, i, end)) {
        out.push({
          name: text.slice(tokens[i]!.start, tokens[end - 1]!.end),
          title: null,
          country: of.countries[0]!,
          index: tokens[i]!.start,
          text: text.slice(tokens[i]!.start, tokens[of.next - 1]!.end),
        });
        used.add(i);
        i = end;
      }
      continue;
    }
    if (gap !== ',' && copula === 0) continue;
    k += copula;
    if (/^(?:the|an?)$/.test(lower(tokens[k]))) k++;
    let country = countryOf(tokens[k]?.text ?? '') ?? null;
    if (country) k++;
    // "the country's deputy minister": whose country the article says elsewhere.
    else if (/^(?:country|nation|state|republic|kingdom)['’]s$/i.test(tokens[k]?.text ?? '')) k++;
    // "an energy analyst at", "chief economist at": a word or two before the role.
    let n = 0;
    for (let m = 0; m <= MAX_ROLE_MODIFIERS && k + m < tokens.length; m++) {
      const t = tokens[k + m]!;
      n = titleAt(tokens, k + m, text) || (OCCUPATION_WORDS.has(t.text.toLowerCase()) ? 1 : 0);
      if (n > 0) {
        k += m;
        break;
      }
      if (isStopWord(t.text) || /\S/.test(text.slice(tokens[k + m]!.end, tokens[k + m + 1]?.start ?? 0)))
        break;
    }
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
  out.push(...rememberedMentions(tokens, text, used));
  // "Ferdinand Marcos Jr.": the suffix keeps its full stop, which the words leave out.
  return out
    .sort((a, b) => a.index - b.index)
    .map((m) => {
      const end = text.indexOf(m.name, m.index) + m.name.length;
      return /\b(?:Jr|Sr)$/.test(m.name) && text[end] === '.' ? { ...m, name: `${m.name}.` } : m;
    });
}

/**
 * People named as someone's relative or as the dead: "his father Jan Roe", "the mausoleum of Jan Roe",
 * "after the death of Jan Roe". They hold no role in the article.
 */
function rememberedMentions(tokens: readonly Token[], text: string, used: Set<number>): RawMention[] {
  const out: RawMention[] = [];
  for (let i = 1; i < tokens.length - 1; i++) {
    const w = lower(tokens[i]);
    let j = 0;
    if (KIN_WORDS.has(w) && /^(?:his|her|their|its)$/.test(lower(tokens[i - 1]))) j = i + 1;
    else if (MEMORY_WORDS.has(w) && lower(tokens[i + 1]) === 'of') j = i + 2;
    if (j === 0) continue;
    if (lower(tokens[j]) === 'the' && lower(tokens[j + 1]) === 'late') j += 2;
    if (/[,;:()"“”]/.test(text.slice(tokens[i]!.end, tokens[j]?.start ?? 0))) continue;
    const n = nameAt(tokens, j, text);
    if (n < 2 || used.has(j)) continue;
    used.add(j);
    const name = text.slice(tokens[j]!.start, tokens[j + n - 1]!.end).replace(/['’]s$/, '');
    out.push({ name, title: null, country: null, index: tokens[j]!.start, text: name });
  }
  return out;
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
  // A vice president is not "the Ghanaian president".
  if (/\b(?:vice|deputy)\b/.test(t)) return t.replace(/s$/, '');
  if (/prime minister|premier|head of government/.test(t)) return 'prime minister';
  if (/president|head of state|leader/.test(t)) return 'president';
  if (/minister/.test(t)) return 'minister';
  return t.replace(/s$/, '');
}

/** Builds one entity per person over the whole corpus from role-anchored mentions. */
export function buildPeople(articles: readonly Article[]): Person[] {
  const people: Person[] = [];
  const find = (first: string | null, surname: string, all: readonly string[]) =>
    people.find((p) => {
      const parts = words(p.name).map((t) => nameKey(t.text));
      if (parts.at(-1) !== surname) return false;
      const theirFirst = parts.length > 1 ? parts[0]! : null;
      return first === null || theirFirst === null || theirFirst === first;
    }) ??
    // Two family names, written in full or not: "Gabriel Roca Font" is "Gabriel Roca", "President Roca".
    people.find((p) => {
      const parts = words(p.name).map((t) => nameKey(t.text));
      const [short, long] = parts.length <= all.length ? [parts, all] : [all, parts];
      if (short.length === 1) return long.length > 2 && long.indexOf(short[0]!) > 0;
      // A family name of two words without the given name: "Minister Grlić Radman" after "Gordan Grlić Radman".
      if (long.length > short.length && short.every((w, k) => long[long.length - short.length + k] === w))
        return true;
      return short[0] === long[0] && short.every((w) => long.includes(w));
    });
  for (const article of articles) {
    for (const sentence of article.sentences) {
      for (const m of roleMentions(sentence.text)) {
        const parts = words(m.name).map((t) => t.text);
        const surname = nameKey(parts.at(-1)!);
        const first = parts.length > 1 ? nameKey(parts[0]!) : null;
        let person = find(
          first,
          surname,
          parts.map((w) => nameKey(w)),
        );
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
const PATRONYMIC = /^(?:bin|bint|ibn|ben)$/i;

export function surnameIndex(people: readonly Person[]): Map<string, Person[]> {
  const index = new Map<string, Person[]>();
  for (const p of people) {
    const parts = words(p.name);
    for (const [i, part] of parts.entries()) {
      if (part.text.length < 2 || NAME_PARTICLES.has(part.text.toLowerCase())) continue;
      // "Mohammed bin Salman" is not "Salman": the name after "bin" is the father's.
      if (i > 0 && PATRONYMIC.test(parts[i - 1]!.text)) continue;
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
    // "I" and the "A:" of an interview are no one's name, whatever a name part folds to.
    if (!/^\p{Lu}/u.test(word.text) || word.text.length < 2) continue;
    // "Majed Bin Abdullah": the name after "bin" is a father's, not a reference to someone called so.
    if (i > 0 && PATRONYMIC.test(tokens[i - 1]!.text)) continue;
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
