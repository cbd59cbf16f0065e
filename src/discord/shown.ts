import { randomBytes } from 'node:crypto';
import type { Answer } from '../answer/types.js';
import { MemoryStore, SHOWN_CAPACITY } from '../store/memory.js';
import type { Store } from '../store/types.js';

/** An answer on show in Discord, kept so that its buttons can page it and post it. */
export interface ShownAnswer {
  answer: Answer;
  /** Who asked: the only user who may page it. */
  userId: string;
  /** Its id in the feedback database, so that its pages keep their 👍 / 👎. */
  feedbackId?: string;
}

/** What a button finds behind its key: the answer, or why not (it expired, or the store is away). */
export type ShownLookup =
  | { ok: true; shown: ShownAnswer }
  | { ok: false; why: 'expired' }
  | { ok: false; why: 'unavailable'; detail: string };

export interface ShownAnswersOptions {
  /** Where answers are kept: another process may page one this one showed. Default: this process's memory. */
  store?: Store;
  /** Most answers kept in memory, when no store is given; the least recently used goes first. */
  capacity?: number;
  /** An answer unused for this long is forgotten. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Answers on show, keyed by a short random key that fits in a button's custom
 * id, in a store (memory for one process, Redis for several) with expiry. An
 * expired key, or a store that cannot be reached, is a value the caller
 * reports ("ask again", "paging is unavailable").
 */
export class ShownAnswers {
  readonly ttlMs: number;
  readonly #store: Store;

  constructor(options: ShownAnswersOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.#store =
      options.store ??
      new MemoryStore({
        capacity: options.capacity ?? SHOWN_CAPACITY,
        ...(options.now ? { now: options.now } : {}),
      });
  }

  /** Remembers an answer and returns its key; null when the store cannot take it (the answer then has no paging). */
  async put(answer: Answer, userId: string, feedbackId?: string): Promise<string | null> {
    const key = randomBytes(6).toString('base64url');
    const shown: ShownAnswer = { answer, userId, ...(feedbackId ? { feedbackId } : {}) };
    try {
      await this.#store.set(`a:${key}`, JSON.stringify(shown), this.ttlMs);
      return key;
    } catch {
      return null;
    }
  }

  /** The answer behind a key; a use keeps it for another `ttlMs`. */
  async get(key: string): Promise<ShownLookup> {
    try {
      const json = await this.#store.get(`a:${key}`, this.ttlMs);
      return json === undefined
        ? { ok: false, why: 'expired' }
        : { ok: true, shown: JSON.parse(json) as ShownAnswer };
    } catch (err) {
      return { ok: false, why: 'unavailable', detail: (err as Error).message };
    }
  }

  /**
   * Marks an answer posted to the channel: true for the one click that may
   * post it, false once it was (from any process). When the store cannot be
   * reached it is posted: a second post is better than none.
   */
  async claimPost(key: string): Promise<boolean> {
    try {
      return await this.#store.claim(`p:${key}`, this.ttlMs);
    } catch {
      return true;
    }
  }
}
