import { beforeAll, describe, expect, it } from 'vitest';
import { newswireText } from '../../src/answer/chatText.js';
import { check } from '../../src/answer/check.js';
import { detailsOf, sameFigure } from '../../src/answer/claimDetails.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { ROOT } from '../support/seedEngine.js';

/** Claims as people type them in a discussion: rounded figures, codes and lower-case countries. */

let engine: Engine;
beforeAll(async () => {
  const built = await createEngine({ corpusDir: 'test/fixtures/check-casual', root: ROOT });
  if ('error' in built) throw new Error(built.error);
  engine = built;
});

const verdict = (text: string) => check(engine, text).claims[0]?.verdict;

describe('sameFigure', () => {
  it('returns true when the article’s figure rounds to the claim’s as the claim writes it', () => {
    expect(sameFigure(8, 8.2)).toBe(true);
    expect(sameFigure(4.4e9, 4.37e9)).toBe(true);
    expect(sameFigure(4e9, 4.37e9)).toBe(true);
    expect(sameFigure(386e6, 385.6e6)).toBe(true);
  });

  it('returns false for another figure, and for a claim more precise than the article', () => {
    expect(sameFigure(9, 8.2)).toBe(false);
    expect(sameFigure(4.5e9, 4.37e9)).toBe(false);
    expect(sameFigure(8.2, 8)).toBe(false);
    expect(sameFigure(1.5e9, 1.2e9)).toBe(false);
    expect(sameFigure(1e9, 7e8)).toBe(false);
  });
});

describe('newswireText', () => {
  const never = () => false;
  it('writes out two countries paired by their codes or in lower case', () => {
    expect(newswireText('EE-FI trade grew', never)).toBe('Estonia-Finland trade grew');
    expect(newswireText('estonia-finland trade grew', never)).toBe('Estonia-Finland trade grew');
    expect(newswireText('trade with finland grew', never)).toBe('trade with Finland grew');
  });

  it('leaves pairs that are not two countries, and words the articles use in lower case', () => {
    expect(newswireText('the on-off talks', never)).toBe('the on-off talks');
    expect(newswireText('roast turkey', (w) => w === 'turkey')).toBe('roast turkey');
  });
});

describe('check (rounded figures and chat names)', () => {
  it('supports a rounded figure of the same trade', () => {
    expect(verdict('ee-fi trade was ~$4.4bn in 2023, up like 8% yoy')).toBe('supported');
    expect(verdict('estonia-finland trade grew about 8% in 2023')).toBe('supported');
  });

  it('contradicts another figure for the same trade', () => {
    expect(verdict('estonia-finland trade was $5.1bn in 2023')).toBe('contradicted');
  });
});

describe('detailsOf', () => {
  const vocab = { common: new Set<string>(), all: new Set(['saar']), persons: new Set(['saar']) };
  it('leaves out an abbreviation the articles never use', () => {
    expect([...detailsOf('Saar met MBS in Tallinn', vocab).names]).toEqual([]);
  });

  it('reads "#3", "no. 3" and "ranks third" as a rank, and "one of the largest" as none', () => {
    expect(
      detailsOf(
        newswireText('the #3 partner', () => false),
        vocab,
      ).ranks,
    ).toEqual([[3, 3]]);
    expect(
      detailsOf(
        newswireText('its no. 3 partner', () => false),
        vocab,
      ).ranks,
    ).toEqual([[3, 3]]);
    expect(detailsOf('Finland ranks third among partners', vocab).ranks).toEqual([[3, 3]]);
    expect(detailsOf('one of the largest investors', vocab).ranks).toEqual([]);
  });

  it('keeps what a number counts, its unit written one way', () => {
    expect(detailsOf('a 85-kilometre link for 4 million tonnes', vocab).counts.map((c) => c.n)).toEqual([
      85, 4,
    ]);
    expect(detailsOf('the link is 85 km long', vocab).counts[0]?.nouns).toContain(
      detailsOf('a 85-kilometre link', vocab).counts[0]?.nouns[0],
    );
  });
});

describe('check (ranks, counts and their things)', () => {
  it('supports a rank and a count written the chat way', () => {
    expect(
      verdict(
        "Finland is Estonia's #3 trade partner in the EU, and 300+ Finnish-capital companies are registered there",
      ),
    ).toBe('supported');
    expect(verdict("Finland is Estonia's #5 trade partner in the EU")).toBe('contradicted');
  });

  it('compares a number only with a number of the same things', () => {
    expect(verdict('the new rail link is 85 km long')).toBe('supported');
    expect(verdict('the new rail link is 95 km long')).toBe('contradicted');
  });

  it('dates a count without a year by its article', () => {
    expect(verdict('nine documents were signed during the visit in February 2024')).toBe('supported');
  });
});

describe('check (the same countries, another matter; other currencies; a series)', () => {
  it('does not take a sentence about the same countries for support of another matter', () => {
    expect(verdict('Estonia and Finland signed a visa waiver')).toBe('unrelated');
    expect(verdict('Latvia and Lithuania signed a memorandum on a hydrogen corridor')).not.toBe('supported');
  });

  it('compares amounts in a currency without a dollar rate', () => {
    expect(verdict('Finland will provide an additional EUR 15 million for the rail link')).toBe('supported');
    expect(verdict('Finland is adding another EUR 25 million for the rail link')).toBe('contradicted');
  });

  it('contradicts another number of a series on the same topic', () => {
    expect(verdict('the Estonian-Finnish business council held its sixth meeting in Tallinn')).toBe(
      'supported',
    );
    expect(verdict('the Estonian-Finnish business council held its seventh session in Tallinn')).toBe(
      'contradicted',
    );
  });
});

describe('check (sentences that leave the countries to the lead)', () => {
  it('reads a sentence of an article about two countries as about them', () => {
    expect(verdict('estonia-finland want trade at $6bn by 2030')).toBe('supported');
    expect(verdict('estonia-finland want trade at $10bn by 2030')).toBe('contradicted');
  });

  it('never contradicts a claim about a country the article is not about', () => {
    expect(verdict('Latvia and Finland aim to raise bilateral trade to $8 billion by 2030')).not.toBe(
      'contradicted',
    );
  });
});

describe('check (what people said; claims asked back)', () => {
  it('supports "X said …" by a quotation whose speaker is named beside it', () => {
    expect(verdict('Saar said they opened four new border posts this year')).toBe('supported');
  });

  it('checks a claim asked back for confirmation ("…, right?")', () => {
    expect(verdict('Finland will provide an additional EUR 15 million for the rail link, right?')).toBe(
      'supported',
    );
    expect(verdict('Finland gives EUR 25 million for the rail link, isn’t it?')).toBe('contradicted');
    expect(check(engine, 'Will Finland provide more money for the rail link?').claims).toEqual([]);
  });
});
