import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELPER_THREAD_NICE, niceOf, threadsToLower } from './helper-threads';

describe('threadsToLower', () => {
  it('lowers every thread but the event loop that runs below the value, and leaves lower ones', () => {
    const threads = [
      { tid: 7, nice: 0 },
      { tid: 8, nice: 0 },
      { tid: 9, nice: 10 },
      { tid: 10, nice: 5 },
    ];
    expect(threadsToLower(threads, 7, 5)).toEqual([8]);
    expect(threadsToLower([{ tid: 7, nice: 0 }], 7, 5)).toEqual([]);
  });
});

describe('niceOf', () => {
  it('counts fields from the last parenthesis, since a thread name may hold spaces and parentheses', () => {
    expect(niceOf('42 (next-server (v16)) S 1 42 42 0 -1 4194560 1 0 0 0 5 1 0 0 20 0 12 0 9 0 0')).toBe(0);
    expect(niceOf('43 (node) S 1 42 42 0 -1 4194560 1 0 0 0 5 1 0 0 30 10 12 0 9 0 0')).toBe(10);
    expect(niceOf('garbage')).toBeUndefined();
  });
});

describe.runIf(process.platform === 'linux')('startHelperThreadPriority', () => {
  it("lowers a real process's helper threads (V8's, libuv's, a worker's) and not its event loop", () => {
    // In a process of its own: the test runner's threads are not the test's to change.
    const script = `
      import { readdirSync, readFileSync } from 'node:fs';
      import { Worker } from 'node:worker_threads';
      import { gzipSync } from 'node:zlib';
      import { startHelperThreadPriority } from './lib/server/helper-threads';
      const worker = new Worker('setTimeout(() => {}, 2000)', { eval: true });
      worker.on('online', () => {
        startHelperThreadPriority();
        const nice = (tid) => Number(readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ')[16]);
        const tids = readdirSync('/proc/self/task').map(Number);
        console.log(JSON.stringify({ main: nice(process.pid), others: tids.filter((t) => t !== process.pid).map(nice) }));
        worker.terminate();
      });
      gzipSync('warm');
    `;
    const result = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--eval', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const { main, others } = JSON.parse(result.stdout) as { main: number; others: number[] };
    expect(main).toBe(0);
    expect(others.length).toBeGreaterThan(3);
    expect(new Set(others)).toEqual(new Set([HELPER_THREAD_NICE]));
  });
});
