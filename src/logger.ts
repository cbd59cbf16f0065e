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

const CENSOR = '[redacted]';
/** A bot token's shape: base64url user id, timestamp and HMAC, dot-separated. */
const BOT_TOKEN = /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,}/g;
/** An interaction's token in a callback or webhook URL: for 15 minutes it lets anyone answer as the bot. */
const URL_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/\s"'?#\\]+/g;

/**
 * A log line with every secret replaced: the given ones wherever they are
 * (an error message, a stack, a URL), anything shaped like a bot token, and
 * interaction tokens in Discord URLs. Redact paths only cover fields known in
 * advance; this covers what a library puts in an error.
 */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let scrubbed = text;
  for (const secret of secrets) {
    scrubbed = scrubbed.replaceAll(secret, CENSOR);
    // As it appears inside a JSON string, should it hold a quote or a backslash.
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) scrubbed = scrubbed.replaceAll(escaped, CENSOR);
  }
  return scrubbed.replace(BOT_TOKEN, CENSOR).replace(URL_TOKEN, `$1${CENSOR}`);
}

/** One of several destinations, with the least level it takes. */
export interface LogStream {
  level: string;
  stream: DestinationStream;
}

/** A level's number; `silent` is above them all. */
export function levelRank(level: string): number {
  return pino.levels.values[level] ?? Number.POSITIVE_INFINITY;
}

export interface LoggerOptions {
  level?: string;
  /** Where the JSON lines go (default stderr); tests pass a stream and read them back. */
  destination?: DestinationStream;
  /** Several destinations, each at its own level (the console: a file, and the terminal); `level` and `destination` are then ignored. */
  streams?: readonly LogStream[];
  /** Values never written, wherever they turn up (the bot token). Short ones are ignored. */
  secrets?: readonly (string | undefined)[];
}

/**
 * Creates the JSON logger. Logs go to stderr unless a destination is given,
 * so stdout stays free for answers. Secrets are redacted by path and scrubbed
 * from every line as it is written.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  // A short "secret" would blank out ordinary words; real tokens are 59+ characters.
  const secrets = (options.secrets ?? []).filter((s): s is string => s !== undefined && s.length >= 8);
  const streams = options.streams;
  // A multistream only sees what the logger lets through: the logger runs at its lowest level.
  const level = streams
    ? streams.reduce((low, s) => (levelRank(s.level) < levelRank(low) ? s.level : low), 'silent')
    : (options.level ?? 'info');
  return pino(
    {
      name: 'citebot',
      level,
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      base: { pid: process.pid },
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    streams
      ? pino.multistream(streams.map((s) => ({ level: s.level as pino.Level, stream: s.stream })))
      : (options.destination ?? pino.destination({ fd: 2, sync: true })),
  );
}

/**
 * A log file, appended to, its folder made if need be. Throws when it cannot
 * be opened, so that start-up says so at once.
 */
export function fileDestination(file: string): DestinationStream {
  return pino.destination({ dest: file, append: true, mkdir: true, sync: true });
}
