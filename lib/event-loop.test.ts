import { describe, expect, it } from 'vitest';
import {
  filterInSlices,
  forEachInSlices,
  runInSlices,
  runToEnd,
  sliceBudget,
  waitingSlices,
  yieldToEventLoop,
} from './event-loop';

describe('filterInSlices', () => {
  it('keeps what the predicate keeps, in order, across slices', async () => {
    const items = Array.from({ length: 2500 }, (_, i) => i);
    await expect(filterInSlices(items, (n) => n % 7 === 0, 1000)).resolves.toEqual(
      items.filter((n) => n % 7 === 0),
    );
    await expect(filterInSlices([], () => true)).resolves.toEqual([]);
  });

  it('lets a timer run between two slices instead of after the whole pass', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('other work'));
    await filterInSlices(
      [1, 2, 3, 4],
      (n) => {
        seen.push(`item ${n}`);
        return true;
      },
      2,
    );
    expect(seen).toEqual(['item 1', 'item 2', 'other work', 'item 3', 'item 4']);
  });
});

describe('forEachInSlices', () => {
  it('visits every item once, in order, with other work between the slices', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('other work'));
    await forEachInSlices([1, 2, 3], (n) => seen.push(`item ${n}`), 2);
    expect(seen).toEqual(['item 1', 'item 2', 'other work', 'item 3']);
  });
});

describe('sliceBudget', () => {
  /** Holds the thread for `ms`, as a cold pass of RE2 or a first, unoptimised zod parse does. */
  const busy = (ms: number) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
  };

  it('ends a slice after its item count when items are quick', () => {
    const slices = sliceBudget(3);
    expect([slices.spent(), slices.spent(), slices.spent()]).toEqual([false, false, true]);
  });

  it('ends a slice of slow items once about 4 ms are spent, long before its item count', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('other work'));
    await forEachInSlices(
      Array.from({ length: 40 }, (_, i) => i),
      (n) => {
        busy(1);
        seen.push(`item ${n}`);
      },
      1000,
    );
    // The clock is read every 16 items: 16 ms had passed by then.
    expect(seen.indexOf('other work')).toBe(16);
    expect(seen.filter((s) => s.startsWith('item'))).toHaveLength(40);
  });

  it('counts again from zero after the yield', async () => {
    const slices = sliceBudget(2);
    slices.spent();
    expect(slices.spent()).toBe(true);
    await slices.next();
    expect(slices.spent()).toBe(false);
  });
});

describe('yieldToEventLoop', () => {
  it('resumes one waiting slice per turn of the loop, in order, so other work never waits for every job', async () => {
    const seen: string[] = [];
    const job = async (name: string) => {
      for (let slice = 1; slice <= 3; slice++) {
        seen.push(`${name}${slice}`);
        if (slice < 3) await yieldToEventLoop();
      }
    };
    const jobs = Promise.all([job('a'), job('b')]);
    expect(waitingSlices()).toBe(2);
    // Queued after both jobs yielded: with a setImmediate of each job's own, a2 and b2 both ran before it.
    setImmediate(() => seen.push('other'));
    await jobs;
    expect(seen).toEqual(['a1', 'b1', 'a2', 'other', 'b2', 'a3', 'b3']);
    expect(waitingSlices()).toBe(0);
  });
});

describe('runInSlices', () => {
  function* counting(n: number): Generator<void, number> {
    let sum = 0;
    for (let i = 1; i <= n; i++) {
      sum += i;
      yield;
    }
    return sum;
  }

  it('returns what the generator returns, the same as runToEnd', async () => {
    await expect(runInSlices(counting(2500), 1000)).resolves.toBe(runToEnd(counting(2500)));
    await expect(runInSlices(counting(0))).resolves.toBe(0);
  });

  it('gives the loop back after each slice', async () => {
    const seen: string[] = [];
    function* steps(): Generator<void, void> {
      for (const step of ['s1', 's2', 's3']) {
        seen.push(step);
        yield;
      }
    }
    setImmediate(() => seen.push('other'));
    await runInSlices(steps(), 2);
    expect(seen).toEqual(['s1', 's2', 'other', 's3']);
  });
});
