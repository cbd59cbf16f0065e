import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, ensureBuilt, isCurrent } from '../../bin/build.js';

let root = '';

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

/** What the built module `rel` exports as `name`, imported afresh (the URL carries a counter). */
let loads = 0;
async function built(rel: string, name = 'value'): Promise<unknown> {
  const url = pathToFileURL(path.join(root, 'dist', rel));
  return ((await import(`${url.href}?${++loads}`)) as Record<string, unknown>)[name];
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'citebot-build-'));
  write('bin/build.js', '// stands for the build script: its changes make a build stale too\n');
  write('src/a.ts', "import { b } from './lib/b.js';\nexport const value: string = 'a' + b;\n");
  write('src/lib/b.ts', "export const b: string = 'b';\n");
  write('src/data.json', '{ "x": 1 }\n');
  write('commands/c.ts', 'export const value: number = 3;\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('build', () => {
  it('compiles every source beside the others, copies JSON, and records the sources it built', async () => {
    expect(isCurrent(root)).toBe(false);
    await build(root);
    expect(await built('src/a.js')).toBe('ab');
    expect(await built('commands/c.js')).toBe(3);
    expect(JSON.parse(readFileSync(path.join(root, 'dist/src/data.json'), 'utf8'))).toEqual({ x: 1 });
    expect(isCurrent(root)).toBe(true);
  });

  it('writes the lexicon in keys beside the compiled lexicon module, made by that module', async () => {
    write('src/text/words.json', '{ "Trade": "commerce" }\n');
    write(
      'src/text/lexicon.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "export const KEYED_FILE = 'keys.json';",
        "export const lexiconData = () => JSON.parse(readFileSync(new URL('./words.json', import.meta.url), 'utf8'));",
        'export const keyedTable = (d: Record<string, string>) =>',
        '  Object.fromEntries(Object.entries(d).map(([k, v]) => [k.toLowerCase(), v]));',
      ].join('\n'),
    );
    await build(root);
    expect(JSON.parse(readFileSync(path.join(root, 'dist/src/text/keys.json'), 'utf8'))).toEqual({
      trade: 'commerce',
    });
  });
});

describe('isCurrent', () => {
  it('returns false when a source changed, was added or was removed since the build', async () => {
    await build(root);
    const later = new Date(Date.now() + 5000);
    write('src/lib/b.ts', "export const b: string = 'B';\n");
    utimesSync(path.join(root, 'src/lib/b.ts'), later, later);
    expect(isCurrent(root)).toBe(false);
    await build(root);
    expect(isCurrent(root)).toBe(true);
    write('commands/d.ts', 'export const value = 4;\n');
    expect(isCurrent(root)).toBe(false);
    await build(root);
    rmSync(path.join(root, 'commands/d.ts'));
    expect(isCurrent(root)).toBe(false);
  });

  it('returns false when the build script changed', async () => {
    await build(root);
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'bin/build.js'), later, later);
    expect(isCurrent(root)).toBe(false);
  });
});

describe('ensureBuilt', () => {
  it('rebuilds a stale build, so the new source is what runs', async () => {
    await build(root);
    expect(await built('src/lib/b.js', 'b')).toBe('b');
    write('src/lib/b.ts', "export const b: string = 'c';\n");
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'src/lib/b.ts'), later, later);
    expect(await ensureBuilt(root)).toBe(true);
    expect(await built('src/lib/b.js', 'b')).toBe('c');
  });

  it('returns false, building nothing, where there are no sources', async () => {
    rmSync(path.join(root, 'src'), { recursive: true });
    expect(await ensureBuilt(root)).toBe(false);
  });
});
