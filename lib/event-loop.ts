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
 * How long one slice may hold the event loop, whatever its item count. A slice of 1,000 alerts takes a
 * millisecond or two once V8 has optimised the code it runs, but several times that on its first passes
 * (a new RE2 pattern, a first zod parse), and a request that needs several turns of the loop (an HTTP
 * request through Next) may wait one slice per turn.
 */
const SLICE_BUDGET_MS = 4;
/** Units of work between two reads of the clock: a read costs about as much as a cheap unit. */
const CLOCK_EVERY = 16;

/**
 * Where one slice of sliced work ends: after `maxUnits` units, or once SLICE_BUDGET_MS is spent.
 *
 *   const slices = sliceBudget(1000);
 *   for (const x of xs) { work(x); if (slices.spent()) await slices.next(); }
 */
export function sliceBudget(maxUnits = 1000): { spent(): boolean; next(): Promise<void> } {
  let units = 0;
  let from = performance.now();
  return {
    spent() {
      units++;
      return units >= maxUnits || (units % CLOCK_EVERY === 0 && performance.now() - from >= SLICE_BUDGET_MS);
    },
    async next() {
      await yieldToEventLoop();
      units = 0;
      from = performance.now();
    },
  };
}

/**
 * Calls `visit` on each item in slices of at most `slice` items (sliceBudget) with the event loop free
 * in between, for work that may be slow over many items (RE2 matchers or grouping over 10,000 alerts):
 * no request, probe or page waits behind the whole pass.
 *
 *   await forEachInSlices([1, 2, 3], (n) => seen.push(n), 2)   (one yield between the slices)
 */
export async function forEachInSlices<T>(
  items: readonly T[],
  visit: (item: T) => void,
  slice = 1000,
): Promise<void> {
  const slices = sliceBudget(slice);
  for (let i = 0; i < items.length; i++) {
    visit(items[i] as T);
    if (i < items.length - 1 && slices.spent()) await slices.next();
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
 * Runs a generator that yields after each unit of its work (one alert compared, say), at most `slice` units per
 * turn of the event loop (yieldToEventLoop between), and returns what it returns. The pure logic stays
 * one function, runToEnd runs the same steps at once.
 *
 *   await runInSlices((function* () { yield; yield; return 'done'; })(), 1)   (two yields between) → 'done'
 */
export async function runInSlices<R>(steps: Generator<unknown, R>, slice = 1000): Promise<R> {
  const slices = sliceBudget(slice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slices.spent()) await slices.next();
  }
}

/** A stepped generator (see runInSlices) run to its end at once. */
export function runToEnd<R>(steps: Generator<unknown, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
