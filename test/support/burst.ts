import type { FakeDiscord, RestCall } from './fakeDiscord.js';
import type { Interaction } from './interactions.js';

/** What came of a burst of interactions: every callback, by interaction. */
export interface Burst {
  /** performance.now() at sending, by interaction id. */
  sentAt: Map<string, number>;
  /** Every interaction callback received, by interaction id, in order. */
  callbacks: Map<string, RestCall[]>;
  /** Interactions without a callback when the wait ended. */
  lost: () => string[];
  /** Interactions answered more than once (a callback is final: Discord refuses a second one). */
  duplicated: () => string[];
  /** Milliseconds from sending to the first callback, one per answered interaction. */
  latencies: () => number[];
  firstSentAt: number;
  /** performance.now() of the callback that completed the set. */
  lastAnsweredAt: number;
  /** Stops recording callbacks. */
  stop: () => void;
}

const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback$/;

/**
 * Sends every interaction on the fake gateway at once, as fast as it can
 * send them, and waits until each has a callback (or `timeoutMs` passes).
 * Callbacks keep being recorded after it resolves, so that a caller can wait
 * for the bot to settle before counting duplicates.
 */
export async function sendBurst(
  fake: FakeDiscord,
  interactions: readonly Interaction[],
  timeoutMs = 120_000,
): Promise<Burst> {
  const sentAt = new Map<string, number>();
  const callbacks = new Map<string, RestCall[]>();
  let waiting = interactions.length;
  let lastAnsweredAt = 0;
  let allAnswered: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    allAnswered = resolve;
  });
  const record = (call: RestCall) => {
    const id = call.method === 'POST' ? CALLBACK.exec(call.path)?.[1] : undefined;
    if (id === undefined || !sentAt.has(id)) return;
    const list = callbacks.get(id) ?? [];
    list.push(call);
    callbacks.set(id, list);
    if (list.length === 1 && --waiting === 0) {
      lastAnsweredAt = call.at;
      allAnswered();
    }
  };
  fake.on('call', record);
  let firstSentAt = 0;
  for (const interaction of interactions) {
    const at = fake.send(interaction);
    if (sentAt.size === 0) firstSentAt = at;
    sentAt.set(interaction.id, at);
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    done,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  return {
    sentAt,
    callbacks,
    lost: () => [...sentAt.keys()].filter((id) => !callbacks.has(id)),
    duplicated: () => [...callbacks].filter(([, calls]) => calls.length > 1).map(([id]) => id),
    latencies: () => [...callbacks].map(([id, calls]) => calls[0]!.at - sentAt.get(id)!),
    firstSentAt,
    lastAnsweredAt,
    stop: () => fake.off('call', record),
  };
}
