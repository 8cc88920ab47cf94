/**
 * Runs async work at most `concurrency` at a time, in arrival order. Pure bookkeeping (no timers).
 *
 *   const queue = createWorkQueue(1)
 *   queue.run(() => store(a)); queue.run(() => store(b))   // b starts once a has settled
 */
export type WorkQueue = {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Works started and not yet settled, and works waiting. */
  load(): { running: number; waiting: number };
};

export function createWorkQueue(concurrency: number): WorkQueue {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    if (running >= concurrency) return;
    const start = waiting.shift();
    if (!start) return;
    running++;
    start();
  };
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        // The slot is free before the caller hears back, so the next work has started by then.
        const done = () => {
          running--;
          next();
        };
        waiting.push(() => {
          work().then(
            (value) => {
              done();
              resolve(value);
            },
            (error: unknown) => {
              done();
              reject(error);
            },
          );
        });
        next();
      });
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
