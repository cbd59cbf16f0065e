import type { Answer } from '../answer/types.js';
import type { Command, CommandContext, RawValues } from './contract.js';
import { parseValues } from './options.js';

export type RunResult = { answer: Answer } | { error: string };

/** Validates a command's options and runs it; a bad option is a value, not an exception. */
export async function runCommand(
  context: CommandContext,
  command: Command,
  raw: RawValues,
): Promise<RunResult> {
  const parsed = parseValues(command, raw);
  if ('error' in parsed) return parsed;
  return { answer: await command.run(context, parsed.values) };
}
