import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { buildPeople, peopleIn, roleMentions } from '../../src/facts/people.js';

const mentions = (text: string) => roleMentions(text).map((m) => [m.name, m.title, m.country]);

describe('roleMentions', () => {
  it.each([
    [
      'Kazakh President Kassym-Jomart Tokayev met them.',
      ['Kassym-Jomart Tokayev', 'President', 'Kazakhstan'],
    ],
    [
      'Minister of Foreign Affairs of the Republic of Tajikistan Sirojiddin Muhriddin arrived.',
      ['Sirojiddin Muhriddin', 'Minister of Foreign Affairs', 'Tajikistan'],
    ],
    [
      'Deputy Prime Minister and Minister of Foreign Affairs of Kazakhstan, Murat Nurtleu, spoke.',
      ['Murat Nurtleu', 'Deputy Prime Minister and Minister of Foreign Affairs', 'Kazakhstan'],
    ],
    [
      'Tajik Foreign Minister Sirojiddin Muhriddin said so.',
      ['Sirojiddin Muhriddin', 'Foreign Minister', 'Tajikistan'],
    ],
    [
      "Azerbaijan's Foreign Minister Jeyhun Bayramov flew in.",
      ['Jeyhun Bayramov', 'Foreign Minister', 'Azerbaijan'],
    ],
    [
      'Rashid Meredov, Turkmenistan’s foreign minister, agreed.',
      ['Rashid Meredov', 'foreign minister', 'Turkmenistan'],
    ],
    ['Chinese President Xi Jinping hosted the summit.', ['Xi Jinping', 'President', 'China']],
  ])('reads the person, title and country in "%s"', (text, expected) => {
    expect(mentions(text)).toContainEqual(expected);
  });

  it('pairs plural titles with their countries and names in order', () => {
    expect(
      mentions(
        'Presidents of Kazakhstan and Tajikistan Kassym-Jomart Tokayev and Emomali Rahmon held talks.',
      ),
    ).toEqual([
      ['Kassym-Jomart Tokayev', 'President', 'Kazakhstan'],
      ['Emomali Rahmon', 'President', 'Tajikistan'],
    ]);
  });

  it('does not take a country across punctuation, or a title word for a name', () => {
    expect(mentions('In a meeting with companies in Tajikistan, Minister Nurtleu spoke.')).toEqual([
      ['Nurtleu', 'Minister', null],
    ]);
    expect(mentions('The President said the Minister agreed.')).toEqual([]);
  });
});

describe('roleMentions with a portfolio written as a list', () => {
  it('reads "of Industry, Trade and Investment" as the title, not "Trade" and "Investment" as people', () => {
    expect(
      mentions("Chile's Minister of Energy, Mining and Environment, Rosa Fuentes, opened the fair in Lima."),
    ).toEqual([['Rosa Fuentes', 'Minister of Energy, Mining and Environment', 'Chile']]);
    expect(
      mentions('He met the Minister of Finance, Oleg Petrov, and the Minister of Energy, Tomas Ruiz.'),
    ).toEqual([
      ['Oleg Petrov', 'Minister of Finance', null],
      ['Tomas Ruiz', 'Minister of Energy', null],
    ]);
  });
});

describe('buildPeople', () => {
  const text = [
    'Kazakh President Kassym-Jomart Tokayev met Tajik President Emomali Rahmon.',
    'President Tokayev thanked President Rakhmon for the talks.',
    'The Kazakh President said relations were strong.',
    'Tokaev added that trade would grow.',
  ].join('\n');
  const article = parseArticle(text, 'a.txt', '/a.txt', 0, 0);
  const people = buildPeople([article]);

  it('makes one entity per person, with aliases and the country of the role', () => {
    expect(people.map((p) => [p.id, p.name, p.country])).toEqual([
      ['kassym-jomart-tokayev', 'Kassym-Jomart Tokayev', 'Kazakhstan'],
      ['emomali-rahmon', 'Emomali Rahmon', 'Tajikistan'],
    ]);
    expect(people[0]?.aliases).toEqual(
      expect.arrayContaining(['Kassym-Jomart Tokayev', 'President Tokayev', 'Tokayev']),
    );
  });

  it('resolves surnames, spelling variants and an unambiguous "the Kazakh President"', () => {
    const refs = article.sentences.map((s) => peopleIn(s, people, people).map((r) => r.person.id));
    expect(refs).toEqual([
      ['kassym-jomart-tokayev', 'emomali-rahmon'],
      ['kassym-jomart-tokayev', 'emomali-rahmon'],
      ['kassym-jomart-tokayev'],
      ['kassym-jomart-tokayev'],
    ]);
  });
});

describe('roleMentions on text it was not written for', () => {
  it.each([
    'The Secretary of War reported to Congress.',
    'Mr. President, I’ve seen the figures.',
    'The Speaker of the House of Representatives opened the session.',
    'The President of Texas wrote to him.',
    'The Commissioner of Internal Revenue was asked to report.',
  ])('names no one in "%s"', (text) => {
    expect(roleMentions(text)).toEqual([]);
  });

  it('reads a title whose portfolio runs into the name', () => {
    expect(mentions('Secretary of War Elihu Root replied.')).toEqual([
      ['Elihu Root', 'Secretary of War', null],
    ]);
  });
});

describe('roleMentions with long official titles', () => {
  it('reads the name after a second role and an honorific', () => {
    expect(
      mentions(
        'The delegation was headed by the First Deputy Prime Minister of the Republic of Tajikistan, Chairman of the Tajik part of the Commission, Mr. Davlatsho Kurbonzoda.',
      ),
    ).toEqual([['Davlatsho Kurbonzoda', 'First Deputy Prime Minister', 'Tajikistan']]);
  });

  it('reads titles joined by a dash, a counterpart, and a four-word name', () => {
    expect(
      mentions(
        'the First Deputy Prime Minister – Minister of Finance of Kazakhstan, Daniyar Seitkali, spoke',
      ),
    ).toEqual([['Daniyar Seitkali', 'First Deputy Prime Minister – Minister of Finance', 'Kazakhstan']]);
    expect(mentions('Modi called his Vietnamese counterpart Pham Minh Chinh.')).toEqual([
      ['Pham Minh Chinh', 'counterpart', 'Vietnam'],
    ]);
    expect(mentions("Le Thi Thanh Hoa, the country's deputy minister of industry, spoke.")).toEqual([
      ['Le Thi Thanh Hoa', 'deputy minister', null],
    ]);
  });
});
