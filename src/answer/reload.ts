import { type Answer, messageAnswer } from './types.js';

export interface CorpusSize {
  files: number;
  sentences: number;
}

/** How a reload went: a failed one keeps the index that was answering before. */
export type ReloadOutcome =
  | (CorpusSize & {
      ok: true;
      /** Files skipped (empty, binary, …), each logged with why. */
      skipped: number;
      /** Files that stopped parsing and are answered from their last good version. */
      stale: number;
      before: CorpusSize;
      /** Whether any article's name or text differs from the previous index's. */
      changed: boolean;
      tookMs: number;
    })
  | { ok: false; error: string; kept: CorpusSize };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What `/reload` tells the user: the new corpus against the old, or why the old one stays. */
export function reloadAnswer(outcome: ReloadOutcome | null): Answer {
  if (outcome === null) {
    return messageAnswer(
      'reload',
      'There is nothing to reload here: every `npm run ask` reads the corpus afresh.',
      false,
    );
  }
  if (!outcome.ok) {
    return messageAnswer(
      'reload',
      `The reload failed: ${outcome.error}. citebot still answers from the previous index ` +
        `(${plural(outcome.kept.files, 'article')}, ${plural(outcome.kept.sentences, 'sentence')}).`,
      false,
    );
  }
  const now = `${plural(outcome.files, 'article')}, ${plural(outcome.sentences, 'sentence')}`;
  const before = `${plural(outcome.before.files, 'article')}, ${plural(outcome.before.sentences, 'sentence')}`;
  const lines = [
    outcome.files === 0
      ? 'Reloaded: the corpus is now empty. Add .txt or .md articles to the corpus folder.'
      : outcome.changed
        ? `Reloaded the corpus: ${now} (before: ${before}).`
        : `Reloaded the corpus; no article changed: ${now}.`,
  ];
  if (outcome.skipped > 0)
    lines.push(`${plural(outcome.skipped, 'file')} skipped: /about says which and why.`);
  if (outcome.stale > 0) {
    lines.push(
      `${plural(outcome.stale, 'file')} no longer ${outcome.stale === 1 ? 'parses' : 'parse'}: ` +
        'the last good version is kept until a valid one replaces it (/about says which).',
    );
  }
  lines.push(`Took ${outcome.tookMs} ms.`);
  return messageAnswer('reload', lines.join('\n'));
}
