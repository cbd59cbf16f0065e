import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { buildPeople, roleMentions } from '../../src/facts/people.js';

/** Names that are not people, and one person written with and without the given name. */

const names = (text: string) => roleMentions(text).map((m) => m.name);

describe('people names', () => {
  it('reads no person in a country name of several words after a title', () => {
    expect(names("The trade board and its Ivorian counterpart, Côte d'Ivoire Trade, signed a plan.")).toEqual(
      [],
    );
  });

  it('reads no person in an institution ending in Board or Chamber after "of the <country>"', () => {
    expect(names('said Kofi Mensah, chief executive of the Ghana Grains Board, on Friday.')).toEqual([
      'Kofi Mensah',
    ]);
    expect(names('the president of the Togo Traders Chamber opened the fair.')).toEqual([]);
  });

  it('makes one person of a double family name written without the given name', () => {
    const text = [
      'Foreign Minister Ana Lucía Prado Ferrer of Uruguay arrived in Lima.',
      'Minister Prado Ferrer then met the press.',
    ].join('\n');
    const people = buildPeople([parseArticle(text, 'a.txt', '/a.txt', 0, 0)]);
    expect(people.map((p) => p.name)).toEqual(['Ana Lucía Prado Ferrer']);
  });
  it('keeps a family name written with its article in lower case ("al-", "el-")', () => {
    expect(names('The minister, Omar bin Saeed al-Nuaimi, opened the port.')).toEqual([
      'Omar bin Saeed al-Nuaimi',
    ]);
  });

  it('reads a special assistant or an adviser named with the title as a person', () => {
    expect(names('Mrs Ngozi Eze, the Senior Special Assistant on Trade to the President, spoke.')).toEqual([
      'Ngozi Eze',
    ]);
    expect(names('Foreign Affairs Adviser Karim Rahman arrived in Male.')).toEqual(['Karim Rahman']);
  });
});
