import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/seedEngine.js';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
/** Whitespace aside: the package's file has trailing spaces and CRLFs. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('LICENSE and NOTICE', () => {
  it('license the code under MIT, as package.json says', () => {
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) the citebot authors\n/);
    expect((JSON.parse(read('package.json')) as { license: string }).license).toBe('MIT');
  });

  it('carry the WordNet licence that the bundled lexicon was built under, word for word', () => {
    const lexicon = JSON.parse(read('src/text/lexicon-data.json')) as {
      wordnetLicence: string;
      sources: string[];
    };
    expect(lexicon.wordnetLicence).toMatch(/^WordNet Release 3\.0/);
    expect(words(read('NOTICE'))).toContain(words(lexicon.wordnetLicence));
    for (const source of lexicon.sources) expect(read('NOTICE')).toContain(source.replace('@', ' '));
  });
});
