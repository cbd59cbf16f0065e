import { createInterface, type Interface } from 'node:readline';
import type { CommandContext } from '../commands/contract.js';
import { runCommand } from '../commands/run.js';
import type { Logger } from '../logger.js';
import { toJson } from '../render/json.js';
import { renderTerminal } from '../render/terminal.js';
import type { Transport, TransportSetup } from '../transport.js';
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
 * answer per line, until the input ends (`start` resolves then) or `stop`. A
 * bad line gets a message and the console goes on. `context` may be a getter,
 * read at every line, so that a reloaded index answers the next question.
 */
export function createConsole(
  context: CommandContext | (() => CommandContext),
  options: ConsoleOptions,
): Transport {
  const current = typeof context === 'function' ? context : () => context;
  const { output, logger } = options;
  let rl: Interface | null = null;
  let stopped = false;

  async function answer(input: string): Promise<void> {
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
  }

  return {
    endsByItself: true,
    async start() {
      if (stopped) return;
      const interactive = output.isTTY === true && (options.input as { isTTY?: boolean }).isTTY === true;
      const lines = createInterface({
        input: options.input,
        terminal: interactive,
        ...(interactive ? { output } : {}),
      });
      rl = lines;
      const prompt = () => {
        if (interactive) lines.prompt();
      };
      lines.setPrompt('citebot> ');
      prompt();
      for await (const line of lines) {
        const input = line.trim();
        if (input === '') {
          prompt();
          continue;
        }
        if (['exit', 'quit', '/exit', '/quit'].includes(input)) break;
        await answer(input);
        prompt();
      }
      lines.close();
    },
    async stop() {
      stopped = true;
      rl?.close();
    },
  };
}

/** Runs the console until its input ends. */
export function runConsole(
  context: CommandContext | (() => CommandContext),
  options: ConsoleOptions,
): Promise<void> {
  return createConsole(context, options).start();
}

/** `npm start` without a token: the console on stdin and stdout, after saying what it is. */
export function consoleTransport({ config, logger, reloader, json }: TransportSetup): Transport {
  const session = createConsole(reloader.current, {
    input: process.stdin,
    output: process.stdout,
    json,
    logger,
  });
  return {
    endsByItself: true,
    async start() {
      process.stdout.write(
        'No DISCORD_TOKEN set, so this is the offline console (questions or /commands, one per line; Ctrl-D to quit). ' +
          'To connect to Discord, put DISCORD_TOKEN in .env (see .env.example) and run npm start again.\n',
      );
      if (reloader.current().engine.stats.files === 0) {
        process.stdout.write(
          `The corpus is empty: ${config.CORPUS_DIR} holds no readable .txt or .md article. ` +
            'Add some, then type /reload (or just wait: the folder is watched).\n',
        );
      }
      await session.start();
    },
    stop: () => session.stop(),
  };
}
