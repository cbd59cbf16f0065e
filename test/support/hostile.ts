import fc from 'fast-check';

/**
 * Strings a user (or an attacker) can type, for fuzzing every command: any
 * code point, control characters, unpaired surrogates, markdown, mentions,
 * right-to-left text, punctuation only, up to 100k characters, mixed with
 * words the corpus knows so that some inputs find answers and get echoed.
 */

/** Pieces that each stress one thing: mentions, markdown, bidi, controls, odd Unicode, corpus words. */
export const HOSTILE_PIECES = [
  '@everyone',
  '@here',
  '<@300000000000000001>',
  '<@!300000000000000002>',
  '<@&400000000000000001>',
  '<#500000000000000001>',
  '</ask:600000000000000001>',
  '<t:0:R>',
  '<a:party:700000000000000001>',
  '**',
  '__',
  '*',
  '_',
  '`',
  '```',
  '~~',
  '||',
  '> ',
  '>>> ',
  '# ',
  '-# ',
  '- ',
  '1. ',
  '[click](https://evil.example/x)',
  'https://evil.example/?a=(b)',
  '\\',
  '\u202e',
  '\u202b',
  '\u2066',
  '\u200f',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\n\n',
  '\t',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\u200b',
  '\ud800',
  '\udfff',
  '😀',
  '👨‍👩‍👧',
  'é',
  'Kazakhstan',
  'Tajikistan',
  'trade',
  'target',
  'treaty',
  'Dushanbe',
  'Rahmon',
  '2024',
  '000_',
  ' ',
  '?',
  '...',
  ':',
] as const;

const PUNCTUATION = [...'!?.,;:-—–…\'"()[]{}*_~`|<>@#&/\\%^+=$'];

/** A lone surrogate half: not valid UTF-16, and not encodable as UTF-8. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

const pieces = fc
  .array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 40 })
  .map((a) => a.join(''));

/** Up to 100k characters: a hostile piece repeated. */
const long = fc
  .tuple(pieces, fc.integer({ min: 2_000, max: 100_000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** Any string a user might send as a question or an option value. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: pieces, weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 2 },
  {
    arbitrary: fc.string({ unit: fc.constantFrom(...PUNCTUATION), minLength: 1, maxLength: 200 }),
    weight: 1,
  },
  {
    arbitrary: fc.string({ unit: fc.oneof(loneSurrogate, fc.constantFrom('a', ' ', '😀')), maxLength: 30 }),
    weight: 1,
  },
  {
    arbitrary: fc.string({
      unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
      maxLength: 30,
    }),
    weight: 1,
  },
  { arbitrary: long, weight: 1 },
  { arbitrary: fc.constantFrom('', ' ', '\n', 'a'.repeat(100_000)), weight: 1 },
);

/** Whatever Discord might carry in an integer option's place: any number, or a string. */
export const hostileInteger = (min = -(2 ** 53), max = 2 ** 53): fc.Arbitrary<number | string> =>
  fc.oneof(
    fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }),
    fc.integer(),
    fc.constantFrom(0, -1, 2 ** 53, -(2 ** 53), 1e308, 0.5),
    hostileString,
  );

/** A live mention or ping that must never reach Discord unbroken. */
export const LIVE_MENTION = /@(everyone|here)|<@[!&]?\d|<#\d|<\/\w+:\d|<a?:\w+:\d|<t:\d/;

/** An unpaired surrogate: Discord cannot store it. With the u flag, a paired one never matches. */
export const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Control characters other than tab and newline, which have no business in a reply. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Every string anywhere in a value. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
