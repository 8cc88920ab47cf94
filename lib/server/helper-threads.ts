import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Vigil's helper threads yield the cores to its event loop. Besides the event-loop thread, a Node
 * process runs V8's platform workers (garbage collection, compiling) and libuv's thread pool (gzip of
 * answers, file reads, DNS), all at the event loop's priority. Linux shares a core fairly between
 * threads of one priority, so while they run, a timer or request on the event loop waits its turn:
 * with 10,000 alerts on the two-core bench machine the helpers took 7.6 s of CPU in a 31 s run where
 * the event loop took 18.5 s, and that thread waited for a core in stalls of 20–70 ms. Their work is
 * throughput, not latency: a collection that ends a few milliseconds later costs nothing, a page or an
 * acknowledgement that does costs the on-call engineer. With the helpers at nice 5, `npm run bench`
 * read the lag row (10,000 alerts) at 25 and 20 ms, the event-loop thread waiting 4.4 and 3.7 s for a
 * core over the window; without, 33 and 62 ms, 4.8 and 5.5 s (same build otherwise, runs alternated).
 * The poll worker already runs at POLL_WORKER_NICE (poll-worker.ts) for the same reason; the helpers
 * get a milder step, so that on a machine busy with other work they still run.
 *
 * Linux keeps a nice value per thread and lets a process raise its own threads' values without
 * privileges (os.setPriority with a thread id). Threads can start after the server (libuv starts its
 * pool at its first use), so the check is repeated every RECHECK_MS; threads already at or above the
 * value, such as the poll worker, are left as they are.
 */
export const HELPER_THREAD_NICE = 5;
const RECHECK_MS = 60_000;

type Thread = { tid: number; nice: number };

/**
 * The threads to lower: every thread but the event loop (whose id is the process id) that runs below
 * `nice`. Pure.
 *
 *   threadsToLower([{tid: 7, nice: 0}, {tid: 8, nice: 0}, {tid: 9, nice: 10}], 7, 5) → [8]
 */
export function threadsToLower(threads: readonly Thread[], mainTid: number, nice: number): number[] {
  return threads.filter((t) => t.tid !== mainTid && t.nice < nice).map((t) => t.tid);
}

/**
 * A thread's nice value from its `/proc/<pid>/task/<tid>/stat` line, or undefined. The command name
 * in parentheses may hold spaces and parentheses, so fields are counted from the last ')'; nice is the
 * 19th field of the line, the 17th after the name. Pure.
 *
 *   niceOf('42 (next-server (v16)) S 1 42 42 0 -1 4194560 1 0 0 0 5 1 0 0 20 0 12 0 9 0 0') → 0
 */
export function niceOf(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const nice = Number(fields[16]);
  return Number.isInteger(nice) ? nice : undefined;
}

function processThreads(): Thread[] {
  const threads: Thread[] = [];
  for (const entry of readdirSync('/proc/self/task')) {
    try {
      const nice = niceOf(readFileSync(`/proc/self/task/${entry}/stat`, 'utf8'));
      if (nice !== undefined) threads.push({ tid: Number(entry), nice });
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return threads;
}

function lowerHelperThreads(): void {
  for (const tid of threadsToLower(processThreads(), process.pid, HELPER_THREAD_NICE)) {
    try {
      setPriority(tid, HELPER_THREAD_NICE);
    } catch {
      // Ended meanwhile, or a system that refuses: the helpers then keep the event loop's priority.
    }
  }
}

/** Lowers the helpers now and every RECHECK_MS (Linux only: elsewhere threads have no nice of their own). */
export function startHelperThreadPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    lowerHelperThreads();
  } catch {
    // No /proc (a sandbox): nothing to lower.
    return;
  }
  setInterval(() => {
    try {
      lowerHelperThreads();
    } catch {
      // As above.
    }
  }, RECHECK_MS).unref();
}
