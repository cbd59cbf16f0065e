import type { FakeDiscord, RestCall } from './fakeDiscord.js';
import type { Interaction } from './interactions.js';

/** What came of a burst of interactions: every callback, by interaction. */
export interface Burst {
  /** performance.now() at sending, by interaction id. */
  sentAt: Map<string, number>;
  /** Every interaction callback accepted (answered 2xx: not a 429 to retry), by interaction id, in order. */
  callbacks: Map<string, RestCall[]>;
  /**
   * The call that showed each interaction's final message, by interaction id:
   * its callback, unless that was a deferral (type 5); then the edit or
   * follow-up that replaced "thinking…" (not the "…" that settles a public
   * deferral before a private follow-up).
   */
  finals: Map<string, RestCall>;
  /** Interactions without a callback when the wait ended. */
  lost: () => string[];
  /** Interactions answered more than once (a callback is final: Discord refuses a second one). */
  duplicated: () => string[];
  /** Milliseconds from sending to the first callback (the acknowledgement), one per answered interaction. */
  latencies: () => number[];
  /** Milliseconds from sending to the final message, one per interaction that has one. */
  finalLatencies: () => number[];
  /** Interactions whose final message has not come (deferred and still "thinking…", or not answered at all). */
  unfinished: () => string[];
  /** Resolves once every interaction has its final message, or after `timeoutMs`. */
  settled: (timeoutMs?: number) => Promise<void>;
  firstSentAt: number;
  /** performance.now() of the callback that completed the set. */
  lastAnsweredAt: number;
  /** Stops recording callbacks. */
  stop: () => void;
}

const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback$/;
const WEBHOOK = /^\/webhooks\/\d+\/([^/]+)(?:\/messages\/@original)?$/;
const DEFERRED = 5;

/**
 * Sends every interaction on the fake gateway at once, as fast as it can
 * send them, and waits until each has a callback (or `timeoutMs` passes).
 * Callbacks and final messages keep being recorded after it resolves, so that
 * a caller can wait for the bot to settle before counting duplicates.
 */
export async function sendBurst(
  fake: FakeDiscord,
  interactions: readonly Interaction[],
  timeoutMs = 120_000,
  /** Runs right after the last one is sent (a test sends SIGTERM there, with all of them in flight). */
  afterSend: () => void = () => {},
): Promise<Burst> {
  const sentAt = new Map<string, number>();
  const byToken = new Map(interactions.map((i) => [i.token, i.id]));
  const callbacks = new Map<string, RestCall[]>();
  const finals = new Map<string, RestCall>();
  let waiting = interactions.length;
  let lastAnsweredAt = 0;
  let allAnswered: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    allAnswered = resolve;
  });
  let allFinal: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    allFinal = resolve;
  });
  const final = (id: string, call: RestCall) => {
    if (finals.has(id)) return;
    finals.set(id, call);
    if (finals.size === interactions.length) allFinal();
  };
  // Recorded once answered: a call answered 429 is sent again, and only the accepted one counts.
  const record = (call: RestCall) => {
    if (call.status === undefined || call.status >= 300) return;
    const id = call.method === 'POST' ? CALLBACK.exec(call.path)?.[1] : undefined;
    if (id !== undefined && sentAt.has(id)) {
      const list = callbacks.get(id) ?? [];
      list.push(call);
      callbacks.set(id, list);
      if (list.length === 1 && call.body.type !== DEFERRED) final(id, call);
      if (list.length === 1 && --waiting === 0) {
        lastAnsweredAt = call.at;
        allAnswered();
      }
      return;
    }
    const token = call.method === 'DELETE' ? undefined : WEBHOOK.exec(call.path)?.[1];
    const of = token === undefined ? undefined : byToken.get(token);
    if (of !== undefined && callbacks.has(of) && call.body?.content !== '…') final(of, call);
  };
  fake.on('answered', record);
  let firstSentAt = 0;
  for (const interaction of interactions) {
    const at = fake.send(interaction);
    if (sentAt.size === 0) firstSentAt = at;
    sentAt.set(interaction.id, at);
  }
  afterSend();
  const within = (promise: Promise<void>, ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
      promise,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
    ]).finally(() => clearTimeout(timer));
  };
  await within(done, timeoutMs);
  const since = (at: Map<string, RestCall>) => [...at].map(([id, call]) => call.at - sentAt.get(id)!);
  return {
    sentAt,
    callbacks,
    finals,
    lost: () => [...sentAt.keys()].filter((id) => !callbacks.has(id)),
    duplicated: () => [...callbacks].filter(([, calls]) => calls.length > 1).map(([id]) => id),
    latencies: () => since(new Map([...callbacks].map(([id, calls]) => [id, calls[0]!]))),
    finalLatencies: () => since(finals),
    unfinished: () => [...sentAt.keys()].filter((id) => !finals.has(id)),
    settled: (ms = timeoutMs) => within(finished, ms),
    firstSentAt,
    lastAnsweredAt,
    stop: () => fake.off('answered', record),
  };
}
