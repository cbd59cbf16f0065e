import { performance } from 'node:perf_hooks';

/**
 * Work split into steps: a generator yields between steps, so the same code
 * runs to completion at once (drive) or in time slices that leave the event
 * loop free (driveAsync).
 */
export type Steps<T> = Generator<void, T, void>;

export function drive<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function driveAsync<T>(steps: Steps<T>, sliceMs: number): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

export const STEP = 256;
