/**
 * How citebot's commands exit (`npm start`, `npm run ask`, `npm run deploy`,
 * `npm run invite`), as the README states them.
 */
export const EXIT = {
  /** An answer (not found included), or a clean stop on SIGINT/SIGTERM. */
  ok: 0,
  /** The configuration has problems, Discord refused the token, or something unexpected failed. */
  failed: 1,
  /** What was asked cannot be done as written: a missing corpus folder, an unknown command, a bad option or argument. */
  usage: 2,
} as const;
