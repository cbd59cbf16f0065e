import { createEngine } from '../src/engine.js';
import { baselineSystem, citebotSystem, loadQuestions, type Metrics, score } from './evaluate.js';

const corpusDir = process.argv[2] ?? 'seeds';
const engine = await createEngine({ corpusDir });
if ('error' in engine) {
  process.stderr.write(`eval: ${engine.error}\n`);
  process.exit(2);
}
const questions = loadQuestions();
const ours = score(questions, citebotSystem(engine));
const base = score(questions, baselineSystem(engine));

const fmt = (x: number) => x.toFixed(3);
const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1.00×' : '∞') : `${(a / b).toFixed(2)}×`);
const rows: Array<[string, (m: Metrics) => number]> = [
  ['hit@1', (m) => m.hitAt1],
  ['hit@3', (m) => m.hitAt3],
  ['MRR', (m) => m.mrr],
  ['not-found precision', (m) => m.notFoundPrecision],
  ['not-found recall', (m) => m.notFoundRecall],
];
const lines = [
  `Answer quality on ${questions.length} questions (${ours.inCorpus} in corpus, ${ours.outOfCorpus} out of corpus), corpus ${corpusDir}/`,
  '',
  '| metric | citebot | plain MiniSearch | ratio |',
  '|---|---|---|---|',
  ...rows.map(
    ([name, get]) => `| ${name} | ${fmt(get(ours))} | ${fmt(get(base))} | ${ratio(get(ours), get(base))} |`,
  ),
  '',
  ours.misses.length > 0
    ? `citebot misses:\n${ours.misses.map((m) => `- ${m}`).join('\n')}`
    : 'citebot misses: none',
];
process.stdout.write(`${lines.join('\n')}\n`);
