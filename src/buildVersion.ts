import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The version of the code that turns articles into an engine: a hash of its
 * source (corpus reading, facts, text processing, index, and the engine modules), so a
 * snapshot made by other code is never loaded and nobody has to remember to
 * bump a version.
 */
export const BUILD_VERSION: string = (() => {
  const hash = createHash('sha256');
  const here = fileURLToPath(new URL('./', import.meta.url));
  for (const dir of ['corpus', 'facts', 'facts/kinds', 'index', 'text', '.']) {
    const folder = path.join(here, dir);
    const names = readdirSync(folder).filter(
      (n) => /\.(ts|js)$/.test(n) && (dir !== '.' || /^engine(Data)?\./.test(n)),
    );
    for (const name of names.sort())
      hash.update(`${dir}/${name}`).update(readFileSync(path.join(folder, name)));
  }
  return hash.digest('hex').slice(0, 16);
})();
