import { describe, expect, it } from 'vitest';
import {
  contentKeys,
  isStopWord,
  stripFormat,
  termKey,
  tokenize,
  transliterationFold,
} from '../../src/text/normalize.js';

describe('termKey', () => {
  it.each([
    ['Rakhmon', 'Rahmon'],
    ['Tokaev', 'Tokayev'],
    ['Mukhriddin', 'Muhriddin'],
    ['Dushambe', 'Dushanbe'],
    ['Kosherbaev', 'Kosherbayev'],
    ['Ermek', 'Yermek'],
    ['Somoniy', 'Somoni'],
    ['Zhanna', 'Janna'],
    ['Hassan', 'Hasan'],
    ['NEGOTIATIONS', 'negotiation'],
    ['Tajikistan’s', 'Tajikistan'],
    ['Émomali', 'Emomali'],
  ])('gives %s and %s the same key', (a, b) => {
    expect(termKey(a)).toBe(termKey(b));
  });

  it('keeps different words apart', () => {
    expect(termKey('trade')).not.toBe(termKey('treaty'));
    expect(termKey('Kazakh')).not.toBe(termKey('Kazakhstan'));
  });
});

describe('transliterationFold', () => {
  it('leaves numbers alone', () => {
    expect(transliterationFold('2024')).toBe('2024');
  });
});

describe('contentKeys', () => {
  it('drops stop words and question filler', () => {
    expect(contentKeys('What is the trade target?')).toEqual([termKey('trade'), termKey('target')]);
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord('treaty')).toBe(false);
  });
});

describe('format characters and other scripts', () => {
  it('strips zero-width and other format characters before tokenising', () => {
    expect(tokenize('tr\u200Bade')).toEqual(['trade']);
    expect(tokenize('Kazakh\u00ADstan\u2060 and\uFEFF Tajik\u200Distan')).toEqual([
      'Kazakhstan',
      'and',
      'Tajikistan',
    ]);
    expect(stripFormat('plain text')).toBe('plain text');
  });

  it.each([
    ['Токаев', 'Tokayev'],
    ['Рахмон', 'Rahmon'],
    ['Мирзиёев', 'Mirziyoyev'],
    ['Душанбе', 'Dushanbe'],
    ['Тоқаев', 'Tokayev'],
  ])('romanises the Cyrillic %s to meet %s', (cyrillic, latin) => {
    expect(termKey(cyrillic)).toBe(termKey(latin));
  });
});
