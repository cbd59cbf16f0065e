import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths of secrets that never reach a log line. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'config.DISCORD_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
];

/**
 * Creates the JSON logger. Logs go to stderr unless a destination is given
 * (tests pass a stream and read the lines back), so stdout stays free for
 * answers.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      name: 'citebot',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
