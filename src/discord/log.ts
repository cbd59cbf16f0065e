import { randomBytes } from 'node:crypto';

/** Option values in the log are cut to this. */
const LOGGED_VALUE_CHARS = 100;

/** The one log line of an interaction. */
export interface InteractionLog {
  kind: 'command' | 'autocomplete' | 'button' | 'modal' | 'other';
  command?: string;
  /** What a button did: page, post, context. */
  action?: string;
  options?: Record<string, unknown>;
  customId?: string;
  userId: string;
  guildId: string | null;
  latencyMs?: number;
  outcome?: string;
  found?: boolean;
  citations?: number;
  choices?: number;
  deferred?: boolean;
  /** A vote or reason was written to the feedback database. */
  kept?: boolean;
  /** The command's files (the chart) failed: the answer went without them. */
  filesError?: string;
  /** The shared store (Redis) could not be reached: what went without it. */
  store?: string;
  ref?: string;
  err?: unknown;
}

/** A short id that ties what a user is told to the log line about it. */
export function errorRef(): string {
  return randomBytes(4).toString('hex');
}

function loggable(value: unknown): unknown {
  if (typeof value !== 'string' || value.length <= LOGGED_VALUE_CHARS) return value;
  return `${value.slice(0, LOGGED_VALUE_CHARS)}… (${value.length} chars)`;
}

/** Option values as the log shows them: a long query is cut, so one line stays one line's size. */
export function loggableOptions(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, loggable(v)]));
}

/** The error for the log: what and where, never the request (its URL holds the interaction token). */
export function describeError(err: unknown): unknown {
  if (!(err instanceof Error)) return String(err);
  const { code, status } = err as { code?: unknown; status?: unknown };
  return { type: err.name, message: err.message, code, status, stack: err.stack };
}
