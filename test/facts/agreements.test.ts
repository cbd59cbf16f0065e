import { describe, expect, it } from 'vitest';
import { extractAgreements } from '../../src/facts/agreements.js';
import { articlesOf } from '../support/articles.js';

function agreementsOf(...texts: string[]) {
  const { articles, refsOf } = articlesOf(...texts);
  return extractAgreements(articles, refsOf);
}

describe('extractAgreements', () => {
  it('makes one document of the ways articles name it', () => {
    const facts = agreementsOf(
      'The Treaty on Strategic Partnership is set to be concluded in May.',
      'Uzbek President Shavkat Mirziyoyev and Kyrgyz President Sadyr Japarov have signed a strategic partnership treaty in Bishkek.',
      'The Treaty of Strategic Partnership entered into force.',
      'They praised the agreement on strategic partnership.',
    );
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({
      status: 'signed',
      place: 'Bishkek',
      signatories: [
        expect.objectContaining({ name: 'Shavkat Mirziyoyev', country: 'Uzbekistan' }),
        expect.objectContaining({ name: 'Sadyr Japarov', country: 'Kyrgyzstan' }),
      ],
    });
    expect(facts[0]?.sources.map((s) => s.file)).toEqual(['1.txt', '0.txt', '2.txt', '3.txt']);
  });

  it('keeps documents with the same words but different periods apart, and reads the period', () => {
    const facts = agreementsOf(
      'A programme of cooperation between the foreign ministries for 2023-2025 was signed.',
      'A new programme of cooperation between the foreign ministries for 2026-2028 was signed.',
    );
    expect(facts.map((f) => [f.period, f.status])).toEqual([
      ['2023-2025', 'signed'],
      ['2026-2028', 'signed'],
    ]);
  });

  it('marks a document still to be signed as planned', () => {
    const [fact] = agreementsOf('The sides will sign a memorandum on green energy next year.');
    expect(fact).toMatchObject({ type: 'memorandum', status: 'planned' });
  });

  it('gives documents listed after "signed several agreements" that status and date', () => {
    const facts = agreementsOf(
      ' date 2024-06-01 Georgia and Armenia signed several new agreements last year. These included a memorandum on customs cooperation and a sister city agreement between Batumi and Gyumri.',
    );
    expect(facts.map((f) => [f.type, f.status, f.date?.iso])).toEqual([
      ['memorandum', 'signed', '2023'],
      ['agreement', 'signed', '2023'],
    ]);
  });

  it('ignores organisations and unnamed documents', () => {
    expect(agreementsOf('Both are members of the Collective Security Treaty Organization.')).toEqual([]);
    expect(agreementsOf('The ministers discussed several agreements.')).toEqual([]);
  });
});

describe('extractAgreements on text it was not written for', () => {
  it('does not take policy programmes or plural generic words for documents', () => {
    const facts = agreementsOf(
      'We maintained large programs of public improvement. Summer school programs grew. We will obtain similar commercial treaties for each of the powers.',
    );
    expect(facts).toEqual([]);
  });

  it('keeps a named or dated programme, and a treaty named by its own words', () => {
    const facts = agreementsOf(
      'The Long-Term Defense Program was adopted. A programme for 2026-2030 was agreed. He said the allied treaty would raise relations.',
    );
    expect(facts.map((f) => f.type)).toEqual(['programme', 'programme', 'treaty']);
  });

  it('ends a name before its day, and takes no capitalised plural at the start of a sentence for a name', () => {
    const facts = agreementsOf(
      'Chile and Peru signed the Agreement on Fisheries on Friday. Peru and Chile signed a memorandum on Tuesday to bring gas to the north. Investment agreements worth $2 billion were concluded at the forum.',
    );
    expect(facts.map((f) => f.name)).toEqual(['Agreement on Fisheries']);
  });

  it('starts a name after its article ("A MoU on …", "Another MoU …")', () => {
    const facts = agreementsOf(
      'A MoU on Rail Links between Chile and Peru was signed. Another MoU on Fisheries between Peru and Chile was signed.',
    );
    expect(facts.map((f) => f.name)).toEqual([
      'MoU on Rail Links between Chile and Peru',
      'MoU on Fisheries between Peru and Chile',
    ]);
  });
});

describe('agreementMentions on other document words', () => {
  it('reads contracts, arrangements, road maps and plans of action', () => {
    const names = agreementsOf(
      'The two ministries signed a framework arrangement on soft loans worth $2 billion.',
      'They reviewed the contract for the supply of Falcon patrol boats signed in March.',
      'The sides signed a memorandum on port cooperation and a Plan of Action for the Strategic Dialogue.',
      'They signed a road map for farm cooperation for 2026-2028.',
      'According to the final communique, trade will grow.',
    ).map((f) => f.name);
    expect(names).toEqual([
      'Framework arrangement on soft loans',
      'Contract for the supply of Falcon patrol boats',
      'Memorandum on port cooperation',
      'Plan of Action for the Strategic Dialogue',
      'Road map for farm cooperation for 2026-2028',
    ]);
  });
});

describe('agreementMentions on the shapes of real articles', () => {
  it('reads a letter of intent, and a name in quotes as the whole quote', () => {
    const names = agreementsOf(
      'The ministers signed a letter of intent to work towards a “joint maritime security cooperation agreement”, which will cover patrols.',
    ).map((f) => f.name);
    expect(names).toEqual(['Letter of intent', 'Joint maritime security cooperation agreement']);
  });

  it('makes one document of "the Free Trade Agreement (FTA)" and a later "the FTA", in capitals only', () => {
    const facts = agreementsOf(
      'Peru and Chile praised the Free Trade Agreement (FTA) in force since 2009. Talks on upgrading the FTA began in 2019. A bit of progress was made.',
    );
    expect(facts.map((f) => [f.name, f.aliases])).toEqual([
      ['Free Trade Agreement', ['Free Trade Agreement', 'FTA']],
    ]);
  });

  it('keeps a number joined to its word and a decimal in a name', () => {
    const names = agreementsOf(
      'They signed a 15-year agreement for supply of 1.2 million tonnes of urea per year.',
    ).map((f) => f.name);
    expect(names).toEqual(['15-year agreement for supply of 1.2 million tonnes of urea per year']);
  });
});

describe('extractAgreementGroups', () => {
  it('gives a count of documents no alias: it names no document', async () => {
    const { extractAgreementGroups } = await import('../../src/facts/agreementGroups.js');
    const { articles } = articlesOf('The two sides signed 9 documents on water and roads in Osh.');
    const groups = extractAgreementGroups(articles, () => null);
    expect(groups.map((g) => [g.name, g.count, g.aliases])).toEqual([['9 documents', 9, []]]);
  });
});
