import { describe, expect, it } from 'vitest';
import { claimCountries } from '../../src/answer/claimCountries.js';

describe('claimCountries', () => {
  it('capitalises a country name of several words typed in lower case', () => {
    expect(claimCountries('kenya–south africa trade rose 9% last year')).toBe(
      'kenya–South Africa trade rose 9% last year',
    );
  });

  it('reads a country code standing beside another country as its name', () => {
    expect(claimCountries('NZ is sending Samoa more aid')).toBe('New Zealand is sending Samoa more aid');
    expect(claimCountries('Peru–CHL trade grew')).toBe('Peru–Chile trade grew');
  });

  it('leaves codes alone without another country, and units and words that look like codes', () => {
    expect(claimCountries('NZ is sending more aid')).toBe('NZ is sending more aid');
    expect(claimCountries('Chile added 40 MW, and IT firms in Peru grew')).toBe(
      'Chile added 40 MW, and IT firms in Peru grew',
    );
  });
});

describe('claimCountries with a hyphen', () => {
  it('reads a hyphen joining a country of several words to another as a pair', () => {
    expect(claimCountries('South Africa-Kenya trade grew')).toBe('South Africa–Kenya trade grew');
    expect(claimCountries('Kassym-Jomart Tokayev visited Kenya')).toBe('Kassym-Jomart Tokayev visited Kenya');
  });
});
