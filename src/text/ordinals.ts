/**
 * Ordinals ("8th", "eighth"): which session, meeting or rank a question is
 * about. "When was the 8th commission held?" is not answered by the 7th, so a
 * question's ordinal is matched like its year, in either spelling.
 */
const SPELLED = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

const DIGITS = /^(\d{1,3})(?:st|nd|rd|th)$/i;

/** The number an ordinal word stands for (`8th`, `eighth` → 8), or null. */
export function ordinalValue(word: string): number | null {
  const m = DIGITS.exec(word);
  if (m) return Number(m[1]);
  const at = SPELLED.indexOf(word.toLowerCase());
  return at >= 0 ? at + 1 : null;
}

function suffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** The ways of writing an ordinal: `8th` and `eighth`. */
export function ordinalForms(n: number): string[] {
  const spelled = SPELLED[n - 1];
  return [`${n}${suffix(n)}`, ...(spelled ? [spelled] : [])];
}

const IN_TEXT = new RegExp(String.raw`\b(?:\d{1,3}(?:st|nd|rd|th)|${SPELLED.join('|')})\b`, 'gi');

/** The ordinals a text writes. */
export function ordinalsIn(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(IN_TEXT)) {
    const n = ordinalValue(m[0]);
    if (n !== null) out.add(n);
  }
  return out;
}
