/**
 * Quotations in a paragraph: the spans between quote marks, straight or
 * curly, and the ones a paragraph leaves open (a quotation running on into
 * the next paragraph, which by convention opens again) or closes without
 * opening (its opening mark lost, or in a paragraph before).
 */

export interface QuoteSpan {
  /** Offset of the first character inside the marks. */
  start: number;
  /** Offset just after the last character inside the marks. */
  end: number;
  /** Offset of the opening mark, or -1 when the paragraph does not open it. */
  open: number;
  /** Offset just after the closing mark, or -1 when the paragraph leaves it open. */
  close: number;
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);

/** A straight quote opens where a word starts after it and none ends before it. */
function straightOpens(text: string, at: number): boolean {
  const before = at === 0 ? ' ' : text[at - 1]!;
  const after = text[at + 1] ?? ' ';
  return /[\s([{—–-]/.test(before) && !/\s/.test(after);
}

/** The quotations of one paragraph, in order. */
export function quoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const opens = OPENERS.has(c) || (c === '"' && open < 0 && straightOpens(text, i));
    const closes = CLOSERS.has(c) || (c === '"' && !opens);
    if (opens && open < 0) {
      open = i;
    } else if (opens && open >= 0 && OPENERS.has(c)) {
      // An opening mark inside an open quotation: the first was never closed, so it ends here.
      out.push({ start: open + 1, end: trimEnd(text, i), open, close: -1 });
      open = i;
    } else if (closes && open >= 0) {
      out.push({ start: open + 1, end: i, open, close: i + 1 });
      open = -1;
    } else if (closes && open < 0 && out.length === 0) {
      // A closing mark with no opening one: the quotation ran from the paragraph's start.
      out.push({ start: 0, end: i, open: -1, close: i + 1 });
    }
  }
  if (open >= 0) out.push({ start: open + 1, end: trimEnd(text, text.length), open, close: -1 });
  return out.filter((s) => s.end > s.start);
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** The quoted words without the punctuation that belongs to the sentence around them ("…ties," → "…ties"). */
export function quotedText(text: string, span: QuoteSpan): string {
  return text
    .slice(span.start, span.end)
    .trim()
    .replace(/[,;:]$/, '');
}
