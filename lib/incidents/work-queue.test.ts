import { describe, expect, it } from 'vitest';
import { createWorkQueue } from './work-queue';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('createWorkQueue', () => {
  it('runs at most `concurrency` works at once, in arrival order', async () => {
    const queue = createWorkQueue(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      queue.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    expect(started).toEqual([0, 1]);
    expect(queue.load()).toEqual({ running: 2, waiting: 1 });
    gates[1]?.resolve();
    expect(await runs[1]).toBe(1);
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.resolve();
    gates[2]?.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(queue.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('passes a failure to its caller and goes on with the next work', async () => {
    const queue = createWorkQueue(1);
    const failing = queue.run(() => Promise.reject(new Error('database down')));
    const after = queue.run(async () => 'stored');
    await expect(failing).rejects.toThrow('database down');
    expect(await after).toBe('stored');
  });
});
