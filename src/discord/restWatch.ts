import { performance } from 'node:perf_hooks';
import { DefaultRestOptions, type RESTOptions } from 'discord.js';

/** After a 429, commands acknowledge before they work for this long: more 429s tend to follow. */
export const RATE_LIMITED_FOR_MS = 10_000;
/** A REST call of ours still unanswered after this means REST is queueing (rate limited, or Discord is slow). */
export const QUEUEING_AFTER_MS = 250;
/** The longest a command's work waits for acknowledgements under way: they have priority, but not forever. */
export const ACKS_FIRST_AT_MOST_MS = 1500;

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
  /** Acknowledgements (deferrals) under way. */
  #acks = 0;
  #acksDone: { promise: Promise<void>; resolve: () => void } | null = null;

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

  /** Waits for an acknowledgement (a deferral), counting it among those under way. */
  async ack<T>(call: Promise<T>): Promise<T> {
    this.#acks++;
    try {
      return await this.track(call);
    } finally {
      if (--this.#acks === 0) {
        this.#acksDone?.resolve();
        this.#acksDone = null;
      }
    }
  }

  /**
   * Resolves once no acknowledgement is under way (or after `atMostMs`). In a
   * burst, every interaction's first response has Discord's 3 s deadline and
   * its answer has none: work and answers wait for the acknowledgements, so
   * that the event loop sends those first.
   */
  acksFirst(atMostMs = ACKS_FIRST_AT_MOST_MS): Promise<void> {
    if (this.#acks === 0) return Promise.resolve();
    if (!this.#acksDone) {
      let resolve: () => void = () => {};
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      this.#acksDone = { promise, resolve };
    }
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, atMostMs);
    });
    return Promise.race([this.#acksDone.promise, waited]).finally(() => clearTimeout(timer));
  }

  /** Whether REST is rate limiting or queueing now: a command should acknowledge at once. */
  get strained(): boolean {
    const now = this.#now();
    if (now - this.#last429 < RATE_LIMITED_FOR_MS) return true;
    for (const started of this.#pending.values()) return now - started > QUEUEING_AFTER_MS;
    return false;
  }
}
