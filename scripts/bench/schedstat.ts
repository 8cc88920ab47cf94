import { readFileSync } from 'node:fs';

/** CPU time and time spent runnable but waiting for a core, in ms, as Linux counts them for one thread. */
export type ThreadTimes = { ranMs: number; waitedMs: number };

/**
 * A thread's `/proc/<pid>/task/<tid>/schedstat` line: nanoseconds on a CPU, nanoseconds waiting on a run
 * queue, and time slices. Pure.
 *
 * @example parseSchedstat('2500000000 750000000 1234\n') → {ranMs: 2500, waitedMs: 750}
 */
export function parseSchedstat(text: string): ThreadTimes | undefined {
  const [ran, waited] = text.trim().split(/\s+/).map(Number);
  if (ran === undefined || waited === undefined || !Number.isFinite(ran) || !Number.isFinite(waited))
    return undefined;
  return { ranMs: ran / 1e6, waitedMs: waited / 1e6 };
}

/**
 * The totals so far of a process's main thread (its event loop, for Node), or undefined where the kernel
 * does not keep them (not Linux, or built without schedstats).
 */
export function mainThreadTimes(pid: number): ThreadTimes | undefined {
  try {
    return parseSchedstat(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8'));
  } catch {
    return undefined;
  }
}
