import { describe, expect, it } from 'vitest';
import { keyedTable, lexiconData, lexiconFrom, lexiconOfKeyed } from '../../src/text/lexicon.js';
import { termKey } from '../../src/text/normalize.js';

// The table in search keys that the build writes (lexicon-keys.json) reads as the table itself does.

describe('the lexicon in keys', () => {
  const data = lexiconData();
  const direct = lexiconFrom(data);
  const keyed = lexiconOfKeyed(JSON.parse(JSON.stringify(keyedTable(data))));

  it('answers every word of the table as the table decoded at start does, after a trip through JSON', () => {
    const words = Object.keys(data.related);
    const forms = Object.keys(data.forms);
    const phrases = Object.keys(data.phrases);
    // Every 7th entry of each list: thousands of words, all three parts of the table.
    for (const w of words.filter((_, i) => i % 7 === 0)) {
      const key = termKey(w);
      expect([...keyed.related(key)]).toEqual([...direct.related(key)]);
    }
    for (const w of forms.filter((_, i) => i % 7 === 0)) {
      const key = termKey(w);
      expect([...keyed.forms(key)].sort()).toEqual([...direct.forms(key)].sort());
    }
    for (const p of phrases.filter((_, i) => i % 7 === 0)) {
      const keys = p.split(' ').map(termKey);
      expect([...keyed.phrase(keys)]).toEqual([...direct.phrase(keys)]);
    }
    expect(keyed.longestPhrase).toBe(direct.longestPhrase);
    // English words in several shapes, and names the table has no word for.
    for (const w of [
      'polls',
      'studies',
      'planning',
      'uprooted',
      'farmhands',
      'trade',
      'zzqx',
      'tokayev',
      'oran',
    ])
      expect(keyed.knows!(w)).toBe(direct.knows!(w));
    expect(keyed.knows!('polls')).toBe(true);
    expect(keyed.knows!('zzqx')).toBe(false);
    expect(words.length).toBeGreaterThan(1000);
  });

  it('keeps a word that names an object property ("constructor") as a word', () => {
    const table = { sources: [], related: { constructor: 'builder:80' }, phrases: {}, forms: {} };
    const lexicon = lexiconOfKeyed(JSON.parse(JSON.stringify(keyedTable(table))));
    expect([...lexicon.related(termKey('constructor'))]).toEqual([[termKey('builder'), 0.75]]);
    expect([...lexicon.related(termKey('toString'))]).toEqual([]);
  });
});
