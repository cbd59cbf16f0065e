import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/answer/ask.js';
import { citationUrl, textFragment } from '../../src/answer/links.js';
import { LINK_MAX, safeLink } from '../../src/corpus/metadata.js';
import { createEngine, type Engine } from '../../src/engine.js';
import { renderAnswer } from '../../src/render/discord.js';
import { tempCorpus } from '../support/tempCorpus.js';

const ARTICLE = [
  '---',
  'title: Port deal',
  'date: 2023-05-04',
  'url: https://news.example.org/world/port-deal?id=7',
  '---',
  'Valdoria and Moravel opened a new ferry line between their two largest ports on Tuesday.',
  'The ferry line will carry 40,000 containers a year, the transport ministers said.',
].join('\n');

const PLAIN = 'The ferry company Nordlys bought three new vessels for the Valdoria route in 2022.\n';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

async function engineOver(files: Record<string, string>, base: string | null): Promise<Engine> {
  const corpus = tempCorpus(files);
  cleanups.push(corpus.cleanup);
  // An absolute corpus folder outside the project root, as CORPUS_DIR=/srv/articles gives.
  const engine = await createEngine({ corpusDir: corpus.dir, sourceBaseUrl: base });
  if ('error' in engine) throw new Error(engine.error);
  return engine;
}

describe('safeLink', () => {
  it('keeps an http(s) address, normalised', () => {
    expect(safeLink('https://news.example.org/a?b=1')).toBe('https://news.example.org/a?b=1');
    expect(safeLink('HTTP://Example.COM/x')).toBe('http://example.com/x');
  });

  it('encodes parentheses and stars so that the address cannot close a markdown link', () => {
    expect(safeLink('https://w.example/wiki/Port_(city)*')).toBe('https://w.example/wiki/Port_%28city%29%2A');
  });

  it('refuses every address that is not plain http(s)', () => {
    for (const hostile of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://example.com/a',
      'https://example.com/a b',
      'https://example.com/a)[click](javascript:alert(1)',
      'https://example.com/<b>',
      'https://user:pw@example.com/',
      'https://example.com/\u202egnp.exe',
      'Example News',
      `https://example.com/${'a'.repeat(LINK_MAX)}`,
      '//example.com/a',
    ]) {
      expect(safeLink(hostile), hostile).toBeNull();
    }
  });

  it('never returns an address with a space, a bracket or a closing parenthesis, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (tail) => {
        const link = safeLink(`https://example.com/${tail}`);
        return link === null || (/^https:\/\/[^\s()[\]<>]+$/.test(link) && link.length <= LINK_MAX);
      }),
    );
  });
});

describe('textFragment', () => {
  it('names a long sentence by its first and last four words, percent-encoded per the spec', () => {
    expect(
      textFragment(
        'Valdoria and Moravel opened a new ferry line between their two largest ports on Tuesday.',
      ),
    ).toBe(':~:text=Valdoria%20and%20Moravel%20opened,largest%20ports%20on%20Tuesday');
  });

  it('gives a short sentence whole, with dashes, commas and ampersands encoded', () => {
    expect(textFragment('“Trade-offs, A&B,” she said.')).toBe(
      ':~:text=Trade%2Doffs%2C%20A%26B%2C%E2%80%9D%20she%20said',
    );
  });
});

describe('citationUrl', () => {
  const article = (link: string | null) => ({
    name: 'a.md',
    meta: { title: null, date: null, url: link, source: null, link },
  });

  it('keeps the address as it is when it has a fragment of its own', () => {
    expect(citationUrl(null, article('https://example.com/a#top'), 3, 'Some words here.')).toBe(
      'https://example.com/a#top',
    );
  });

  it('links the line under SOURCE_BASE_URL by the path relative to the corpus folder', () => {
    expect(citationUrl('https://example.com/blob/main/articles/', article(null), 6, 'x')).toBe(
      'https://example.com/blob/main/articles/a.md#L6',
    );
    expect(citationUrl(null, article(null), 6, 'x')).toBeNull();
  });
});

describe('citations of a corpus folder outside the project', () => {
  it('name the file relative to the corpus folder, never by its absolute path', async () => {
    const engine = await engineOver({ 'a.md': PLAIN }, 'https://example.com/repo/blob/main/articles');
    const c = ask(engine, 'Who bought vessels for the Valdoria route?').citations[0];
    expect(c?.file).toBe('a.md');
    expect(c?.url).toBe('https://example.com/repo/blob/main/articles/a.md#L1');
    expect(JSON.stringify(engine.corpus.sentences)).not.toContain(engine.corpus.dir);
  });

  it('link to the original article with a text fragment when its front matter has a url', async () => {
    const engine = await engineOver({ 'b.md': ARTICLE }, 'https://example.com/repo/blob/main/articles');
    const answer = ask(engine, 'How many containers will the ferry line carry?');
    const c = answer.citations[0];
    expect(c?.file).toBe('b.md');
    expect(c?.line).toBe(7);
    expect(c?.url).toBe(
      'https://news.example.org/world/port-deal?id=7#:~:text=The%20ferry%20line%20will,the%20transport%20ministers%20said',
    );
    const embed = renderAnswer(answer).embeds[0]!;
    expect(embed.description).toContain(`[b.md:7](${c?.url})`);
  });

  it('do not link a hostile front-matter url, nor let it into the reply', async () => {
    const hostile = ARTICLE.replace(
      'https://news.example.org/world/port-deal?id=7',
      '"javascript:alert(1)//[x](https://evil.example)"',
    );
    const engine = await engineOver({ 'c.md': hostile }, null);
    const answer = ask(engine, 'How many containers will the ferry line carry?');
    expect(answer.citations[0]?.url).toBeNull();
    expect(JSON.stringify(renderAnswer(answer))).not.toMatch(/javascript|evil/);
  });
});
