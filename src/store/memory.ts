import type { Store, Stores } from './types.js';

export interface MemoryStoreOptions {
  /** Most keys kept; the least recently used goes first. */
  capacity?: number;
  now?: () => number;
}

/**
 * A Store in this process's memory: bounded (least recently used first out)
 * and expiring, so memory stays bounded however many keys are written.
 */
export class MemoryStore implements Store {
  readonly capacity: number;
  readonly #now: () => number;
  /** In least-recently-used order: the oldest writes and touches first. */
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(options: MemoryStoreOptions = {}) {
    this.capacity = options.capacity ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  #write(key: string, value: string, ttlMs: number): void {
    const now = this.#now();
    // Expired keys near the start go at each write; the rest go when read, or by capacity.
    for (const [old, entry] of this.#entries) {
      if (entry.expiresAt > now) break;
      this.#entries.delete(old);
    }
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: now + ttlMs });
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  #live(key: string): { value: string; expiresAt: number } | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#write(key, value, ttlMs);
  }

  async get(key: string, touchMs?: number): Promise<string | undefined> {
    const entry = this.#live(key);
    if (entry && touchMs !== undefined) this.#write(key, entry.value, touchMs);
    return entry?.value;
  }

  async claim(key: string, ttlMs: number): Promise<boolean> {
    if (this.#live(key)) return false;
    this.#write(key, '1', ttlMs);
    return true;
  }

  async take(key: string, ms: number): Promise<number> {
    const entry = this.#live(key);
    if (entry) return entry.expiresAt - this.#now();
    this.#write(key, '1', ms);
    return 0;
  }
}

/** Answers kept on show in one process at most: as before the store existed. */
export const SHOWN_CAPACITY = 1000;

/** The stores of one process, in its memory. */
export function memoryStores(options: { now?: () => number } = {}): Stores {
  return {
    kind: 'memory',
    shown: new MemoryStore({ capacity: SHOWN_CAPACITY, ...options }),
    cooldowns: new MemoryStore(options),
    answered: new MemoryStore(options),
    ready: Promise.resolve(),
    close: async () => {},
  };
}
