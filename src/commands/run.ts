import type { Answer } from '../answer/types.js';
import type { Attachment, Command, CommandContext, RawValues } from './contract.js';
import { parseValues } from './options.js';

export type RunResult = { answer: Answer; files?: Attachment[]; filesError?: string } | { error: string };

/**
 * Validates a command's options and runs it; a bad option is a value, not an exception.
 * With `files`, also makes the command's files for the answer; a file that fails is
 * left out (`filesError` says why), never the answer.
 */
export async function runCommand(
  context: CommandContext,
  command: Command,
  raw: RawValues,
  options: { files?: boolean } = {},
): Promise<RunResult> {
  const parsed = parseValues(command, raw);
  if ('error' in parsed) return parsed;
  const answer = await command.run(context, parsed.values);
  if (!options.files || !command.files || !answer.found) return { answer };
  try {
    return { answer, files: await command.files(answer) };
  } catch (err) {
    return { answer, files: [], filesError: (err as Error).message };
  }
}
