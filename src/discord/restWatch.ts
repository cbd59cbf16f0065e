import { performance } from 'node:perf_hooks';
import { DefaultRestOptions, type RESTOptions } from 'discord.js';

/** After a 429, commands acknowledge before they work for this long: more 429s tend to follow. */
export const RATE_LIMITED_FOR_MS = 10_000;
/** A REST call of ours still unanswered after this means REST is queueing (rate limited, or Discord is slow). */
export const QUEUEING_AFTER_MS = 250;

/**
 * What citebot knows of its REST traffic that the deferral decision needs:
 * whether a 429 came recently, and whether one of its calls has been waiting
 * long (in @discordjs/rest's queue, or retrying after a 429). A command that
 * would reply after its work must then acknowledge first: time spent waiting
 * in the REST queue counts against Discord's 3 s too.
 */
export class RestWatch {
  readonly #now: () => number;
  #last429 = Number.NEGATIVE_INFINITY;
  /** Start times of our calls under way, by call, oldest first. */
  readonly #pending = new Map<number, number>();
  #next = 0;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** discord.js's own request function, noting each 429 it gets. */
  makeRequest(): RESTOptions['makeRequest'] {
    const request = DefaultRestOptions.makeRequest;
    return async (url, init) => {
      const response = await request(url, init);
      if (response.status === 429) this.#last429 = this.#now();
      return response;
    };
  }

  /** Waits for a REST call of ours, counting how long it waits. */
  async track<T>(call: Promise<T>): Promise<T> {
    const id = this.#next++;
    this.#pending.set(id, this.#now());
    try {
      return await call;
    } finally {
      this.#pending.delete(id);
    }
  }

  /** Whether REST is rate limiting or queueing now: a command should acknowledge at once. */
  get strained(): boolean {
    const now = this.#now();
    if (now - this.#last429 < RATE_LIMITED_FOR_MS) return true;
    for (const started of this.#pending.values()) return now - started > QUEUEING_AFTER_MS;
    return false;
  }
}
