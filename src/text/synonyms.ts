import { termKey } from './normalize.js';

/**
 * General English words that news questions use interchangeably with the
 * words articles use ("target" for "goal", "deal" for "agreement"). This is
 * a small thesaurus of the language, not of any corpus: each group is a set
 * of words with one sense.
 */
const GROUPS: readonly string[] = [
  'target goal aim objective',
  'agreement treaty accord pact deal',
  'memorandum mou',
  'sign signed signing conclude concluded ink inked',
  'meet met meeting talks negotiations',
  'visit trip',
  'increase boost raise grow growth rise',
  'decrease decline fall drop',
  // In trade, what a country sells is its exports and what it buys its imports.
  'export exports supply supplies ship send sends sell sells sold',
  'promise promised pledge pledged commit committed',
  'import imports buy buys bought purchase purchases purchased',
  'turnover volume',
  'country nation state',
  'leader president',
  'economy economic',
  'money funds funding',
  'cooperation collaboration partnership',
  'plan plans programme program',
  'worth value valued totaling totalling amounting',
  // How wire copy tells of a visit: who greeted whom on arrival.
  'greet greeted welcome welcomed',
  'arrive arrived arrival land landed',
  'previous preceding former last',
  'company companies firm firms',
  'tourist tourists holidaymaker holidaymakers traveller travellers',
  'lorry lorries truck trucks',
];

const byKey = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const keys = [...new Set(group.split(' ').map(termKey))];
  for (const key of keys) {
    const set = byKey.get(key) ?? new Set<string>();
    for (const other of keys) if (other !== key) set.add(other);
    byKey.set(key, set);
  }
}

/** Search keys that mean the same as `key` (never `key` itself). */
export function synonymsOf(key: string): readonly string[] {
  const set = byKey.get(key);
  return set ? [...set] : [];
}

/**
 * Idioms of the language that questions use for a plain verb: the idiom's head word means the verb,
 * and its other words are only how the question is put. General English, not any corpus's phrasing.
 */
const IDIOMS: ReadonlyArray<{ form: RegExp; head: string; meaning: string }> = [
  { form: /\bput\s+(?:their|his|her|its|our)\s+(names?)\s+to\b/i, head: 'names', meaning: 'sign signed' },
  { form: /\b(sit|sat|sitting)\s+down\s+with\b/i, head: 'sit', meaning: 'meet met talks' },
  { form: /\b(?:get|gets|got|getting)\s+together\b/i, head: 'together', meaning: 'meet met talks' },
  {
    form: /\bput\s+into\s+(practice|effect|force)\b/i,
    head: 'practice',
    meaning: 'implement implemented implementation',
  },
  // Money "put into" or "poured into" a country or a sector is invested there.
  {
    form: /\b(put|puts|putting|pour|pours|poured|pouring|pump|pumps|pumped|pumping|plough|ploughs|ploughed|plow|plowed|sink|sinks|sank|sunk|inject|injects|injected|injecting|plow|plows)\s+into\b(?!\s+(?:practice|effect|force|operation|service|words|place))/i,
    head: '',
    meaning: 'invest invests invested investing investment investments investor investors',
  },
];

export interface Idiom {
  /** The idiom's word that carries its meaning, as written in the question. */
  head: string;
  /** The idiom's other words, as written: the question's phrasing. */
  rest: string[];
  /** Search keys of what it means. */
  meaning: string[];
}

/** The idioms a question uses. */
export function idiomsIn(question: string): Idiom[] {
  const out: Idiom[] = [];
  for (const idiom of IDIOMS) {
    const m = idiom.form.exec(question);
    if (!m) continue;
    const head = m[1] ?? idiom.head;
    out.push({
      head,
      rest: m[0].split(/\s+/).filter((w) => w.toLowerCase() !== head.toLowerCase()),
      meaning: [...new Set(idiom.meaning.split(' ').map(termKey))],
    });
  }
  return out;
}
