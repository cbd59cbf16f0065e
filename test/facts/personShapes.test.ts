import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { buildPeople, peopleIn, roleMentions } from '../../src/facts/people.js';

const mentions = (text: string) => roleMentions(text).map((m) => [m.name, m.title, m.country]);

describe('roleMentions with honorifics and long titles', () => {
  it('writes the name without a Malay honorific', () => {
    expect(mentions('He called on Prime Minister Datuk Seri Hamid Rosli in Putrajaya.')).toEqual([
      ['Hamid Rosli', 'Prime Minister', null],
    ]);
    expect(mentions('Finance Minister Tan Sri Aziz Karim spoke first.')).toEqual([
      ['Aziz Karim', 'Minister', null],
    ]);
  });

  it('reads a portfolio of words the lists do not know, up to "of <country>" or a comma', () => {
    expect(
      mentions('the Minister of Coastal Fisheries and Lighthouses of Norway Ola Brekke signed it'),
    ).toEqual([['Ola Brekke', 'Minister of Coastal Fisheries and Lighthouses', 'Norway']]);
    expect(mentions('The Minister for Ports and Lighthouses, Kofi Mensah Boateng, said so.')).toEqual([
      ['Kofi Mensah Boateng', 'Minister for Ports and Lighthouses', null],
    ]);
    expect(mentions('Minister of Foreign Affairs Jan Novak of Slovakia said so.')).toEqual([
      ['Jan Novak', 'Minister of Foreign Affairs', null],
    ]);
  });

  it('reads a portfolio list that ends at the country', () => {
    expect(
      mentions('the Vice Minister of Trade, Industry and Energy of the Republic of Korea Lee Ji-hoon spoke'),
    ).toEqual([['Lee Ji-hoon', 'Vice Minister of Trade, Industry and Energy', 'South Korea']]);
  });

  it('takes a family name that is also an institution word', () => {
    expect(mentions('Ambassador Park Jae-won arrived.')).toEqual([['Park Jae-won', 'Ambassador', null]]);
  });

  it('reads titles of other systems: undersecretary, minister delegate, khokim', () => {
    expect(mentions("Peru's Undersecretary for Trade Policy, Lucia Ortega, agreed.")).toEqual([
      ['Lucia Ortega', 'Undersecretary for Trade Policy', 'Peru'],
    ]);
    expect(mentions('the French Minister Delegate for Tourism Claire Vasseur signed')).toEqual([
      ['Claire Vasseur', 'Minister Delegate for Tourism', 'France'],
    ]);
    expect(mentions('he was met by the khokim of Bukhara region Rustam Aliyev.')).toEqual([
      ['Rustam Aliyev', 'khokim', null],
    ]);
  });
});

describe('roleMentions without a title before the name', () => {
  it('reads an occupation set off by a comma, with a word or two before it', () => {
    expect(mentions('"It is a start," said Tomas Lind, a shipping analyst at a bank in Oslo.')).toEqual([
      ['Tomas Lind', 'analyst', null],
    ]);
    expect(mentions('Sara Ghali, chief economist at a Beirut fund, disagreed.')).toEqual([
      ['Sara Ghali', 'economist', null],
    ]);
    expect(mentions('Pham Van Duc, Commercial Counsellor of Vietnam in Chile, said so.')).toEqual([
      ['Pham Van Duc', 'Commercial Counsellor', 'Vietnam'],
    ]);
  });

  it('reads a role after "has served as" and a name followed by "of <country>"', () => {
    expect(mentions("Ines Marquez has served as Chile's ambassador to Peru since 2021.")).toEqual([
      ['Ines Marquez', 'ambassador', 'Chile'],
    ]);
    expect(mentions('Aidos Serik of Kazakhstan and Bahrom Tursun of Uzbekistan signed it.')).toEqual([
      ['Aidos Serik', null, 'Kazakhstan'],
      ['Bahrom Tursun', null, 'Uzbekistan'],
    ]);
    expect(mentions('the Ministry of Water Resources of Ruritania and the bank')).toEqual([]);
    expect(mentions('President Ama Kofi Owusu of Ghana arrived.')).toEqual([
      ['Ama Kofi Owusu', 'President', null],
    ]);
  });

  it('reads the name after what a role is of, set off by commas', () => {
    expect(mentions('He met the head of state-run airline Skyjet, Ruth Okello, on Monday.')).toEqual([
      ['Ruth Okello', 'head', null],
    ]);
    expect(mentions("Ghana's facilitator for the peace talks, Kwame Asante Boadu, briefed them.")).toEqual([
      ['Kwame Asante Boadu', 'facilitator', 'Ghana'],
    ]);
  });

  it('reads relatives and the dead, who hold no role', () => {
    expect(
      mentions('He succeeded his father Baurzhan Omarov and visited the tomb of Ivan Petrenko.'),
    ).toEqual([
      ['Baurzhan Omarov', null, null],
      ['Ivan Petrenko', null, null],
    ]);
    expect(mentions('after the death of Rustam Nazarov, who ruled for years')).toEqual([
      ['Rustam Nazarov', null, null],
    ]);
  });

  it('reads a family name that is also a function word, after a title', () => {
    expect(mentions('They called on General Secretary To Minh Hai in Hanoi.')).toEqual([
      ['To Minh Hai', 'General Secretary', null],
    ]);
  });
});

describe('buildPeople and peopleIn', () => {
  const article = parseArticle(
    [
      'The President of the Republic of Chile, Mateo Roca Ibarra, opened the forum.',
      'Later, President Mateo Roca met Ghanaian Vice President Ama Owusu.',
      'Roca said trade would grow, and I agree, said the Ghanaian president.',
      'A: I would say so.',
    ].join('\n'),
    'a.txt',
    '/a.txt',
    0,
    0,
  );
  const people = buildPeople([article]);

  it('makes one person of a name written with and without its second family name', () => {
    expect(people.map((p) => p.name)).toEqual(['Mateo Roca Ibarra', 'Ama Owusu']);
  });

  it('takes neither "I" nor a vice president for someone else', () => {
    const refs = article.sentences.map((s) => peopleIn(s, people, people).map((r) => r.person.name));
    expect(refs[2]).toEqual(['Mateo Roca Ibarra']);
    expect(refs[3]).toEqual([]);
  });
});
