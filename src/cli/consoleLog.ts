import path from 'node:path';
import { type ReloadOutcome, reloadAnswer } from '../answer/reload.js';
import type { Config } from '../config.js';
import { createLogger, fileDestination, type Logger, type LogStream, levelRank } from '../logger.js';

/** Where the console's JSON log goes when `LOG_FILE` is unset (git-ignored). */
export const DEFAULT_CONSOLE_LOG = path.join('.cache', 'citebot.log');

const LABELS: Record<number, string> = { 40: 'warning', 50: 'error', 60: 'fatal' };
/** Fields every record has, that a person does not need to read. */
const FURNITURE = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'err']);

/**
 * A reload the watcher made: the person at the console did not ask for it, so
 * it is told, in the words `/reload` would use. A `/reload` typed at the
 * console already printed its answer.
 */
function reloadNotice(record: Record<string, unknown>): string | null {
  if (record.msg !== 'corpus reloaded' || record.reason === '/reload') return null;
  const text = reloadAnswer({ ok: true, ...record } as unknown as ReloadOutcome)
    .answer.split('\n')
    .filter((line) => !line.startsWith('Took '))
    .join(' ');
  return `citebot: ${String(record.reason ?? 'the corpus changed')}. ${text}`;
}

/** One log record as one line a person reads: `citebot: warning: skipped a.txt: it is empty`. */
export function humanLogLine(record: Record<string, unknown>): string {
  const level = typeof record.level === 'number' ? record.level : 30;
  const label = LABELS[level];
  let line = `citebot: ${label ? `${label}: ` : ''}${String(record.msg ?? '')}`;
  const err = record.err as { message?: unknown } | undefined;
  if (err && typeof err.message === 'string' && !line.includes(err.message)) line += ` (${err.message})`;
  if (!label) {
    const fields = Object.entries(record)
      .filter(([key, value]) => !FURNITURE.has(key) && value !== null && typeof value !== 'object')
      .map(([key, value]) => `${key}=${String(value)}`);
    if (fields.length > 0) line += ` (${fields.join(' ')})`;
  }
  return line;
}

/**
 * A pino destination that prints records at `level` and above, and the
 * watcher's reloads, as human lines through `print`; the rest only go to the
 * log file.
 */
export function humanLogStream(print: (line: string) => void, level: string): LogStream['stream'] {
  const least = levelRank(level);
  return {
    write(chunk: string) {
      for (const text of chunk.split('\n')) {
        if (text.trim() === '') continue;
        let record: Record<string, unknown>;
        try {
          record = JSON.parse(text) as Record<string, unknown>;
        } catch {
          print(text);
          continue;
        }
        const notice = reloadNotice(record);
        if (notice !== null) print(notice);
        else if (typeof record.level === 'number' && record.level >= least) print(humanLogLine(record));
      }
    },
  };
}

/** What the console does with its prompt while a notice is printed. */
export interface PromptLine {
  /** Takes the prompt (and what was typed) off the screen. */
  clear(): void;
  /** Shows them again, below the notice. */
  redraw(): void;
}

/**
 * Prints notices (log lines, reloads) on `stream`; while the console shows
 * its prompt, above it, so that a notice never lands in the middle of the
 * line being typed.
 */
export interface ConsoleNotices {
  print(line: string): void;
  /** The console's prompt while it is on the screen; null while an answer is being printed. */
  setPrompt(prompt: PromptLine | null): void;
}

export function createNotices(stream: NodeJS.WritableStream): ConsoleNotices {
  let prompt: PromptLine | null = null;
  return {
    print(line) {
      prompt?.clear();
      stream.write(`${line}\n`);
      prompt?.redraw();
    },
    setPrompt(next) {
      prompt = next;
    },
  };
}

/** The notices of this process's own terminal (stderr), shared by the console's logger and its prompt. */
export const stdioNotices: ConsoleNotices = createNotices(process.stderr);

/**
 * The console's logger: every record at `LOG_LEVEL` (default info) as JSON in
 * `LOG_FILE` (default .cache/citebot.log), and on the terminal only warnings
 * and errors (or what `LOG_LEVEL` asks for), as human lines, plus a line for
 * each reload the folder watch makes. A log file that cannot be opened is
 * said once; the terminal still gets its lines.
 */
export function createConsoleLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'LOG_FILE' | 'DISCORD_TOKEN'>,
  notices: ConsoleNotices = stdioNotices,
): Logger {
  const terminal: LogStream = {
    level: config.LOG_LEVEL ?? 'warn',
    stream: humanLogStream(notices.print, config.LOG_LEVEL ?? 'warn'),
  };
  // The terminal stream sees info records too, for the reload notices; it filters the rest itself.
  terminal.level = levelRank(terminal.level) > levelRank('info') ? 'info' : terminal.level;
  const streams: LogStream[] = [terminal];
  const file = config.LOG_FILE ?? DEFAULT_CONSOLE_LOG;
  let problem: string | null = null;
  if (config.LOG_LEVEL !== 'silent') {
    try {
      streams.push({ level: config.LOG_LEVEL ?? 'info', stream: fileDestination(file) });
    } catch (err) {
      problem = (err as Error).message;
    }
  }
  const logger = createLogger({ streams, secrets: [config.DISCORD_TOKEN] });
  if (problem !== null)
    logger.warn({ file }, `cannot write the log file ${file} (${problem}); logging here only`);
  return logger;
}
