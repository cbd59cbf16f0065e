import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import type { CommandContext } from '../commands/contract.js';
import { runCommand } from '../commands/run.js';
import type { Logger } from '../logger.js';
import { toJson } from '../render/json.js';
import { renderTerminal } from '../render/terminal.js';
import type { Transport, TransportSetup } from '../transport.js';
import { wantsColour } from './colour.js';
import { type ConsoleNotices, stdioNotices } from './consoleLog.js';
import { parseInput } from './parse.js';

/** Words the console takes itself; every other line is a question or a /command. */
const HELP_WORDS = ['help', '?', '/help'];
const EXIT_WORDS = ['exit', 'quit', '/exit', '/quit'];
/** What `help` adds, in the console, to the commands `/help` lists. */
export const CONSOLE_HELP =
  'In this console: type a question (answered by /ask) or a /command with its options, one per line; ' +
  'help or /help lists the commands; exit, quit or Ctrl-D ends it.';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** One JSON object per answer instead of text. */
  json?: boolean;
  logger: Logger;
  /** Where notices (log lines, reloads) are printed above the prompt; none: they are not coordinated with it. */
  notices?: ConsoleNotices;
  /** Environment read for `NO_COLOR` / `FORCE_COLOR` (default the process's). */
  env?: Readonly<Record<string, string | undefined>>;
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

  const colour = wantsColour(output, options.env);

  async function answer(line: string): Promise<void> {
    const started = performance.now();
    const answering = current();
    const help = HELP_WORDS.includes(line.toLowerCase());
    const input = help ? '/help' : line;
    const request = parseInput(input, answering.commands);
    const result = 'error' in request ? request : await runCommand(answering, request.command, request.raw);
    if ('error' in result) {
      output.write(options.json ? `${JSON.stringify({ error: result.error })}\n` : `${result.error}\n`);
    } else if (options.json) {
      output.write(`${JSON.stringify(toJson(result.answer))}\n`);
    } else {
      output.write(`${renderTerminal(result.answer, { colour })}\n`);
      if (help) output.write(`${CONSOLE_HELP}\n\n`);
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
      // A notice (a reload, a warning) while the prompt shows goes above it, and the prompt comes back with what was typed.
      const onScreen = {
        clear: () => {
          clearLine(output, 0);
          cursorTo(output, 0);
        },
        redraw: () => lines.prompt(true),
      };
      const prompt = () => {
        if (!interactive) return;
        lines.prompt();
        options.notices?.setPrompt(onScreen);
      };
      lines.setPrompt('citebot> ');
      prompt();
      try {
        for await (const line of lines) {
          options.notices?.setPrompt(null);
          const input = line.trim();
          if (input === '') {
            prompt();
            continue;
          }
          if (EXIT_WORDS.includes(input.toLowerCase())) break;
          await answer(input);
          prompt();
        }
      } finally {
        options.notices?.setPrompt(null);
        lines.close();
      }
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
    notices: stdioNotices,
  });
  return {
    endsByItself: true,
    async start() {
      process.stdout.write(
        'No DISCORD_TOKEN set, so this is the offline console: type a question or a /command, one per line; ' +
          '`help` lists the commands, `exit` or Ctrl-D quits. ' +
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
