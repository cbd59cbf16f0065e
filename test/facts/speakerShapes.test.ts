import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/facts/statements.js';
import { articlesOf } from '../support/articles.js';

/** Who spoke, shape by shape: pronouns, titles, several people in one phrase, names given later. */

function speakersOf(...lines: string[]) {
  const { articles, refsOf } = articlesOf(lines.join('\n'));
  return extractStatements(articles, refsOf).map((s) => [s.speaker, s.speakerText, s.quote]);
}

describe('extractStatements speakers', () => {
  it('reads "he" after a sentence naming two people as the one it names first, its subject', () => {
    expect(
      speakersOf(
        'Danish Transport Minister Lars Holm met Norwegian Transport Minister Erik Dahl in Oslo.',
        '',
        'Ferries between the two coasts will run every hour from spring, he said.',
      ),
    ).toEqual([['Lars Holm', 'he', 'Ferries between the two coasts will run every hour from spring']]);
  });

  it('reads "he" as the one who just spoke when the sentence before names someone else too', () => {
    expect(
      speakersOf(
        'Speaking after talks with Norwegian Transport Minister Erik Dahl, Danish Transport Minister Lars Holm said the new ferry line would open in March.',
        '',
        'The timetable will be published before the summer, he added.',
      ).map((s) => s[0]),
    ).toEqual(['Lars Holm', 'Lars Holm']);
  });

  it('takes the subject, not its object, of "X congratulated Y and stressed that …"', () => {
    const found = speakersOf(
      'Finnish Prime Minister Aino Virtanen held a call with Estonian Prime Minister Kaja Tamm.',
      '',
      'Virtanen congratulated Tamm on her election and stressed that the tunnel project remained a shared priority.',
    );
    expect(found.map((s) => s[0])).toEqual(['Aino Virtanen']);
  });

  it('leaves a statement of two people joined by "and" without one speaker', () => {
    const found = speakersOf(
      'Finnish Prime Minister Aino Virtanen held talks with Estonian Prime Minister Kaja Tamm.',
      '',
      'Virtanen and Tamm confirmed that the two governments would fund the tunnel study together.',
    );
    expect(found.map((s) => s[0])).toEqual([null]);
  });

  it('reads "the official" as the one who just spoke, whatever their office', () => {
    const found = speakersOf(
      'Exports of timber will double by 2030, said Deputy Minister of Forestry Jonas Berg.',
      '',
      '“Our mills are running at full capacity for the first time in a decade,” the official pointed out.',
    );
    expect(found.map((s) => s[0])).toEqual(['Jonas Berg', 'Jonas Berg']);
  });

  it('leaves "the official" unresolved when no one has spoken or been named', () => {
    const found = speakersOf(
      'Timber exports rose sharply last year.',
      '',
      '“Our mills are running at full capacity for the first time in a decade,” the official pointed out.',
    );
    expect(found.map((s) => s[0])).toEqual([null]);
  });

  it('names a lead’s title-only speaker by the named speaker of the next paragraph', () => {
    const found = speakersOf(
      'Canada’s trade minister said on Monday that talks on a fisheries pact would resume within weeks.',
      '',
      '“We have waited long enough for this agreement,” Margaret Olsen told reporters in Halifax.',
    );
    expect(found.map((s) => s[0])).toEqual(['Margaret Olsen', 'Margaret Olsen']);
  });

  it('keeps a title unresolved when the people it could stand for were named before it', () => {
    const found = speakersOf(
      'Swedish Energy Minister Ulla Lind and Danish Energy Minister Peter Krag opened the cable.',
      '',
      'The minister said the cable would carry power both ways from next winter.',
      '',
      '“Prices in the south will fall,” Lind noted.',
    );
    expect(found.map((s) => s[0])).toEqual([null, 'Ulla Lind']);
  });

  it('resolves "she" to a speaker whose title and name are set off by commas', () => {
    const found = speakersOf(
      'Chile’s Undersecretary for Fisheries, Paula Rojas, said in an interview that quotas would not change this year. “Our boats will keep fishing the same waters as before,” she said.',
    );
    expect(found.map((s) => s[0])).toEqual(['Paula Rojas', 'Paula Rojas']);
  });

  it('leaves the day out of a speaker’s words ("X on Tuesday said")', () => {
    const found = speakersOf(
      'The chief executive of the port authority, Omar Haddad on Tuesday said that cargo volumes had reached a new record.',
    );
    expect(found.map((s) => s[1])).toEqual(['Omar Haddad']);
  });

  it('reads "the official" as the one the sentence before names, when no one has spoken yet', () => {
    const found = speakersOf(
      'Estonian President Liis Kask toured the timber fair in Tartu on Monday.',
      '',
      'Estonian Forestry Minister Jonas Berg opened its trade pavilion.',
      '',
      '“Our mills are running at full capacity for the first time in a decade,” the official pointed out.',
    );
    expect(found.map((s) => s[0])).toEqual(['Jonas Berg']);
  });

  it('leaves a news agency’s credit out of a speaker named at the end', () => {
    const found = speakersOf(
      'Timber exports will double by the end of the decade, said Estonian Forestry Minister Jonas Berg, Baltic Wire reports via the ministry.',
    );
    expect(found.map((s) => [s[0], s[2]])).toEqual([
      ['Jonas Berg', 'Timber exports will double by the end of the decade'],
    ]);
  });
  it('takes the name before a description set off by commas as the speaker', () => {
    expect(
      speakersOf(
        'Marta Quiroga Ríos, president of the Andean Exporters Chamber, said: “The new port road will cut our costs by a third.”',
        '',
        'Tomás Ibarra, director of the Peruvian Fisheries Council, told reporters that quotas would stay the same next year.',
      ).map((s) => s[0]),
    ).toEqual(['Marta Quiroga Ríos', 'Tomás Ibarra']);
  });

  it('reads "the Peruvian minister" as the minister of Peru, not the one of another country who spoke last', () => {
    expect(
      speakersOf(
        'The Minister of Foreign Affairs of Peru, Mr Raúl Soto Vega, received the Minister of Foreign Affairs of Chile, Ms Inés Lagos.',
        'Minister Soto Vega said the two countries would open a new border post at Tacna.',
        'Minister Lagos stressed that the railway to Arica would reopen before the end of the year.',
        'The Peruvian minister underlined that both governments aim to double trade by 2030.',
      ).map((s) => s[0]),
    ).toEqual(['Raúl Soto Vega', 'Inés Lagos', 'Raúl Soto Vega']);
  });
  it('keeps one statement of a sentence its attribution splits, the second part in lower case', () => {
    expect(
      speakersOf(
        'Argentine Economy Minister Pablo Reyes visited Asunción.',
        '“The bridge is finished,” Reyes said, “and the customs post opens in June.”',
        '“Trade,” he said, “will follow the road.”',
        '“We are ready to go,” he added. “Our trucks will be the first to cross.”',
      ).map((s) => [s[0], s[2]]),
    ).toEqual([
      ['Pablo Reyes', 'The bridge is finished and the customs post opens in June.'],
      ['Pablo Reyes', 'Trade will follow the road.'],
      ['Pablo Reyes', 'We are ready to go'],
      ['Pablo Reyes', 'Our trucks will be the first to cross.'],
    ]);
  });
  it('keeps the words of an unnamed speaker, with no one as the speaker', () => {
    expect(
      speakersOf(
        'Kenyan Trade Minister Joyce Wanjiru opened the fair in Kampala.',
        'A Nairobi-based tea broker, who asked not to be identified, said the new tariff would hurt small farms first.',
        'A Ugandan government source told us the border would stay open at night from April.',
        'Both sides want a single customs post at Busia by 2027, an official said on condition of anonymity.',
      ).map((s) => [s[0], s[2]]),
    ).toEqual([
      [null, 'the new tariff would hurt small farms first'],
      [null, 'the border would stay open at night from April'],
      [null, 'Both sides want a single customs post at Busia by 2027'],
    ]);
  });
  it('keeps the particles of a speaker’s name ("de la", "al-")', () => {
    expect(
      speakersOf(
        'María de la Cruz, a Chilean economist, said copper prices would hold through the winter.',
        'Omar bin Saeed al-Nuaimi, a port official, told reporters that cranes would arrive in June.',
      ).map((s) => s[0]),
    ).toEqual(['María de la Cruz', 'Omar bin Saeed al-Nuaimi']);
  });
});
