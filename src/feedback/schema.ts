import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/**
 * The feedback database's schema, one migration per version. `PRAGMA
 * user_version` says which have run; each runs once, in a transaction, at
 * start. Add a version by appending to MIGRATIONS, never by editing one.
 */
export const MIGRATIONS: readonly ((db: Database) => void)[] = [
  // 1: answers shown (found or not), votes on them, and the salt of the user hashes.
  (db) => {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        command TEXT NOT NULL,
        question TEXT NOT NULL,
        found INTEGER NOT NULL CHECK (found IN (0, 1)),
        citations TEXT NOT NULL,
        user_hash TEXT NOT NULL
      );
      CREATE INDEX answers_not_found ON answers (found, question);
      CREATE TABLE votes (
        answer_id TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        reason TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (answer_id, user_hash)
      );
    `);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('salt', randomBytes(16).toString('hex'));
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs the migrations the database has not had yet; returns the version it was at. */
export function migrate(db: Database): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > SCHEMA_VERSION) {
    throw new Error(
      `feedback: the database is at schema version ${from}, newer than this citebot's ${SCHEMA_VERSION}`,
    );
  }
  for (let version = from; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      MIGRATIONS[version]!(db);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
  return from;
}
