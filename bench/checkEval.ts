import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { check } from '../src/answer/check.js';
import { createEngine } from '../src/engine.js';

/**
 * Verdict accuracy of /check: `node --import tsx bench/checkEval.ts [--claims FILE] [--corpus DIR]`.
 * Each claim is checked alone; its verdict is compared with the labelled one. Where a claim has labelled
 * evidence lines, the evidence hit rate counts the claims whose cited sentences (supporting or
 * disagreeing) include one of them.
 */
const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: 'bench/check-claims.json' },
    corpus: { type: 'string', default: 'seeds' },
  },
});
const set = JSON.parse(readFileSync(values.claims, 'utf8')) as {
  about?: string;
  claims: { text: string; verdict: string; evidence?: { file: string; line: number }[] }[];
};
const engine = await createEngine({ corpusDir: values.corpus });
if ('error' in engine) throw new Error(engine.error);
const confusion = new Map<string, number>();
const misses: string[] = [];
let withEvidence = 0;
let evidenceHits = 0;
const evidenceMisses: string[] = [];
for (const c of set.claims) {
  const result = check(engine, c.text).claims[0];
  const got = result?.verdict ?? 'none';
  if (c.evidence && c.evidence.length > 0) {
    withEvidence++;
    const cited = [...(result?.supports ?? []), ...(result?.disagrees ?? [])];
    const hit = cited.some((r) => c.evidence!.some((e) => e.file === r.file && e.line === r.line));
    if (hit) evidenceHits++;
    else
      evidenceMisses.push(
        `  cited ${cited.map((r) => `${r.file}:${r.line}`).join(', ') || 'nothing'} for: ${c.text}`,
      );
  }
  const key = `${c.verdict}→${got}`;
  confusion.set(key, (confusion.get(key) ?? 0) + 1);
  if (got !== c.verdict) misses.push(`  ${c.verdict} read as ${got}: ${c.text}`);
}
const right = set.claims.length - misses.length;
process.stdout.write(
  `${set.about ?? values.claims}\nverdict accuracy: ${right}/${set.claims.length} = ${(right / set.claims.length).toFixed(3)}\n` +
    `${[...confusion].map(([k, n]) => `  ${k}: ${n}`).join('\n')}\nmisses:\n${misses.join('\n') || '  none'}\n` +
    (withEvidence > 0
      ? `evidence hit rate: ${evidenceHits}/${withEvidence} = ${(evidenceHits / withEvidence).toFixed(3)}\n` +
        `evidence misses:\n${evidenceMisses.join('\n') || '  none'}\n`
      : ''),
);
