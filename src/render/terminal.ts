import { styleText } from 'node:util';
import { sourceLabel } from '../answer/links.js';
import type { Answer, FactLine, SourceRef } from '../answer/types.js';
import { seriesTable, tradeSeries } from './chartSeries.js';

/** What is rendered: an answer, of whatever kinds of fact. */
type Shown = Answer<FactLine>;

type Style = 'bold' | 'dim' | 'cyan' | 'yellow' | 'green';

/**
 * Styles through `node:util`'s styleText. The caller decides whether to
 * colour (NO_COLOR, a TTY: src/cli/colour.ts), so styleText is told not to
 * check process.stdout itself: the answer may go to another stream.
 */
function painter(colour: boolean) {
  return (style: Style, text: string) => (colour ? styleText(style, text, { validateStream: false }) : text);
}

function where(ref: SourceRef): string {
  const label = ref.url ?? sourceLabel(ref);
  return ref.date ? `${label} (${ref.date})` : label;
}

/** Sources beyond the numbered quotes that a fact line names; the rest are counted. */
const MAX_OTHER_SOURCES = 3;

/**
 * A fact's sources: the numbered quotes in order (`[1][3]`), then the sources not quoted, separated
 * (`also seeds/a.txt:3, seeds/b.txt:17 and 4 more`).
 */
function factRefs(answer: Shown, fact: FactLine): string {
  const numbered = new Set<number>();
  const others = new Set<string>();
  for (const ref of fact.sources) {
    // Several sentences can start on one line: match the sentence when the reference has it.
    const c = answer.citations.find(
      (x) => x.file === ref.file && x.line === ref.line && (ref.text === undefined || x.text === ref.text),
    );
    if (c) numbered.add(c.n);
    else others.add(sourceLabel(ref));
  }
  const quoted = [...numbered].sort((a, b) => a - b).map((n) => `[${n}]`);
  const rest = [...others];
  if (rest.length === 0) return quoted.join('');
  const named = rest.slice(0, MAX_OTHER_SOURCES).join(', ');
  const more = rest.length > MAX_OTHER_SOURCES ? ` and ${rest.length - MAX_OTHER_SOURCES} more` : '';
  return [
    ...(quoted.length > 0 ? [quoted.join('')] : []),
    `${quoted.length > 0 ? 'also ' : ''}${named}${more}`,
  ].join(' ');
}

/**
 * An answer as a person reads it in a terminal: the answer, then numbered
 * quotes each with its file:line (or link). Colour only when asked (a TTY).
 */
export function renderTerminal(answer: Shown, options: { colour?: boolean } = {}): string {
  const paint = painter(options.colour ?? false);
  const lines: string[] = [];
  lines.push(answer.found ? paint('bold', answer.answer) : paint('yellow', answer.answer));
  if (answer.facts.length > 0) lines.push('');
  for (const fact of answer.facts) lines.push(`• ${fact.statement} ${paint('cyan', factRefs(answer, fact))}`);
  const series = tradeSeries(answer);
  if (series && series.points.length > 1) lines.push('', seriesTable(series).trimEnd());
  for (const c of answer.citations) {
    lines.push('');
    lines.push(`${paint('cyan', `[${c.n}]`)} “${c.text}”`);
    lines.push(`    ${paint('dim', '—')} ${paint('green', where(c))}`);
    for (const other of c.also) lines.push(`    ${paint('dim', `also ${where(other)}`)}`);
  }
  return `${lines.join('\n')}\n`;
}
