import { createInterface } from 'node:readline';
import type { CommandContext } from '../commands/contract.js';
import { runCommand } from '../commands/run.js';
import type { Logger } from '../logger.js';
import { toJson } from '../render/json.js';
import { renderTerminal } from '../render/terminal.js';
import { parseInput } from './parse.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** One JSON object per answer instead of text. */
  json?: boolean;
  logger: Logger;
}

/**
 * The offline console: one input per line (a question or a /command), an
 * answer per line, until the input ends. A bad line gets a message and the
 * console goes on. `context` may be a getter, read at every line, so that a
 * reloaded index answers the next question.
 */
export async function runConsole(
  context: CommandContext | (() => CommandContext),
  options: ConsoleOptions,
): Promise<void> {
  const current = typeof context === 'function' ? context : () => context;
  const { output, logger } = options;
  const interactive = options.output.isTTY === true && (options.input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({
    input: options.input,
    terminal: interactive,
    ...(interactive ? { output } : {}),
  });
  const prompt = () => {
    if (interactive) rl.prompt();
  };
  rl.setPrompt('citebot> ');
  prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (input === '') {
      prompt();
      continue;
    }
    if (['exit', 'quit', '/exit', '/quit'].includes(input)) break;
    const started = performance.now();
    const answering = current();
    const request = parseInput(input, answering.commands);
    const result = 'error' in request ? request : await runCommand(answering, request.command, request.raw);
    if ('error' in result) {
      output.write(options.json ? `${JSON.stringify({ error: result.error })}\n` : `${result.error}\n`);
    } else if (options.json) {
      output.write(`${JSON.stringify(toJson(result.answer))}\n`);
    } else {
      output.write(`${renderTerminal(result.answer, { colour: output.isTTY === true })}\n`);
    }
    logger.info(
      {
        command: 'error' in request ? null : request.command.name,
        latencyMs: Number((performance.now() - started).toFixed(2)),
        found: 'answer' in result ? result.answer.found : false,
        citations: 'answer' in result ? result.answer.citations.length : 0,
        error: 'error' in result ? result.error : undefined,
      },
      'console input',
    );
    prompt();
  }
  rl.close();
}
