import { describe, expect, it } from 'vitest';
import { planQuery } from '../../src/answer/query.js';
import { buildIndex, type IndexDoc } from '../../src/index/searchIndex.js';
import { lexiconFrom } from '../../src/text/lexicon.js';
import { termKey } from '../../src/text/normalize.js';

const TEXTS = [
  'South Korea and Chile signed a new trade pact in Seoul.',
  'The ministers held talks in New Delhi on rail and ports.',
  'The forum took place in a new hall near the port.',
  'Saudi Arabia and Chile agreed to hold a business forum.',
  'A Chilean group bought the port operator last year.',
];
const docs: IndexDoc[] = TEXTS.map((text, id) => ({ id, type: 'sentence', text, keywords: '' }));
const index = buildIndex(docs);
const term = (question: string, word: string) =>
  planQuery(index, question).terms.find((t) => t.word === word);

describe('planQuery', () => {
  it('reads two words that name one country or capital as one required place', () => {
    const plan = planQuery(index, 'What did South Korea and Chile sign?');
    expect(plan.terms.map((t) => t.word)).not.toContain('South');
    expect(term('What did South Korea and Chile sign?', 'Korea')?.required).toBe(true);
    expect(term('What did the ministers discuss in New Delhi?', 'New')).toBeUndefined();
    expect(term('What did the ministers discuss in New Delhi?', 'Delhi')).toMatchObject({
      required: true,
      where: true,
    });
    // "Saudi" alone names the country: "Arabia" adds nothing.
    expect(planQuery(index, 'What did Saudi Arabia and Chile agree?').terms.map((t) => t.word)).not.toContain(
      'Arabia',
    );
  });

  it('reads a country of two words typed in lower case as one required place, matching its name', () => {
    const plan = planQuery(index, 'what did south korea and chile sign?');
    expect(plan.terms.map((t) => t.word)).not.toContain('south');
    const korea = plan.terms.find((t) => t.word === 'korea');
    expect(korea?.required).toBe(true);
    expect(term('what did the ministers discuss in the new hall?', 'new')).toBeDefined();
    // "saudi arabian" matches a sentence that writes "Saudi Arabia".
    const arabian = planQuery(index, 'what did the saudi arabian group agree?').terms.find((t) => t.required);
    expect(arabian?.expansions.has(termKey('Arabia'))).toBe(true);
  });

  it('counts light verbs and "take place" as the question’s phrasing', () => {
    expect(term('Which ministers put their names to the pact?', 'put')?.phrasing).toBe(true);
    expect(term('Where did the forum take place?', 'place')?.phrasing).toBe(true);
    expect(term('What place did the forum choose?', 'place')?.phrasing).toBe(false);
    expect(term('What did Chile say, according to the ministers?', 'according')?.phrasing).toBe(true);
  });
});

describe('planQuery and related words', () => {
  it('meets any form of a related word: "acquired" ~ "buy" finds "bought"', () => {
    const lexicon = lexiconFrom({
      sources: [],
      phrases: {},
      related: { acquire: 'buy:0.7' },
      forms: { bought: 'buy' },
    });
    const plan = planQuery(index, 'Which group acquired the port operator?', { lexicon });
    const acquired = plan.terms.find((t) => t.word === 'acquired');
    expect(acquired?.expansions.get(termKey('bought'))).toBeGreaterThan(0);
  });
});

describe('planQuery and idioms', () => {
  const idiomIndex = buildIndex(
    [
      'The two ministers signed a fisheries accord in Lisbon.',
      'The presidents will meet in Praia next month.',
      'The port treaty is now being implemented.',
    ].map((text, id): IndexDoc => ({ id, type: 'sentence', text, keywords: '' })),
  );
  const head = (question: string, word: string) =>
    planQuery(idiomIndex, question).terms.find((t) => t.word === word);

  it('reads "put their names to" as signing, "sit down with" as meeting, "put into practice" as implementing', () => {
    expect(
      head('Which accord did the ministers put their names to?', 'names')?.expansions.has(termKey('signed')),
    ).toBe(true);
    expect(
      head('When will the president sit down with his counterpart?', 'sit')?.expansions.has(termKey('meet')),
    ).toBe(true);
    expect(head('When will the president sit down with his counterpart?', 'down')?.phrasing).toBe(true);
    expect(
      head('Which treaty is being put into practice?', 'practice')?.expansions.has(termKey('implemented')),
    ).toBe(true);
  });
});
