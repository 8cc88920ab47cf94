/**
 * Lets other requests run between slices of CPU work on the event loop, and takes turns with every
 * other sliced job of the process: one waiting slice resumes per loop iteration, in order of arrival.
 *
 * Why one queue rather than each job's own setImmediate: Node runs every immediate queued before the
 * check phase in that one phase, so N jobs slicing at once (a flood of webhook notifications, each
 * checked and inserted a slice at a time, while a poll's alerts are indexed) made every iteration as
 * long as N slices, and timers (the liveness probe, escalation, a poll's deadline) waited 50–140 ms
 * at 10,000 alerts arriving. With the queue an iteration holds one slice plus the I/O that arrived;
 * the throughput is the same, since an otherwise idle loop turns in microseconds.
 *
 * Kept on globalThis: the production build holds this module once per route bundle, and all of them
 * must share one queue.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => sliceQueue().wait(resolve));
}

type SliceQueue = { wait(resume: () => void): void; readonly waiting: number };

function sliceQueue(): SliceQueue {
  const key = Symbol.for('vigil.event-loop.slice-queue');
  const holder = globalThis as { [key]?: SliceQueue };
  holder[key] ??= createSliceQueue();
  return holder[key];
}

/** Slices waiting for their turn (for tests). */
export const waitingSlices = (): number => sliceQueue().waiting;

function createSliceQueue(): SliceQueue {
  const queue: (() => void)[] = [];
  let scheduled = false;
  // An immediate queued from the check phase runs in the next iteration: one resume per iteration.
  const resumeNext = () => {
    scheduled = false;
    queue.shift()?.();
    if (queue.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(resumeNext);
  };
  return {
    wait(resume) {
      queue.push(resume);
      schedule();
    },
    get waiting() {
      return queue.length;
    },
  };
}

/**
 * Calls `visit` on each item in slices of `slice` items with the event loop free in between, for work
 * that may be slow over many items (RE2 matchers or grouping over 10,000 alerts): no request, probe or
 * page waits behind the whole pass.
 *
 *   await forEachInSlices([1, 2, 3], (n) => seen.push(n), 2)   (one yield between the slices)
 */
export async function forEachInSlices<T>(
  items: readonly T[],
  visit: (item: T) => void,
  slice = 1000,
): Promise<void> {
  for (let i = 0; i < items.length; i += slice) {
    if (i > 0) await yieldToEventLoop();
    const end = Math.min(items.length, i + slice);
    for (let j = i; j < end; j++) visit(items[j] as T);
  }
}

/**
 * `items.filter(keep)` in slices (forEachInSlices).
 *
 *   await filterInSlices([1, 2, 3, 4], (n) => n % 2 === 0, 2) → [2, 4]   (one yield between the slices)
 */
export async function filterInSlices<T>(
  items: readonly T[],
  keep: (item: T) => boolean,
  slice = 1000,
): Promise<T[]> {
  const kept: T[] = [];
  await forEachInSlices(
    items,
    (item) => {
      if (keep(item)) kept.push(item);
    },
    slice,
  );
  return kept;
}

/**
 * Runs a generator that yields after each unit of its work (one alert compared, say), `slice` units per
 * turn of the event loop (yieldToEventLoop between), and returns what it returns. The pure logic stays
 * one function, runToEnd runs the same steps at once.
 *
 *   await runInSlices((function* () { yield; yield; return 'done'; })(), 1)   (two yields between) → 'done'
 */
export async function runInSlices<R>(steps: Generator<unknown, R>, slice = 1000): Promise<R> {
  for (let done = 1; ; done++) {
    const step = steps.next();
    if (step.done) return step.value;
    if (done % slice === 0) await yieldToEventLoop();
  }
}

/** A stepped generator (see runInSlices) run to its end at once. */
export function runToEnd<R>(steps: Generator<unknown, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
