import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shape of src/ that the README's architecture section promises: files
 * short enough to read, imports that never run in a circle, and discord.js
 * kept to the transports and the Discord renderer.
 */

const SRC = path.resolve(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

const FILES = sources(SRC);
const rel = (file: string) => path.relative(SRC, file);

/** The src files a file imports (static, dynamic and type-only imports of relative paths). */
function importsOf(file: string, text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    found.add(path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')));
  }
  return [...found];
}

/** Every circle of imports, each as the files in it from its first file back to it. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('the shape of src/', () => {
  const texts = new Map(FILES.map((f) => [f, readFileSync(f, 'utf8')]));

  it('has no file over 500 lines', () => {
    const long = FILES.filter((f) => texts.get(f)!.split('\n').length > 500).map(rel);
    expect(long).toEqual([]);
  });

  it('has no circle of imports', () => {
    const graph = new Map(FILES.map((f) => [f, importsOf(f, texts.get(f)!)]));
    expect(circles(graph).map((c) => c.map(rel).join(' → '))).toEqual([]);
  });

  it('imports discord.js only in the transports and the Discord renderer', () => {
    const allowed = (f: string) => /^(discord|http)\//.test(rel(f)) || rel(f) === 'render/discord.ts';
    const users = FILES.filter((f) => /(?:from\s+|import\s*\(\s*)['"]discord\.js['"]/.test(texts.get(f)!));
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((f) => !allowed(f)).map(rel)).toEqual([]);
  });
});

describe('the circle finder', () => {
  it('finds a circle of three files and none in a chain', () => {
    const ring = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(circles(ring)).toEqual([['a', 'b', 'c', 'a']]);
    const chain = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', []],
    ]);
    expect(circles(chain)).toEqual([]);
  });

  it('reads static, type-only and dynamic imports', () => {
    const text = [
      "import { x } from './x.js';",
      "import type { Y } from '../y.js';",
      "const z = await import('./z.js');",
      "import 'node:fs';",
    ].join('\n');
    expect(importsOf('/r/s/f.ts', text)).toEqual(['/r/s/x.ts', '/r/y.ts', '/r/s/z.ts']);
  });
});
