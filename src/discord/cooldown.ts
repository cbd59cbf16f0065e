export interface CooldownOptions {
  /** How long a user waits between two commands; 0 turns the cooldown off. */
  ms: number;
  now?: () => number;
}

/** Whether a user may run a command now, or how long until they may. */
export type CooldownCheck = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * A per-user cooldown between commands. It remembers only users still in
 * their cooldown, so memory stays bounded by how many users asked in the last
 * `ms`, however many ask over time.
 */
export class Cooldown {
  readonly ms: number;
  readonly #now: () => number;
  /** User id → when their last command ran; in insertion order, so the oldest come first. */
  readonly #last = new Map<string, number>();

  constructor(options: CooldownOptions) {
    this.ms = Math.max(0, options.ms);
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#last.size;
  }

  /** Lets the user through (and starts their cooldown), or says how long they must wait. */
  take(userId: string): CooldownCheck {
    if (this.ms === 0) return { ok: true };
    const now = this.#now();
    for (const [user, at] of this.#last) {
      if (now - at < this.ms) break;
      this.#last.delete(user);
    }
    const last = this.#last.get(userId);
    if (last !== undefined && now - last < this.ms)
      return { ok: false, retryAfterMs: this.ms - (now - last) };
    // Deleting first moves the user to the end, keeping the map oldest-first.
    this.#last.delete(userId);
    this.#last.set(userId, now);
    return { ok: true };
  }
}
