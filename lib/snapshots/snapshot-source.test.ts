import { afterEach, describe, expect, it, vi } from 'vitest';
import { SnapshotSource } from './snapshot-source';

afterEach(() => {
  vi.useRealTimers();
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SnapshotSource', () => {
  it('shares one in-flight fetch between any number of concurrent first readers', async () => {
    const pending = deferred<string>();
    const fetch = vi.fn(() => pending.promise);
    const source = new SnapshotSource({ name: 't', intervalMs: 10_000, fetch });
    const readers = Array.from({ length: 50 }, () => source.get());
    pending.resolve('data');
    const views = await Promise.all(readers);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(views.every((v) => v.data === 'data')).toBe(true);
  });

  it('serves later reads from memory without fetching', async () => {
    const fetch = vi.fn(async () => 1);
    const source = new SnapshotSource({ name: 't', intervalMs: 10_000, fetch });
    await source.get();
    await Promise.all(Array.from({ length: 20 }, () => source.get()));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('patches the data between polls without fetching, and ignores a patch before the first fetch', async () => {
    const fetch = vi.fn(async () => ({ alerts: 1, silences: ['a'] }));
    const source = new SnapshotSource({ name: 't', intervalMs: 10_000, fetch });
    source.patch((d) => ({ ...d, silences: ['ignored'] }));
    await source.get();
    source.patch((d) => ({ ...d, silences: ['a', 'b'] }));
    expect((await source.get()).data).toEqual({ alerts: 1, silences: ['a', 'b'] });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('keeps the last good data with its age and the error when a fetch fails', async () => {
    let now = 1_000_000;
    let fail = false;
    const source = new SnapshotSource({
      name: 'am',
      intervalMs: 10_000,
      now: () => now,
      fetch: async () => {
        if (fail)
          throw Object.assign(new Error('Alertmanager refused the connection'), {
            hint: 'check ALERTMANAGER_URLS',
          });
        return ['alert'];
      },
    });
    await source.get();
    fail = true;
    now += 15_000;
    await source.refresh();
    const view = source.view();
    expect(view.data).toEqual(['alert']);
    expect(view.ageSeconds).toBe(15);
    expect(view.stale).toBe(false);
    expect(view.error).toEqual({
      message: 'Alertmanager refused the connection',
      hint: 'check ALERTMANAGER_URLS',
      at: now,
    });
    now += 10_000;
    expect(source.view().stale).toBe(true);

    fail = false;
    await source.refresh();
    expect(source.view()).toMatchObject({ error: undefined, ageSeconds: 0, stale: false });
  });

  it('reports a first fetch that failed without data instead of throwing', async () => {
    const source = new SnapshotSource({
      name: 'p',
      intervalMs: 10_000,
      fetch: async () => {
        throw new Error('down');
      },
    });
    const view = await source.get();
    expect(view).toMatchObject({
      data: undefined,
      ageSeconds: undefined,
      stale: true,
      error: { message: 'down' },
    });
  });

  it('polls once per interval, never overlapping a slow fetch', async () => {
    vi.useFakeTimers();
    let inflight = 0;
    let maxInflight = 0;
    const fetch = vi.fn(async () => {
      inflight++;
      maxInflight = Math.max(maxInflight, inflight);
      await new Promise((r) => setTimeout(r, 3_000));
      inflight--;
      return 'x';
    });
    const source = new SnapshotSource({ name: 't', intervalMs: 10_000, fetch });
    source.start();
    source.start(); // idempotent
    await vi.advanceTimersByTimeAsync(3_000 + 10_000 + 3_000 + 10_000 + 3_000);
    source.stop();
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(maxInflight).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('rests three times as long as a slow fetch took (restFactor 3), at most a minute', async () => {
    vi.useFakeTimers();
    let fetchMs = 8_000;
    const starts: number[] = [];
    const fetch = vi.fn(async () => {
      starts.push(Date.now());
      await new Promise((r) => setTimeout(r, fetchMs));
      return 'x';
    });
    const source = new SnapshotSource({ name: 'am', intervalMs: 10_000, restFactor: 3, fetch });
    const t0 = Date.now();
    source.start();
    await vi.advanceTimersByTimeAsync(8_000);
    // 8 s of fetching: the next poll waits 24 s, and successful polls are 32 s apart.
    expect(source.view()).toMatchObject({ intervalSeconds: 32, stale: false });
    await vi.advanceTimersByTimeAsync(23_999);
    expect(fetch).toHaveBeenCalledTimes(1);
    fetchMs = 30_000;
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual([t0, t0 + 32_000]);
    // 30 s of fetching would ask for 90 s of rest: capped at 60 s.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(source.view().intervalSeconds).toBe(90);
    fetchMs = 100;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts.at(-1)).toBe(t0 + 32_000 + 30_000 + 60_000);
    // A fast fetch again: back to the configured interval.
    await vi.advanceTimersByTimeAsync(100);
    expect(source.view().intervalSeconds).toBeCloseTo(10.1);
    source.stop();
  });

  it("counts staleness in the slow upstream's own period", async () => {
    let now = 0;
    const source = new SnapshotSource({
      name: 'am',
      intervalMs: 10_000,
      restFactor: 3,
      now: () => now,
      fetch: async () => {
        now += 8_000;
        return 'x';
      },
    });
    await source.refresh();
    now += 63_000;
    expect(source.view().stale).toBe(false);
    now += 2_000;
    expect(source.view().stale).toBe(true);
  });
});

describe('SnapshotSource onUpdate', () => {
  it('gets the previous and the new data after each successful fetch, and cannot break polling', async () => {
    let n = 0;
    const seen: [number | undefined, number][] = [];
    const source = new SnapshotSource({
      name: 't',
      intervalMs: 10_000,
      fetch: async () => ++n,
      onUpdate: (previous, next) => {
        seen.push([previous, next]);
        if (next === 2) throw new Error('recorder failed');
      },
    });
    await source.refresh();
    await source.refresh();
    await source.refresh();
    expect(seen).toEqual([
      [undefined, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(source.view()).toMatchObject({ data: 3, error: undefined });
  });
});
