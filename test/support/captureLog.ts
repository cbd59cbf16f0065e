import { createLogger, type Logger } from '../../src/logger.js';

/** A logger whose JSON lines a test can read back (`text` is everything written). */
export interface CapturedLog {
  logger: Logger;
  lines: () => Record<string, unknown>[];
  text: () => string;
  /** The first line that matches, waiting for it: a line is written after the reply it is about. */
  waitFor: (
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ) => Promise<Record<string, unknown>>;
}

/** A logger writing to memory; `secrets` as in production, where it is the bot token. */
export function captureLog(level = 'info', secrets: readonly string[] = []): CapturedLog {
  let text = '';
  const logger = createLogger({
    level,
    secrets,
    destination: {
      write(chunk: string) {
        text += chunk;
      },
    },
  });
  const lines = () =>
    text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const waitFor = async (match: (line: Record<string, unknown>) => boolean, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = lines().find(match);
      if (found) return found;
      if (Date.now() > until) throw new Error(`captureLog: no matching line within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { logger, text: () => text, lines, waitFor };
}
