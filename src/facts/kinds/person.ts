import type { Sentence } from '../../corpus/types.js';
import type { Person } from '../people.js';
import { type PersonFact, personFactSchema } from '../types.js';
import { type IndexedKind, sourceOf, withAliases } from './kind.js';

/** A person of the corpus as a fact: the role shown is the one of their own country, when they have one. */
function personFact(p: Person, mentions: readonly Sentence[]): PersonFact {
  const roles = p.roles.filter(
    (r, i, all) => all.findIndex((x) => x.title === r.title && x.country === r.country) === i,
  );
  const shown = roles.find((r) => r.country === p.country) ?? roles[0];
  const sources = (mentions.length > 0 ? mentions : p.roles.map((r) => r.sentence)).map(sourceOf);
  const fact: Omit<PersonFact, 'statement'> = {
    kind: 'person',
    id: p.id,
    name: p.name,
    aliases: p.aliases,
    country: p.country,
    roles: roles.map((r) => ({ title: r.title, country: r.country, source: sourceOf(r.sentence) })),
    source: sources[0]!,
    sources,
  };
  const role = shown ? `, ${shown.title}${shown.country ? ` of ${shown.country}` : ''}` : '';
  return { ...fact, statement: `${p.name}${role}` };
}

/** People: built from every article first (src/facts/people.ts), since the other kinds refer to them. */
export const person = {
  kind: 'person',
  field: 'people' as const,
  schema: personFactSchema,
  /** Each person with the sentences that mention them. */
  extract: (ctx) => ctx.people.map((p) => personFact(p, ctx.mentionsOf(p))),
  indexed: (own) => own,
  indexText: (f) => ({ text: withAliases(f), keywords: 'person official role who' }),
  sources: (f) => f.sources,
  answerFields: (f) => {
    const { statement: _, kind: _k, source: _s, sources: _all, roles, ...rest } = f;
    return { ...rest, roles: roles.map((r) => ({ title: r.title, country: r.country })) };
  },
  counted: 'people',
} satisfies IndexedKind<'person', PersonFact, PersonFact, object>;
