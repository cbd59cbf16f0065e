/**
 * Sentence splitting that keeps the 1-based line where each sentence starts.
 *
 * Lines are grouped into blocks (a paragraph, or a single line when the
 * paragraph is written one sentence-ending line at a time), then each block
 * is cut at sentence-final punctuation unless the period belongs to an
 * abbreviation, an initial, a number or a dotted acronym.
 */

export interface SplitSentence {
  /** 1-based line of the file where the sentence starts. */
  line: number;
  /** The sentence as written, whitespace folded to single spaces. */
  text: string;
  /** Index of the block (paragraph) the sentence belongs to, in file order. */
  block: number;
}

/** Longest sentence kept whole; longer runs are cut at a word boundary. */
export const MAX_SENTENCE_CHARS = 1000;

interface Segment {
  line: number;
  offset: number;
}

interface Block {
  text: string;
  segments: Segment[];
}

/** Titles that precede a name: a period after them never ends a sentence. */
const TITLES = new Set(
  'mr mrs ms dr prof gen sen rep gov lt col capt sgt maj cmdr adm st mt ft rev hon pres supt insp messrs mme mlle sr jr'.split(
    ' ',
  ),
);
/** Abbreviations that end a sentence only when no number follows them. */
const BEFORE_NUMBER = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec no nos art vol vols fig figs p pp para sec ch ed eds op approx est tel'.split(
    ' ',
  ),
);

const TERMINAL_LINE_END = /[.!?…:;]["”’'»)\]]*$/;
const OPENING = /["“‘'«([]/;

function buildBlocks(lines: readonly string[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let paragraph: Segment[] = [];
  const paragraphLines: string[] = [];

  const flush = () => {
    if (paragraph.length === 0) return;
    const oneLinePerBlock =
      paragraph.length > 1 &&
      paragraphLines.filter((l) => TERMINAL_LINE_END.test(l.trimEnd())).length * 2 >= paragraphLines.length;
    const groups = oneLinePerBlock ? paragraphLines.map((_, i) => [i]) : [paragraphLines.map((_, i) => i)];
    for (const group of groups) {
      let text = '';
      const segments: Segment[] = [];
      for (const i of group) {
        if (text.length > 0) text += ' ';
        segments.push({ line: paragraph[i]!.line, offset: text.length });
        text += paragraphLines[i]!;
      }
      blocks.push({ text, segments });
    }
    paragraph = [];
    paragraphLines.length = 0;
  };

  lines.forEach((raw, i) => {
    if (raw.trim() === '') {
      flush();
      return;
    }
    paragraph.push({ line: firstLine + i, offset: 0 });
    paragraphLines.push(raw);
  });
  flush();
  return blocks;
}

function lineAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo]!.line;
}

/** The word just before position `end` (exclusive), without leading brackets or quotes. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  return text.slice(start, end).replace(/^["“‘'«([]+/, '');
}

function isBoundary(text: string, terminal: string, termStart: number, next: number): boolean {
  const after = text.slice(next, next + 2);
  if (after === '') return true;
  const first = after[0]!;
  const startsUpper = /\p{Lu}/u.test(first) || (OPENING.test(first) && /[\p{Lu}\d]/u.test(after[1] ?? ''));
  if (/\p{Ll}/u.test(first)) return false;
  if (terminal.includes('…') || terminal.startsWith('..')) return startsUpper;
  if (terminal !== '.') return true;

  const word = wordBefore(text, termStart);
  const bare = word.toLowerCase();
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false; // U.S, e.g
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: J. Smith
  if (TITLES.has(bare)) return false;
  if (BEFORE_NUMBER.has(bare) && /\d/.test(first)) return false;
  return true;
}

/**
 * Whitespace runs folded to one space, in a flat string of its own. V8 may
 * return a regex replacement as a rope of pieces of the block it was cut
 * from, which took seven times the text's size on the heap until something
 * read it with a regex; `join` builds a flat string.
 */
function foldSpaces(trimmed: string): string {
  return trimmed.split(/\s+/).join(' ');
}

function pushSentence(out: SplitSentence[], block: Block, index: number, start: number, end: number): void {
  const raw = block.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (!/[\p{L}\p{N}]/u.test(body)) return;
  if (body.length <= MAX_SENTENCE_CHARS) {
    out.push({ line: lineAt(block.segments, start + lead), text: foldSpaces(body), block: index });
    return;
  }
  // A run with no sentence punctuation (a table, a list): cut at spaces.
  let from = start + lead;
  const stop = start + lead + body.length;
  while (from < stop) {
    let to = Math.min(stop, from + MAX_SENTENCE_CHARS);
    if (to < stop) {
      const space = block.text.lastIndexOf(' ', to);
      if (space > from) to = space;
    }
    const piece = block.text.slice(from, to);
    const pieceLead = piece.length - piece.trimStart().length;
    const text = foldSpaces(piece.trim());
    if (/[\p{L}\p{N}]/u.test(text)) {
      out.push({ line: lineAt(block.segments, from + pieceLead), text, block: index });
    }
    from = to;
  }
}

const CANDIDATE = /(\.{2,}|[.!?…]+)(["”’'»)\]]*)(\s+|$)/gu;

/**
 * Splits content lines into sentences. `lines[0]` is line `firstLine` of the
 * file; blank strings stand for lines that are not content.
 */
export function splitSentences(lines: readonly string[], firstLine = 1): SplitSentence[] {
  const out: SplitSentence[] = [];
  buildBlocks(lines, firstLine).forEach((block, index) => {
    const { text } = block;
    let start = 0;
    for (const m of text.matchAll(CANDIDATE)) {
      const termStart = m.index;
      const end = termStart + m[1]!.length + m[2]!.length;
      const next = end + m[3]!.length;
      if (isBoundary(text, m[1]!, termStart, next)) {
        pushSentence(out, block, index, start, end);
        start = end;
      }
    }
    pushSentence(out, block, index, start, text.length);
  });
  return out;
}
