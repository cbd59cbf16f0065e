/**
 * Button custom ids. Discord gives a clicked button back by its custom id alone
 * (at most 100 characters), so each id says what to do and about what:
 *
 * - `pg:<key>:<page>:<p|n>`: show page `page` of a shown answer (Prev or Next;
 *   the last part keeps the two buttons' ids distinct when one is disabled);
 * - `post:<key>:<page>`: post a private answer to the channel;
 * - `ctx:<line>:<file name>`: show the paragraph around a line. Stateless, so
 *   it keeps working after a restart or after the answer expired.
 * - `fb:<answer id>:<u|d>`: 👍 or 👎 on an answer. The id is the answer's row
 *   in the feedback database, so a vote works after a restart too.
 *
 * Modals have custom ids too: `fbr:<answer id>` is the reason form of a 👎.
 */
export const MAX_CUSTOM_ID = 100;

export type ButtonAction =
  | { kind: 'page'; key: string; page: number }
  | { kind: 'post'; key: string; page: number }
  | { kind: 'context'; file: string; line: number }
  | { kind: 'vote'; id: string; vote: 'up' | 'down' };

const KEY = /^[\w-]{1,40}$/;

export function pageId(key: string, page: number, which: 'p' | 'n'): string {
  return `pg:${key}:${page}:${which}`;
}

export function postId(key: string, page: number): string {
  return `post:${key}:${page}`;
}

/**
 * The context button of a quote, or null when the file name cannot be made to
 * fit. A long name is cut: `/source` accepts a unique start of a file name.
 */
export function contextId(fileName: string, line: number): string | null {
  const head = `ctx:${line}:`;
  const room = MAX_CUSTOM_ID - head.length;
  if (room < 8 || fileName === '') return null;
  let name = '';
  for (const char of fileName) {
    if (name.length + char.length > room) break;
    name += char;
  }
  return head + name;
}

export function voteId(answerId: string, vote: 'up' | 'down'): string {
  return `fb:${answerId}:${vote === 'up' ? 'u' : 'd'}`;
}

/** The custom id of the reason form a 👎 opens. */
export function reasonModalId(answerId: string): string {
  return `fbr:${answerId}`;
}

/** The answer id of a reason form's custom id; null for another modal. */
export function parseModalId(id: string): { kind: 'reason'; id: string } | null {
  const [kind, a, ...rest] = id.split(':');
  return kind === 'fbr' && a && KEY.test(a) && rest.length === 0 ? { kind: 'reason', id: a } : null;
}

/** Reads a custom id back; null for one this version does not know. */
export function parseCustomId(id: string): ButtonAction | null {
  const [kind, a, b, c] = id.split(':');
  if (kind === 'pg' && a && KEY.test(a) && b && /^\d{1,4}$/.test(b) && (c === 'p' || c === 'n')) {
    return { kind: 'page', key: a, page: Number(b) };
  }
  if (kind === 'post' && a && KEY.test(a) && b && /^\d{1,4}$/.test(b)) {
    return { kind: 'post', key: a, page: Number(b) };
  }
  if (kind === 'fb' && a && KEY.test(a) && (b === 'u' || b === 'd') && c === undefined) {
    return { kind: 'vote', id: a, vote: b === 'u' ? 'up' : 'down' };
  }
  if (kind === 'ctx' && a && /^\d{1,9}$/.test(a)) {
    const file = id.slice(`ctx:${a}:`.length);
    if (file !== '') return { kind: 'context', file, line: Number(a) };
  }
  return null;
}
