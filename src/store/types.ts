/**
 * State that citebot's processes share: answers on show (for their buttons),
 * cooldowns, and the ids of interactions already answered. One namespace of
 * expiring string keys each; in memory for one process (./memory.ts), in
 * Redis for several (./redis.ts). Every operation is atomic, and each rejects
 * with StoreUnavailable when the store cannot be reached: the caller decides
 * how to go on without it.
 */
export interface Store {
  /** Sets a key for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** The value of a key; with `touchMs`, its expiry starts again from now (a use keeps it). */
  get(key: string, touchMs?: number): Promise<string | undefined>;
  /** Sets a key for `ttlMs` only if it is not there: true for the one caller that set it. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /**
   * A cooldown: takes the key for `ms` if it is free and returns 0, else
   * returns the ms left until it is free again.
   */
  take(key: string, ms: number): Promise<number>;
}

/** The stores a bot uses, and what they run on. */
export interface Stores {
  readonly kind: 'memory' | 'redis';
  /** Answers on show, and which were posted. */
  readonly shown: Store;
  readonly cooldowns: Store;
  /** Interaction ids already taken by a process. */
  readonly answered: Store;
  /** Resolves once the store is connected, or once start-up has waited long enough (it keeps trying). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** The store cannot be reached (Redis down, or too slow): an expected failure the caller handles. */
export class StoreUnavailable extends Error {
  constructor(why: string) {
    super(`store unavailable: ${why}`);
    this.name = 'StoreUnavailable';
  }
}
