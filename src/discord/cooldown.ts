import { MemoryStore } from '../store/memory.js';
import type { Store } from '../store/types.js';

export interface CooldownOptions {
  /** How long a user waits between two commands; 0 turns the cooldown off. */
  ms: number;
  /** Where cooldowns are kept: a cooldown taken in one process holds in the others. Default: memory. */
  store?: Store;
  now?: () => number;
}

/** Whether a user may run a command now, or how long until they may. */
export type CooldownCheck = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * A per-user cooldown between commands, in a store whose keys expire with the
 * cooldown: memory stays bounded by how many users asked in the last `ms`.
 * When the store cannot be reached the user is let through: a cooldown is a
 * courtesy, an answer is the point.
 */
export class Cooldown {
  readonly ms: number;
  readonly #store: Store;

  constructor(options: CooldownOptions) {
    this.ms = Math.max(0, options.ms);
    this.#store = options.store ?? new MemoryStore(options.now ? { now: options.now } : {});
  }

  /** Lets the user through (and starts their cooldown), or says how long they must wait. */
  async take(userId: string): Promise<CooldownCheck> {
    if (this.ms === 0) return { ok: true };
    let left: number;
    try {
      left = await this.#store.take(userId, this.ms);
    } catch {
      return { ok: true };
    }
    return left <= 0 ? { ok: true } : { ok: false, retryAfterMs: left };
  }
}
