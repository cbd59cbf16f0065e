/**
 * Sentence splitting that keeps the 1-based line where each sentence starts.
 *
 * Lines are grouped into blocks (a line that does not end a sentence joins
 * the next one), then each block is cut at sentence-final punctuation unless
 * the period belongs to an abbreviation, an initial, a number, a dotted
 * acronym or a list item's number.
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
  /** The paragraph number sentences starting here report (`SplitSentence.block`), for showing context. */
  context: number;
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
/** A list item's marker at the start of a line: `- `, `• `, `1. `, `2) `, `(a) `. */
const LIST_ITEM = /^\s*(?:[-•*·▪●◦‣]|(\d{1,3})[.)]|\(?[a-z]\))\s+\S/;

/**
 * Whether `line` starts a list item after `previous`. A number starts one
 * only as the first (`1.`) or after another item: a wrapped line may well
 * start with a sentence's last figure ("grew by\n40. Then…").
 */
function startsItem(previous: string, line: string): boolean {
  const m = LIST_ITEM.exec(line);
  if (!m) return false;
  return m[1] === undefined || m[1] === '1' || LIST_ITEM.test(previous);
}

/** Whether a line ends a clause that sentence cutting would not end: a colon or semicolon. */
const CLAUSE_END = /[:;]["”’'»)\]]*$/;

/** Lines longer than this are not hard-wrapped: text is wrapped at 60 to 80 characters, 100 at most. */
const MAX_WRAP_WIDTH = 100;

/**
 * Whether a line that does not end a sentence stands alone (a title, a
 * heading, a subtitle without its period) rather than being wrapped into the
 * next: it is longer than text is wrapped at, or the next line's first word
 * would have fitted on it, although the next line is not shorter. A line
 * before one that starts in lower case is always wrapped.
 */
function standsAlone(line: string, next: string): boolean {
  const text = line.trim();
  const following = next.trim();
  if (!/^["“‘'«([]?[\p{Lu}\d]/u.test(following)) return false;
  if (text.length > MAX_WRAP_WIDTH) return true;
  // One word on a line is a wrap's fragment or a dateline ("ABUJA"): it goes with what follows.
  if (!/\s/.test(text)) return false;
  const firstWord = following.split(/\s/, 1)[0]!;
  return following.length >= text.length + 1 + firstWord.length;
}

/**
 * Groups content lines into blocks, each cut into sentences as one text. A
 * line joins the next one unless it ends with a colon or semicolon, the next
 * one starts a list item, or it stands alone (a title); whether a line that ends with
 * a period ends its sentence is decided as anywhere else in a text (the next
 * word's case, abbreviations). So a hard-wrapped sentence is never cut at a
 * line break, whatever the other lines of its paragraph do. For context, a
 * paragraph whose every line ends a sentence is one paragraph per line.
 */
function buildBlocks(lines: readonly string[], firstLine: number): Block[] {
  const blocks: Block[] = [];
  let paragraph: number[] = [];
  let context = 0;

  const flush = () => {
    if (paragraph.length === 0) return;
    const perLine = paragraph.every((at) => TERMINAL_LINE_END.test(lines[at]!.trimEnd()));
    let block: Block = { text: '', segments: [] };
    paragraph.forEach((at, k) => {
      const line = lines[at]!;
      if (block.text.length > 0) block.text += ' ';
      block.segments.push({
        line: firstLine + at,
        offset: block.text.length,
        context: perLine ? context++ : context,
      });
      block.text += line;
      const next = paragraph[k + 1];
      const following = next === undefined ? '' : lines[next]!;
      if (
        next === undefined ||
        CLAUSE_END.test(line.trimEnd()) ||
        startsItem(line, following) ||
        standsAlone(line, following)
      ) {
        blocks.push(block);
        block = { text: '', segments: [] };
      }
    });
    if (!perLine) context++;
    paragraph = [];
  };

  lines.forEach((raw, i) => {
    if (raw.trim() === '') flush();
    else paragraph.push(i);
  });
  flush();
  return blocks;
}

/** The segment (line) holding position `offset` of its block's text. */
function segmentAt(segments: readonly Segment[], offset: number): Segment {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo]!;
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
  if (/^\d{1,3}$/.test(word) && text.slice(0, termStart - word.length).trim() === '') return false; // "1. Item"
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

function push(out: SplitSentence[], block: Block, at: number, text: string): void {
  const segment = segmentAt(block.segments, at);
  out.push({ line: segment.line, text, block: segment.context });
}

/** A bullet before a list item's text: a marker, not part of the quote. */
const BULLET = /^\s*[-•*·▪●◦‣]\s+/;

function pushSentence(out: SplitSentence[], block: Block, start: number, end: number): void {
  const raw = block.text.slice(start, end);
  const lead = BULLET.exec(raw)?.[0].length ?? raw.length - raw.trimStart().length;
  const body = raw.slice(lead).trimEnd();
  if (!/[\p{L}\p{N}]/u.test(body)) return;
  if (body.length <= MAX_SENTENCE_CHARS) {
    push(out, block, start + lead, foldSpaces(body));
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
      push(out, block, from + pieceLead, text);
    }
    from = to;
  }
}

/**
 * A terminal, its closing quotes, and the space after it; or no space when a word in lower case runs
 * straight into a capitalised one ("trade grew.In the same year", "he said.“We agreed"), as pages
 * scraped of their paragraph breaks do. A site's name ("News.Az", "Gazeta.uz") is no such run.
 */
const CANDIDATE =
  /(\.{2,}|[.!?…]+)(["”’'»)\]]*)(\s+|$|(?<=\p{Ll}{3}[.!?]["”’'»)\]]*)(?=["“‘]?(?:\p{Lu}\p{Ll}{2}|(?:We|It|In|He|As|At|On|If|An|My|So|No|By|To|Us)\b)))/gu;

/**
 * Splits content lines into sentences. `lines[0]` is line `firstLine` of the
 * file; blank strings stand for lines that are not content.
 */
export function splitSentences(lines: readonly string[], firstLine = 1): SplitSentence[] {
  const out: SplitSentence[] = [];
  for (const block of buildBlocks(lines, firstLine)) {
    const { text } = block;
    let start = 0;
    for (const m of text.matchAll(CANDIDATE)) {
      const termStart = m.index;
      const end = termStart + m[1]!.length + m[2]!.length;
      const next = end + m[3]!.length;
      if (isBoundary(text, m[1]!, termStart, next)) {
        pushSentence(out, block, start, end);
        start = end;
      }
    }
    pushSentence(out, block, start, text.length);
  }
  return out;
}
