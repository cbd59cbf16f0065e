import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/load.js';
import { buildPeople, peopleIn, roleMentions } from '../../src/facts/people.js';

// Name shapes seen on articles nobody tuned for, in sentences written for these tests.

const names = (text: string) => roleMentions(text).map((m) => m.name);

describe('roleMentions on names with particles, honorifics and suffixes', () => {
  it.each([
    ['Omani Foreign Minister Sayyid Badr bin Hamad Al Busaidi arrived.', 'Sayyid Badr bin Hamad Al Busaidi'],
    ['Pakistani Ambassador Imran ul Haq spoke.', 'Imran ul Haq'],
    ['Chilean Minister Ana de la Vega signed.', 'Ana de la Vega'],
    ['The Indian Minister Shri Arjun Mehta agreed.', 'Arjun Mehta'],
    ['Philippine President Ramon Cruz Jr. arrived in Oslo.', 'Ramon Cruz Jr.'],
  ])('reads the name in "%s"', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('reads no name from a portfolio that runs on after a title, or an organisation after a place', () => {
    expect(names('Danish Minister of Investment, Trade and Industry Lars Holm spoke.')).toEqual([
      'Lars Holm',
    ]);
    expect(
      names('Erik Dahl, chief representative of the Norway External Trade Council in Oslo, said.'),
    ).toEqual(['Erik Dahl']);
  });
});

describe('peopleIn on a father\'s name after "bin"', () => {
  it('does not read the name after "bin" as a reference to someone of that name', () => {
    const text = [
      'Omani Foreign Minister Hamad bin Said Al Busaidi met Qatari Minister Said Al Thani.',
      'Minister Nasser Bin Hamad Al Rumaihi also spoke.',
    ].join('\n');
    const article = parseArticle(text, 'a.txt', '/a.txt', 0, 0);
    const people = buildPeople([article]);
    const refs = peopleIn(article.sentences[1]!, people, people).map((r) => r.person.name);
    expect(refs).not.toContain('Hamad bin Said Al Busaidi');
  });
});
