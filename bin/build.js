// The compiled JavaScript citebot runs (dist/), and whether it is current.
//
// `npm ci` builds it (the `prepare` script); bin/citebot.js checks it before
// every run and rebuilds it when a source changed since, so a stale build never
// answers with old code. esbuild only strips the types (tsc checks them): one
// output file per source file, laid out as the sources are, so code that finds
// files beside itself (commands/, lexicon-data.json) finds them in dist/ too.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What is compiled: the folders the runtime loads, and the one script the bin runs. */
const SOURCES = ['src', 'commands', 'scripts/invite.ts'];
/** Changing these changes the output without changing a source. */
const INPUTS = ['bin/build.js'];

/** Every source file with its modification time, by path from the root. */
function sources(root) {
  const found = {};
  const visit = (rel, any) => {
    const full = path.join(root, rel);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(path.join(rel, name), false);
    } else if (any || (/\.(ts|json)$/.test(rel) && !rel.endsWith('.d.ts'))) {
      found[rel] = stat.mtimeMs;
    }
  };
  for (const rel of SOURCES) visit(rel, false);
  for (const rel of INPUTS) visit(rel, true);
  return found;
}

/** Whether dist/ holds the build of the sources as they are now: the same files, none changed since. */
export function isCurrent(root = ROOT) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(root, 'dist', 'build.json'), 'utf8'));
  } catch {
    return false;
  }
  const now = sources(root);
  const names = Object.keys(now);
  const built = stamp?.sources ?? {};
  return names.length === Object.keys(built).length && names.every((n) => built[n] === now[n]);
}

/**
 * Compiles the sources into dist/. Built beside and renamed into place, so a
 * run that starts meanwhile never loads half a build.
 */
export async function build(root = ROOT) {
  const { buildSync } = await import('esbuild');
  const dist = path.join(root, 'dist');
  const before = sources(root);
  const files = Object.keys(before).filter((f) => !INPUTS.includes(f));
  const temporary = path.join(root, `.dist-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  try {
    buildSync({
      entryPoints: files.filter((f) => f.endsWith('.ts')).map((f) => path.join(root, f)),
      outdir: temporary,
      outbase: root,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'error',
    });
    for (const f of files.filter((n) => n.endsWith('.json'))) {
      mkdirSync(path.dirname(path.join(temporary, f)), { recursive: true });
      copyFileSync(path.join(root, f), path.join(temporary, f));
    }
    writeFileSync(path.join(temporary, 'package.json'), '{ "type": "module" }\n');
    await writeKeyedLexicon(temporary);
    writeFileSync(path.join(temporary, 'build.json'), `${JSON.stringify({ sources: before })}\n`);
    rmSync(dist, { recursive: true, force: true });
    renameSync(temporary, dist);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * The related-words table in search keys, beside the compiled lexicon module
 * (src/text/lexicon.ts, KeyedLexicon): made by the compiled code itself, so
 * its keys are the ones that code computes, and a start reads it instead of
 * stemming every word of the table.
 */
async function writeKeyedLexicon(out) {
  const module = path.join(out, 'src', 'text', 'lexicon.js');
  if (!existsSync(module)) return;
  const { KEYED_FILE, keyedTable, lexiconData } = await import(pathToFileURL(module).href);
  writeFileSync(path.join(path.dirname(module), KEYED_FILE), JSON.stringify(keyedTable(lexiconData())));
}

/** Builds dist/ unless it is current; false when it cannot be built (no esbuild, no sources). */
export async function ensureBuilt(root = ROOT) {
  if (isCurrent(root)) return true;
  if (!existsSync(path.join(root, 'src'))) return false;
  try {
    await build(root);
    return true;
  } catch (err) {
    process.stderr.write(
      `citebot: cannot compile to dist/ (${err.message}); running the TypeScript sources\n`,
    );
    return false;
  }
}

// `node bin/build.js`: the `prepare` script.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build();
}
