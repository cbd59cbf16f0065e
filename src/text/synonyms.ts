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
