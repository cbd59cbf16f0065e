import { randomBytes } from 'node:crypto';
import type { Answer } from '../answer/types.js';

/** An answer on show in Discord, kept so that its buttons can page it and post it. */
export interface ShownAnswer {
  answer: Answer;
  /** Who asked: the only user who may page it. */
  userId: string;
  /** Set once it has been posted to the channel, so a second click does not post it again. */
  posted: boolean;
  /** Its id in the feedback database, so that its pages keep their 👍 / 👎. */
  feedbackId?: string;
}

export interface ShownAnswersOptions {
  /** Most answers kept; the least recently used goes first. */
  capacity?: number;
  /** An answer unused for this long is forgotten. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Bounded, expiring memory of shown answers, keyed by a short random key that
 * fits in a button's custom id. Memory stays bounded however many questions
 * are asked; an expired key is a value the caller reports ("ask again").
 */
export class ShownAnswers {
  readonly capacity: number;
  readonly ttlMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, { shown: ShownAnswer; usedAt: number }>();

  constructor(options: ShownAnswersOptions = {}) {
    this.capacity = options.capacity ?? 1000;
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Remembers an answer and returns its key. */
  put(answer: Answer, userId: string, feedbackId?: string): string {
    const now = this.#now();
    // The map is in least-recently-used order, so the expired ones are at its start.
    for (const [old, entry] of this.#entries) {
      if (now - entry.usedAt <= this.ttlMs) break;
      this.#entries.delete(old);
    }
    let key = randomBytes(6).toString('base64url');
    while (this.#entries.has(key)) key = randomBytes(6).toString('base64url');
    this.#entries.set(key, {
      shown: { answer, userId, posted: false, ...(feedbackId ? { feedbackId } : {}) },
      usedAt: now,
    });
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return key;
  }

  /** The answer behind a key, or undefined when it expired or was never shown. */
  get(key: string): ShownAnswer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const now = this.#now();
    if (now - entry.usedAt > this.ttlMs) {
      this.#entries.delete(key);
      return undefined;
    }
    // Re-inserting keeps the map in least-recently-used order for eviction.
    this.#entries.delete(key);
    entry.usedAt = now;
    this.#entries.set(key, entry);
    return entry.shown;
  }
}
