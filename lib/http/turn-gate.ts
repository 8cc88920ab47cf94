/**
 * Takes turns among many requests of one kind, so that a crowd of consoles cannot hold the event loop
 * for long stretches. Node runs every request whose bytes arrived in one loop iteration, and each one's
 * follow-up work, before the loop comes back to timers (escalation, the poll's chunks, the webhook's
 * deadline): with 50 consoles reading the alerts API at 10,000 alerts, each iteration ran 20–40
 * requests of 3–4 ms, so every timer waited 80–200 ms (`npm run bench`, docs/benchmarks.md).
 *
 * At most `concurrency` callers hold a turn at once; the others wait in order of arrival. A freed turn
 * is handed on from a setImmediate, never from the finishing caller's own microtasks, so the next ones
 * start in a later step of the loop, and what one iteration runs is bounded by `concurrency`.
 * Throughput is unchanged (the work is the same, only cut into smaller steps).
 */
export type TurnGate = {
  /** Runs `work` once a turn is free; the turn is handed on when it settles, resolved or rejected. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Callers waiting for a turn (for tests and metrics). */
  readonly waiting: number;
};

export function createTurnGate(concurrency: number): TurnGate {
  if (!(Number.isInteger(concurrency) && concurrency > 0))
    throw new RangeError(`a turn gate needs a positive whole concurrency (got ${concurrency})`);
  let holding = 0;
  const queue: (() => void)[] = [];
  let handing = false;

  const handOn = () => {
    if (handing || queue.length === 0) return;
    handing = true;
    setImmediate(() => {
      handing = false;
      while (holding < concurrency && queue.length > 0) {
        holding++;
        queue.shift()?.();
      }
    });
  };

  return {
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (holding < concurrency && queue.length === 0) holding++;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await work();
      } finally {
        holding--;
        handOn();
      }
    },
    get waiting() {
      return queue.length;
    },
  };
}

/**
 * The gate of the console's reads answered from the server's caches (the alerts list): CPU work only,
 * no upstream waits, so a few turns at once keep the CPU busy. 4: with 50 clients on the alerts API at
 * 10,000 alerts, a probe measured the lag p50/max at 75–100/120–365 ms without the gate, 51/130 ms
 * with 8 turns and 37–39/107–203 ms with 4, at the same or better throughput. Kept on globalThis because the production build holds this
 * module once per route bundle, and every route that takes these turns must share them.
 */
export function cachedReadTurns(): TurnGate {
  const key = Symbol.for('vigil.turn-gate.cached-reads');
  const holder = globalThis as { [key]?: TurnGate };
  holder[key] ??= createTurnGate(4);
  return holder[key];
}
