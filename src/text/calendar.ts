/**
 * The words of the calendar and of small numbers as English news spells them, in one place: the date
 * reader (src/facts/dates.ts), the person reader's words that are no names, and the questions and claims
 * that name a month or count in words all read these lists.
 */

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Month names in lower case, January first. */
export const MONTH_KEYS: readonly string[] = MONTH_NAMES.map((m) => m.toLowerCase());

/** Weekdays in lower case, Sunday first (as `Date.getUTCDay` counts). */
export const WEEKDAY_KEYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** Numbers as news spells them, one to twenty: `NUMBER_WORDS[n - 1]` is n. */
export const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
] as const;

/** The value of a spelled number from one to twenty, or null. */
export function numberWordValue(word: string): number | null {
  const at = (NUMBER_WORDS as readonly string[]).indexOf(word.toLowerCase());
  return at >= 0 ? at + 1 : null;
}
