import { type Command, MAX_OPTION_CHARS, type OptionSpec, type RawValues } from './contract.js';

export type ParsedValues = Record<string, string | number | boolean | undefined>;
export type ParseResult = { values: ParsedValues } | { error: string };

/** A value as a message may name it: never `[object Object]`. */
function describe(raw: unknown): string {
  if (typeof raw === 'boolean') return `true/false (${raw})`;
  if (typeof raw === 'number') return `a number (${raw})`;
  if (Array.isArray(raw)) return 'a list';
  if (raw === null || typeof raw === 'object') return 'an object';
  return `"${String(raw)}"`;
}

/**
 * One option's value. The terminal gives text for every option; Discord gives
 * the declared type, unless a stale registration or a crafted request sends
 * something else: text is never made up from a boolean or an object.
 */
function parseOne(
  option: OptionSpec,
  raw: unknown,
): { value: string | number | boolean } | { error: string } {
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    return { error: `option "${option.name}" cannot be ${describe(raw)}` };
  }
  switch (option.type) {
    case 'string': {
      if (typeof raw !== 'string')
        return { error: `option "${option.name}" must be text, not ${describe(raw)}` };
      const value = raw.trim();
      if (value === '') return { error: `option "${option.name}" is empty` };
      const max = option.maxLength ?? MAX_OPTION_CHARS;
      if (value.length > max) {
        return { error: `option "${option.name}" is too long (${value.length} characters; at most ${max})` };
      }
      return { value };
    }
    case 'integer': {
      const value =
        typeof raw === 'number' ? raw : /^\s*-?\d+\s*$/.test(String(raw)) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(value))
        return { error: `option "${option.name}" must be a whole number, not ${describe(raw)}` };
      if (option.min !== undefined && value < option.min) {
        return { error: `option "${option.name}" must be at least ${option.min}` };
      }
      if (option.max !== undefined && value > option.max) {
        return { error: `option "${option.name}" must be at most ${option.max}` };
      }
      return { value };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const text = String(raw).trim().toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(text)) return { value: true };
      if (['false', 'no', '0', 'off'].includes(text)) return { value: false };
      return { error: `option "${option.name}" must be true or false, not ${describe(raw)}` };
    }
  }
}

/**
 * Checks raw option values (strings from the terminal, typed values from
 * Discord) against a command's declaration: unknown, missing and malformed
 * options are errors with a message for the user.
 */
export function parseValues(command: Command, raw: RawValues): ParseResult {
  const values: ParsedValues = {};
  for (const name of Object.keys(raw)) {
    if (raw[name] !== undefined && !command.options.some((o) => o.name === name)) {
      const known = command.options.map((o) => o.name).join(', ') || 'none';
      return { error: `/${command.name} has no option "${name}" (options: ${known})` };
    }
  }
  for (const option of command.options) {
    const given = raw[option.name];
    if (given === undefined) {
      if (option.required)
        return { error: `/${command.name} needs the option "${option.name}" (${option.description})` };
      continue;
    }
    const parsed = parseOne(option, given);
    if ('error' in parsed) return parsed;
    values[option.name] = parsed.value;
  }
  return { values };
}
