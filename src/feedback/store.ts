import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import type { Logger } from '../logger.js';
import { migrate } from './schema.js';

/**
 * What users said of the answers: every answer shown (so "not found" answers
 * are counted too) and the 👍 / 👎 votes on them, in SQLite (better-sqlite3,
 * synchronous, one file). The store never throws: a database that cannot be
 * opened or written is logged as a warning and the answer goes on without it.
 */

export type Vote = 'up' | 'down';

/** An answer as shown, for the record. */
export interface ShownRecord {
  /** The id its feedback buttons carry. */
  id: string;
  command: string;
  question: string;
  found: boolean;
  /** `file:line` of each quote, in order. */
  citations: string[];
  userId: string;
}

export interface QuestionCount {
  command: string;
  question: string;
  count: number;
}

export interface FeedbackSummary {
  answers: number;
  notFound: number;
  up: number;
  down: number;
  /** 👎 votes that came with a reason. */
  reasons: number;
  /** Questions with the most 👎, most first. */
  downVoted: QuestionCount[];
  /** Questions answered "not found" most often, most first: the articles to add. */
  notFoundQuestions: QuestionCount[];
  /** The latest reasons given with a 👎. */
  latestReasons: { question: string; reason: string }[];
}

export interface FeedbackStore {
  readonly path: string;
  /** False when the database could not be opened: nothing is kept. */
  readonly ok: boolean;
  recordAnswer(record: ShownRecord): boolean;
  vote(answerId: string, userId: string, vote: Vote, reason?: string | null): boolean;
  summary(limit?: number): FeedbackSummary | null;
  close(): void;
}

/** Longest question and reason kept. */
export const QUESTION_MAX = 500;
export const REASON_MAX = 300;
/**
 * A database busy (another connection writing) is waited for this long before the write is given
 * up. better-sqlite3 waits synchronously, holding up the bot: keep it short (WAL readers such as
 * `npm run feedback` never block a write).
 */
const BUSY_TIMEOUT_MS = 200;
/** The same warning again only after this long, so a broken disk does not flood the log. */
const WARN_EVERY_MS = 60_000;

const VOTE_VALUE: Record<Vote, number> = { up: 1, down: -1 };

/** A store that keeps nothing: no FEEDBACK_DB, or one that could not be opened. */
export function noFeedback(path = ''): FeedbackStore {
  return {
    path,
    ok: false,
    recordAnswer: () => false,
    vote: () => false,
    summary: () => null,
    close: () => {},
  };
}

class SqliteFeedback implements FeedbackStore {
  readonly ok = true;
  readonly #db: Database;
  readonly #salt: string;
  readonly #logger: Logger;
  readonly #warned = new Map<string, number>();
  readonly #insertAnswer: Statement;
  readonly #upsertVote: Statement;

  constructor(
    readonly path: string,
    db: Database,
    logger: Logger,
  ) {
    this.#db = db;
    this.#logger = logger;
    const salt = db.prepare("SELECT value FROM meta WHERE key = 'salt'").pluck().get();
    if (typeof salt !== 'string') throw new Error('feedback: the database has no salt (meta table)');
    this.#salt = salt;
    this.#insertAnswer = db.prepare(
      'INSERT OR IGNORE INTO answers (id, at, command, question, found, citations, user_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // A second vote by the same user on the same answer replaces the first; a 👎 without a reason keeps the one given.
    this.#upsertVote = db.prepare(`
      INSERT INTO votes (answer_id, user_hash, vote, reason, at) VALUES (@answer, @user, @vote, @reason, @at)
      ON CONFLICT (answer_id, user_hash) DO UPDATE SET
        vote = excluded.vote,
        reason = CASE WHEN excluded.vote = 1 THEN NULL ELSE coalesce(excluded.reason, votes.reason) END,
        at = excluded.at
    `);
  }

  /** The user id as stored: sha256 of this database's salt and the id, so no Discord id is kept. */
  #hash(userId: string): string {
    return createHash('sha256').update(`${this.#salt}:${userId}`).digest('hex');
  }

  #write(what: string, run: () => void): boolean {
    try {
      run();
      return true;
    } catch (err) {
      const message = (err as Error).message;
      const last = this.#warned.get(message) ?? Number.NEGATIVE_INFINITY;
      if (Date.now() - last >= WARN_EVERY_MS) {
        this.#warned.set(message, Date.now());
        this.#logger.warn(
          { err: { message, code: (err as { code?: string }).code }, path: this.path, what },
          'feedback: cannot write to FEEDBACK_DB; the answer went out, the feedback is not kept',
        );
      }
      return false;
    }
  }

  recordAnswer(record: ShownRecord): boolean {
    return this.#write('answer', () => {
      this.#insertAnswer.run(
        record.id,
        new Date().toISOString(),
        record.command,
        record.question.trim().slice(0, QUESTION_MAX),
        record.found ? 1 : 0,
        JSON.stringify(record.citations),
        this.#hash(record.userId),
      );
    });
  }

  vote(answerId: string, userId: string, vote: Vote, reason: string | null = null): boolean {
    const trimmed = reason?.trim().slice(0, REASON_MAX) || null;
    return this.#write('vote', () => {
      this.#upsertVote.run({
        answer: answerId,
        user: this.#hash(userId),
        vote: VOTE_VALUE[vote],
        reason: trimmed,
        at: new Date().toISOString(),
      });
    });
  }

  summary(limit = 5): FeedbackSummary | null {
    try {
      const db = this.#db;
      const totals = db
        .prepare(
          `SELECT
             (SELECT count(*) FROM answers) AS answers,
             (SELECT count(*) FROM answers WHERE found = 0) AS notFound,
             (SELECT count(*) FROM votes WHERE vote = 1) AS up,
             (SELECT count(*) FROM votes WHERE vote = -1) AS down,
             (SELECT count(*) FROM votes WHERE vote = -1 AND reason IS NOT NULL) AS reasons`,
        )
        .get() as Pick<FeedbackSummary, 'answers' | 'notFound' | 'up' | 'down' | 'reasons'>;
      // A question asked in other case or spacing is the same question.
      const downVoted = db
        .prepare(
          `SELECT a.command AS command, min(a.question) AS question, count(*) AS count
             FROM votes v JOIN answers a ON a.id = v.answer_id
            WHERE v.vote = -1
            GROUP BY a.command, lower(a.question)
            ORDER BY count DESC, max(v.at) DESC
            LIMIT ?`,
        )
        .all(limit) as QuestionCount[];
      const notFoundQuestions = db
        .prepare(
          `SELECT command, min(question) AS question, count(*) AS count
             FROM answers WHERE found = 0 AND question <> ''
            GROUP BY command, lower(question)
            ORDER BY count DESC, max(at) DESC
            LIMIT ?`,
        )
        .all(limit) as QuestionCount[];
      const latestReasons = db
        .prepare(
          `SELECT coalesce(a.question, '') AS question, v.reason AS reason
             FROM votes v LEFT JOIN answers a ON a.id = v.answer_id
            WHERE v.vote = -1 AND v.reason IS NOT NULL
            ORDER BY v.at DESC
            LIMIT ?`,
        )
        .all(limit) as { question: string; reason: string }[];
      return { ...totals, downVoted, notFoundQuestions, latestReasons };
    } catch (err) {
      this.#logger.warn(
        { err: { message: (err as Error).message }, path: this.path },
        'feedback: cannot read',
      );
      return null;
    }
  }

  close(): void {
    try {
      this.#db.close();
    } catch {
      // Closing twice, or a database already gone: nothing left to keep.
    }
  }
}

/**
 * Opens (creating it and its folder if need be) and migrates the feedback
 * database at `path`. better-sqlite3 is loaded here, not at import, so the
 * commands that never vote (`npm run ask`) never load a native module. A
 * database that cannot be opened gives a store that keeps nothing, with a
 * warning that says why.
 */
export async function openFeedback(
  path: string,
  logger: Logger,
  options: { readonly?: boolean } = {},
): Promise<FeedbackStore> {
  let db: Database | undefined;
  try {
    const { default: Sqlite } = await import('better-sqlite3');
    if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
    db = new Sqlite(path, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      // WAL lets `npm run feedback` read while the bot writes.
      db.pragma('journal_mode = WAL');
      migrate(db);
    }
    return new SqliteFeedback(path, db, logger);
  } catch (err) {
    db?.close();
    logger.warn(
      { err: { message: (err as Error).message, code: (err as { code?: string }).code }, path },
      'feedback: cannot open FEEDBACK_DB; answers go on, but votes are not kept',
    );
    return noFeedback(path);
  }
}
