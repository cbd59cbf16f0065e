import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { extractAgreements } from '../../src/facts/agreements.js';
import { extractFacts } from '../../src/facts/index.js';
import { extractMeetings } from '../../src/facts/meetings.js';
import { buildPeople, roleMentions } from '../../src/facts/people.js';
import { articlesOf } from '../support/articles.js';

// Agreements, meetings and people in the shapes real news articles use, in sentences written for these tests.

function factsOf(...texts: string[]) {
  const articles = texts.map((t, i) => parseArticle(t, `${i}.txt`, `/${i}.txt`, i, i * 100));
  return extractFacts({
    dir: '/',
    articles,
    sentences: articles.flatMap((a) => a.sentences),
    warnings: [],
    hash: '',
  });
}

const agreementsOf = (...texts: string[]) => {
  const { articles, refsOf } = articlesOf(...texts);
  return extractAgreements(articles, refsOf);
};

describe('agreements on the shapes of real articles', () => {
  it('dates a declaration signed at a dated meeting, and merges its two names', () => {
    const { agreements } = factsOf(
      [
        ' date 2024-05-10 Chilean President Gabriel Boric held talks with Peruvian President Dina Boluarte in Lima on May 9.',
        'Following the talks, Boric and Boluarte signed the Declaration on Strategic Partnership.',
        'The Joint Declaration was welcomed by business.',
      ].join('\n'),
    );
    const declarations = agreements.filter((a) => a.type === 'declaration');
    expect(declarations).toHaveLength(1);
    expect(declarations[0]).toMatchObject({
      name: 'Declaration on Strategic Partnership',
      status: 'signed',
      date: { iso: '2024-05-09', from: 'event' },
      place: 'Lima',
    });
  });

  it('does not date a document signed at a 2018 meeting by an earlier year in its sentence', () => {
    const { agreements } = factsOf(
      [
        ' date 2018-03-10 Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on March 9, 2018.',
        'During the visit, the Treaty on Friendship, drafted in 2017, was signed.',
      ].join('\n'),
    );
    expect(agreements.find((a) => a.type === 'treaty')?.date?.iso).toBe('2018-03-09');
  });

  it('reads joint statements and communiqués as documents, but not a statement to the press', () => {
    const facts = agreementsOf(
      'Chile and Peru signed a joint communique on the establishment of diplomatic relations. The heads of state signed the Joint Statement on good-neighbourliness.',
      'In a statement, the ministry said the sides talked.',
    );
    expect(facts.map((f) => [f.type, f.name])).toEqual([
      ['joint communiqué', 'Joint communique on the establishment of diplomatic relations'],
      ['joint statement', 'Joint Statement on good-neighbourliness'],
    ]);
  });

  it('ends a name where the next document or the sentence’s own words begin, and never starts it with "And"', () => {
    const facts = agreementsOf(
      'A cooperation agreement on education and an MOU on aviation development were also signed.',
      'And the Treaty on Good Neighbourliness was signed.',
      'The Agreement on certain areas of the state border aimed at security was signed.',
    );
    expect(facts.map((f) => f.name)).toEqual([
      'Cooperation agreement on education',
      'MOU on aviation development',
      'Treaty on Good Neighbourliness',
      'Agreement on certain areas of the state border',
    ]);
  });

  it('reads a signed plan of its own, but not the verb "plan" nor a plan named inside an agreement', () => {
    const facts = agreementsOf(
      'Chile and Peru plan to expand trade. The ministers signed a plan of consultations between the two foreign ministries.',
      'The premiers witnessed the signing ceremony for the agreement on the cooperation plan for 2025 between the two governments.',
      'The treaty on the state border signed in December 2017 is on ratification.',
    );
    expect(facts.map((f) => [f.type, f.name, f.status])).toEqual([
      ['plan', 'Plan of consultations between the two foreign ministries', 'signed'],
      ['agreement', 'Agreement on the cooperation plan for 2025 between the two governments', 'signed'],
      ['treaty', 'Treaty on the state border', 'signed'],
    ]);
  });

  it('gives an agreement the parties of its own sentence, not of the one after it', () => {
    const facts = agreementsOf(
      'Chile and Peru met. Chile and Peru signed the Agreement on Fisheries. Japan and Korea praised the agreement.',
    );
    expect(facts.map((f) => f.parties)).toEqual([['Chile', 'Peru']]);
  });

  it('reads "N documents were signed" as a group of that many, dated and with the pair', () => {
    const { agreements } = factsOf(
      ' date 2018-03-09 Chile and Peru held talks. In addition, 27 documents on trade and transport were signed by Chile and Peru.',
    );
    expect(agreements.map((a) => [a.type, a.count, a.status, a.parties, a.name])).toEqual([
      ['documents', 27, 'signed', ['Chile', 'Peru'], '27 documents'],
    ]);
  });

  it('reads when diplomatic relations were established', () => {
    const { agreements } = factsOf(
      'Chile and Peru established diplomatic relations on November 18, 1992. Trade followed.',
      'We marked the 30th anniversary of the establishment of diplomatic relations between Chile and Peru last year.',
    );
    expect(agreements).toHaveLength(1);
    expect(agreements[0]).toMatchObject({
      type: 'diplomatic relations',
      parties: ['Chile', 'Peru'],
      date: { iso: '1992-11-18' },
      statement: 'Diplomatic relations between Chile and Peru — established (1992-11-18)',
    });
    expect(agreements[0]?.sources.map((s) => s.file)).toEqual(['0.txt', '1.txt']);
  });
});

const meetingsOf = (...texts: string[]) => {
  const { articles, refsOf } = articlesOf(...texts);
  return extractMeetings(articles, refsOf).meetings;
};

describe('meetings on the shapes of real articles', () => {
  it('reads a one-person state visit on a day range, and an arrival for a working visit', () => {
    const meetings = meetingsOf(
      ' date 2024-08-20 Chilean President Gabriel Boric paid a state visit to Peru on August 22-23.',
      ' date 2024-09-01 Peruvian President Dina Boluarte arrives in Santiago for a working visit.',
    );
    expect(meetings.map((m) => [m.date.iso, m.format, m.place, m.participants.map((p) => p.name)])).toEqual([
      // The host is a side of the visit, named by its country.
      ['2024-08-22', 'state visit', 'Peru', ['Gabriel Boric', 'Peru']],
      ['2024-09-01', 'working visit', 'Santiago', ['Dina Boluarte', 'Chile']],
    ]);
  });

  it('reads meetings told without a meeting verb: a greeting and a joint signing', () => {
    const meetings = meetingsOf(
      'Chilean President Gabriel Boric was greeted by Peruvian President Dina Boluarte at the airport.',
      'Chilean Foreign Minister Alberto Klaveren and Peruvian Foreign Minister Javier Gonzalez-Olaechea signed a visa agreement.',
    );
    expect(meetings.map((m) => m.participants.map((p) => p.name))).toEqual([
      ['Gabriel Boric', 'Dina Boluarte'],
      ['Alberto Klaveren', 'Javier Gonzalez-Olaechea'],
    ]);
  });

  it('reads "the two leaders met" with one of them named, and a discussion placed by the next sentence', () => {
    const meetings = meetingsOf(
      [
        'Presidents Gabriel Boric and Dina Boluarte agree on trade.',
        'The two leaders met in Lima a week after the election of Boluarte.',
      ].join('\n'),
      [
        ' date 2024-02-10 Chilean Economy Minister Nicolas Grau and Peru’s Economy Minister Jose Arista have discussed investment.',
        'The discussion took place on the sidelines of a business forum in Santiago on February 9.',
      ].join('\n'),
    );
    expect(meetings.map((m) => [m.date.iso, m.place, m.participants.map((p) => p.name)])).toEqual([
      ['2024-02-09', 'Santiago', ['Nicolas Grau', 'Jose Arista']],
      [null, 'Lima', ['Gabriel Boric', 'Dina Boluarte']],
    ]);
  });

  it('keeps a meeting on another day, told in the same article, apart from the one reported', () => {
    const meetings = meetingsOf(
      ' date 2024-06-12 Yesterday Chilean Foreign Minister Alberto Klaveren held a phone call with Peruvian Foreign Minister Javier Arista. On March 8, 2023, Klaveren and Arista held talks in Santiago.',
    );
    expect(meetings.map((m) => [m.date.iso, m.format, m.place])).toEqual([
      ['2023-03-08', 'talks', 'Santiago'],
      ['2024-06-11', 'phone call', null],
    ]);
  });

  it('does not read an order to a subordinate as negotiations', () => {
    const meetings = meetingsOf(
      'Chilean President Gabriel Boric instructed Foreign Minister Alberto Klaveren to hold negotiations with Peru.',
    );
    expect(meetings).toEqual([]);
  });

  it('keeps a capital named as "the capital of" the country', () => {
    const meetings = meetingsOf(
      'Chilean President Gabriel Boric, who arrived in the capital of Peru on a working visit, was received by Peruvian President Dina Boluarte.',
    );
    expect(meetings.map((m) => [m.place, m.format])).toEqual([['Lima', 'working visit']]);
  });

  it('reads no new meeting in "the interlocutors discussed", past words on other nouns included', () => {
    const meetings = meetingsOf(
      [
        ' date 2024-05-02 Chilean President Gabriel Boric met Peruvian Foreign Minister Javier Arista in Santiago.',
        'Arista passed on greetings from Peruvian President Dina Boluarte to Boric.',
        'The interlocutors also discussed the implementation of previously signed agreements and earlier decisions.',
      ].join('\n'),
    );
    expect(
      meetings.map((m) => [m.date.display, m.place, m.participants.map((p) => p.name), m.sources.length]),
    ).toEqual([['2024-05-02', 'Santiago', ['Gabriel Boric', 'Javier Arista'], 1]]);
  });

  it('gives the counterpart the other country of the article, and reads no meeting that was not held', () => {
    const meetings = meetingsOf(
      [
        ' date 2024-05-02 Lima, May 2 – Prime Minister Ana Soto held talks with her Chilean counterpart Juan Rojas in Lima.',
        'Chile and Peru are neighbours, and Peru and Chile trade a lot.',
        'President Gabriel Boric and President Dina Boluarte have not held a formal meeting since 2022.',
      ].join('\n'),
    );
    expect(meetings.map((m) => m.participants.map((p) => [p.name, p.country]))).toEqual([
      [
        ['Ana Soto', 'Peru'],
        ['Juan Rojas', 'Chile'],
      ],
    ]);
  });

  it('dates a meeting of "last October" as past, and a planned one by its own words only', () => {
    const meetings = meetingsOf(
      [
        ' date 2025-05-22 Peruvian Foreign Minister Javier Arista received Chilean Foreign Minister Alberto Klaveren in Lima.',
        'They reviewed what was agreed when Chilean President Gabriel Boric and Peruvian President Dina Boluarte met in Santiago last October.',
        'Arista and Klaveren agreed to hold the next round of consultations in Santiago.',
      ].join('\n'),
    );
    expect(meetings.map((m) => [m.date.iso, m.place, m.sources.map((s) => s.line)])).toEqual([
      ['2024-10', 'Santiago', [2]],
      ['2025-05-22', 'Lima', [1]],
      [null, 'Santiago', [3]],
    ]);
  });

  it('tells a misspelled "previous meeting" from the current one', () => {
    const meetings = meetingsOf(
      ' date 2024-05-02 Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima. Boric said the decisions of the previuos meeting with Boluarte in Santiago were carried out.',
    );
    expect(meetings.map((m) => [m.date.display, m.place])).toEqual([
      ['2024-05-02', 'Lima'],
      ['before 2024-05-02', 'Santiago'],
    ]);
  });
});

describe('dates on the shapes of real articles', () => {
  it('gives one date for a day named twice in a sentence (a dateline and its weekday)', () => {
    const { all } = factsOf(
      ' date 2025-03-26 LIMA, March 26 (Wire) - Chile and Peru signed a memorandum on Wednesday, a week after March 19.',
    );
    expect(all.filter((f) => f.kind === 'date').map((f) => f.date.iso)).toEqual(['2025-03-26', '2025-03-19']);
  });
});

describe('people on the shapes of real articles', () => {
  it('reads no person in the name of an institution, a place or an event', () => {
    expect(
      roleMentions(
        'Ana Ruiz, chief representative of the Chile Foreign Trade Office in Lima, was met at Queen Alia International Airport by Minister Juan Soto before the Ministers’ Annual Meeting.',
      ).map((m) => m.name),
      // Ana Ruiz is a person (her role is set off by a comma); the office, airport and meeting are not.
    ).toEqual(['Ana Ruiz', 'Juan Soto']);
  });

  it('reads a name with an initial, and a name after a posting "of X to Y"', () => {
    expect(
      roleMentions(
        'On May 4, Minister of Foreign Affairs B. Quispe received Ambassador of Chile to Peru Jorge Ferrer, and met Minister of Culture S.Mamani.',
      ).map((m) => [m.name, m.country]),
    ).toEqual([
      ['B. Quispe', null],
      ['Jorge Ferrer', 'Chile'],
      ['S.Mamani', null],
    ]);
  });

  it('does not read a region as a person’s name', () => {
    expect(
      roleMentions('The delegation led by the Governor of Peru’s Arequipa Region Rohel Sanchez arrived.').map(
        (m) => m.name,
      ),
    ).toEqual(['Rohel Sanchez']);
  });

  it('does not read a country adjective before a title as a second name', () => {
    const { articles } = articlesOf(
      'Talks were led by Bangladeshi prime minister Sheikh Hasina and Maldivian president Mohamed Nasheed.',
    );
    expect(buildPeople(articles).map((p) => p.name)).toEqual(['Sheikh Hasina', 'Mohamed Nasheed']);
  });
});
