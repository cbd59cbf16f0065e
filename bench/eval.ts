import { existsSync } from 'node:fs';
import { type Engine, engineFromCorpus } from '../src/engine.js';
import { loadCorpora } from './corpora.js';
import {
  baselineSystem,
  citebotSystem,
  type EvalQuestion,
  loadQuestions,
  type Metrics,
  score,
} from './evaluate.js';
import { type FactScores, loadLabels, scoreFacts } from './factsEval.js';
import {
  loadStatementLabels,
  SPAN_JACCARD,
  type StatementScores,
  scoreStatements,
} from './statementsEval.js';

/**
 * Answer quality per evaluation set: hit@1, hit@3, MRR, not-found precision and recall, each beside plain
 * MiniSearch over the same sentences, and fact precision and recall against hand-labelled sentences.
 *
 * `npm run eval` runs every set; `npm run eval -- --set blind3` one of them. A set whose files are not
 * there yet is listed as missing, not an error.
 */

interface EvalSet {
  id: string;
  title: string;
  /** What the figures mean: a tuning set has been tuned on; a blind set's first run is in bench/RESULTS.md. */
  status: string;
  dirs: string[];
  /** Questions to answer; a set of statements only has none. */
  questions?: string;
  labels?: string;
  /** Labelled statements (bench/statementsEval.ts). */
  statements?: string;
}

const SETS: EvalSet[] = [
  {
    id: 'project',
    title: 'Project question set',
    status: 'tuning set',
    dirs: ['seeds'],
    questions: 'bench/questions.json',
  },
  {
    id: 'heldout',
    title: 'First held-out set',
    status: 'tuning set (blind at its first run, tuned on since)',
    dirs: ['seeds', 'test/fixtures/heldout'],
    questions: 'bench/questions-heldout.json',
    labels: 'bench/facts-labels.json',
  },
  {
    // Measured blind once (hit@3 0.800, not-found recall 0.800, extraction P 0.924 / R 0.826).
    id: 'heldout2',
    title: 'Second held-out set',
    status: 'tuning set (blind at its first run, tuned on since)',
    dirs: ['seeds', 'test/fixtures/heldout2'],
    questions: 'bench/questions-heldout-2.json',
    labels: 'bench/facts-labels-2.json',
  },
  {
    id: 'blind3',
    title: 'Third set: 20 articles over 10 country pairs',
    status: 'blind at its first run (bench/RESULTS.md); a tuning set after it',
    dirs: ['seeds', 'test/fixtures/blind3'],
    questions: 'bench/questions-blind3.json',
    labels: 'bench/facts-labels-blind3.json',
  },
  {
    id: 'closing',
    title: 'Closing set',
    status: 'blind: measured once, at the end of the work, never tuned on',
    dirs: ['seeds', 'test/fixtures/blind-closing'],
    questions: 'bench/questions-blind-closing.json',
    labels: 'bench/facts-labels-blind-closing.json',
  },
  {
    id: 'closing2',
    title: 'Second closing set',
    status: 'blind: measured once, at the end of the work, never tuned on',
    dirs: ['seeds', 'test/fixtures/blind-closing2'],
    questions: 'bench/questions-blind-closing2.json',
    labels: 'bench/facts-labels-blind-closing2.json',
  },
  {
    id: 'closing3',
    title: 'Third closing set',
    status: 'tuning set (blind at its first run, bench/RESULTS.md; tuned on since)',
    dirs: ['seeds', 'test/fixtures/blind-closing3'],
    questions: 'bench/questions-blind-closing3.json',
    labels: 'bench/facts-labels-blind-closing3.json',
  },
  {
    // Real news pages gathered by a helper who had not seen the code, kept out of the repository:
    // put articles, questions.json and facts.json in .cache/real2. Measured once (bench/RESULTS.md).
    id: 'real2',
    title: 'Real articles, second set (not committed)',
    status: 'blind at its first run (bench/RESULTS.md); seen since',
    dirs: ['.cache/real2/articles'],
    questions: '.cache/real2/questions.json',
    labels: '.cache/real2/facts.json',
  },
  {
    id: 'closing4',
    title: 'Fourth closing set: 12 articles over 6 country pairs',
    status: 'blind: measured once, at the end of the work, never tuned on',
    dirs: ['seeds', 'test/fixtures/blind-closing4'],
    questions: 'bench/questions-blind-closing4.json',
    labels: 'bench/facts-labels-blind-closing4.json',
  },
  {
    // Real news pages gathered by a helper who had not seen the code, kept out of the repository:
    // put articles, questions.json and facts.json in .cache/real3. Measured once (bench/RESULTS.md).
    id: 'real3',
    title: 'Real articles, third set (not committed)',
    status: 'blind: measured once, at the end of the work, never tuned on',
    dirs: ['.cache/real3/articles'],
    questions: '.cache/real3/questions.json',
    labels: '.cache/real3/facts.json',
  },
  {
    // Real news pages for development, kept out of the repository (their text is not ours to commit):
    // put articles, questions.json and facts.json (same formats as above) in .cache/real.
    id: 'real',
    title: 'Real articles for development (not committed)',
    status: 'development set, tuned on',
    dirs: ['.cache/real/articles'],
    questions: '.cache/real/questions.json',
    labels: '.cache/real/facts.json',
  },
  {
    // Written by the counting helper after reading the code: a dev set, not blind.
    id: 'count',
    title: 'Counting and listing questions (dev set, written with the code in view)',
    status: 'development set, not blind',
    dirs: [
      'seeds',
      'test/fixtures/heldout',
      'test/fixtures/heldout2',
      'test/fixtures/blind3',
      'test/fixtures/blind-closing',
    ],
    questions: 'bench/questions-count.json',
  },
  {
    id: 'statements',
    title: 'Statements: who said what, 8 articles',
    status: 'blind at its first run (bench/statements.md); a tuning set after it',
    dirs: ['test/fixtures/statements'],
    statements: 'bench/statements-labels.json',
  },
  {
    id: 'disc3',
    title: 'Statements, second set: 7 articles over 4 country pairs',
    status: 'tuning set (blind at its first run, bench/disc3.md; tuned on since)',
    dirs: ['test/fixtures/disc3'],
    statements: 'bench/statements-labels-disc3.json',
  },
  {
    id: 'disc4',
    title: 'Statements, third set: 7 articles over 4 country pairs',
    status: 'blind: written without reading the code; measured once, at the end of the work',
    dirs: ['test/fixtures/disc4'],
    statements: 'bench/statements-labels-disc4.json',
  },
];

const fmt = (x: number) => x.toFixed(3);
const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1.00×' : '∞') : `${(a / b).toFixed(2)}×`);
const ROWS: Array<[string, (m: Metrics) => number]> = [
  ['hit@1', (m) => m.hitAt1],
  ['hit@3', (m) => m.hitAt3],
  ['MRR', (m) => m.mrr],
  ['not-found precision', (m) => m.notFoundPrecision],
  ['not-found recall', (m) => m.notFoundRecall],
];

function answerTable(engine: Engine, questions: readonly EvalQuestion[]): string[] {
  const ours = score(questions, citebotSystem(engine));
  const base = score(questions, baselineSystem(engine));
  const kinds = new Map<string, number>();
  for (const q of questions) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1);
  return [
    `${questions.length} questions (${ours.inCorpus} in corpus, ${ours.outOfCorpus} out of corpus; ${[
      ...kinds,
    ]
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}).`,
    '',
    '| metric | citebot | plain MiniSearch | ratio |',
    '|---|---|---|---|',
    ...ROWS.map(
      ([name, get]) => `| ${name} | ${fmt(get(ours))} | ${fmt(get(base))} | ${ratio(get(ours), get(base))} |`,
    ),
    '',
    ours.misses.length > 0
      ? `citebot misses:\n${ours.misses.map((m) => `- ${m}`).join('\n')}`
      : 'citebot misses: none',
    '',
  ];
}

function factTable(scores: FactScores): string[] {
  return [
    `Fact extraction, ${scores.sentences} sentences labelled by hand (plain MiniSearch extracts no facts):`,
    '',
    '| kind | labelled | extracted | correct | precision | recall |',
    '|---|---|---|---|---|---|',
    ...[...scores.byKind, scores.overall].map(
      (k) =>
        `| ${k.kind} | ${k.labelled} | ${k.predicted} | ${k.correct} | ${fmt(k.precision)} | ${fmt(k.recall)} |`,
    ),
    '',
    scores.errors.length > 0
      ? `differences:\n${scores.errors.map((e) => `- ${e}`).join('\n')}`
      : 'differences: none',
    '',
  ];
}

function statementTable(s: StatementScores): string[] {
  const row = (name: string, right: number) =>
    `| ${name} | ${s.labelled} | ${s.extracted} | ${right} | ${fmt(s.extracted === 0 ? 0 : right / s.extracted)} | ${fmt(s.labelled === 0 ? 0 : right / s.labelled)} |`;
  return [
    `Statements, ${s.labelled} labelled by hand. A quote span matches a label in the same file when their words overlap, Jaccard ≥ ${SPAN_JACCARD} (lower case, accents and punctuation dropped); a speaker is right on a matched span when both are null or the names share a surname. First line right on ${s.lineRight} of ${s.spanMatched} matched spans.`,
    '',
    '| measure | labelled | extracted | correct | precision | recall |',
    '|---|---|---|---|---|---|',
    row('quote span', s.spanMatched),
    row('speaker attribution', s.speakerRight),
    '',
    s.misses.length > 0 ? `differences:\n${s.misses.map((m) => `- ${m}`).join('\n')}` : 'differences: none',
    '',
  ];
}

const args = process.argv.slice(2);
const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const chosen = SETS.filter((s) => only === undefined || s.id === only);
if (chosen.length === 0) {
  process.stderr.write(`eval: no set named "${only}"; sets: ${SETS.map((s) => s.id).join(', ')}\n`);
  process.exit(2);
}

const lines: string[] = [];
for (const set of chosen) {
  const files = [
    ...(set.questions ? [set.questions] : []),
    ...(set.labels ? [set.labels] : []),
    ...(set.statements ? [set.statements] : []),
    ...set.dirs,
  ];
  const missing = files.filter((f) => !existsSync(f));
  lines.push(`## ${set.title} (\`${set.id}\`: ${set.dirs.join(' + ')})`, '', `Status: ${set.status}.`, '');
  if (missing.length > 0) {
    lines.push(`Not measured: missing ${missing.join(', ')}.`, '');
    continue;
  }
  const engine = engineFromCorpus(await loadCorpora(set.dirs));
  if (set.questions) lines.push(...answerTable(engine, loadQuestions(set.questions)));
  if (set.statements)
    lines.push(...statementTable(scoreStatements(engine, loadStatementLabels(set.statements))));
  if (set.labels) lines.push(...factTable(scoreFacts(engine, loadLabels(set.labels))));
}
process.stdout.write(`${lines.join('\n')}\n`);
