import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedValue } from './shared-value';

let keys = 0;

/** A load whose answers the test releases one by one. */
function controlledLoad<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  const load = vi.fn(
    () =>
      new Promise<T>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  const answer = async (value: T) => {
    const next = pending.shift();
    if (!next) throw new Error('no load in flight');
    next.resolve(value);
    await flush();
  };
  const fail = async (error: Error) => {
    pending.shift()?.reject(error);
    await flush();
  };
  return { load, answer, fail, inFlight: () => pending.length };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup<T>(initial: T, same?: (a: T, b: T) => boolean) {
  let clock = 1_000_000;
  const loads = controlledLoad<T>();
  const value = sharedValue<T>({
    key: `test-${keys++}`,
    maxAgeMs: 1000,
    initial,
    load: loads.load,
    ...(same ? { same } : {}),
    what: 'the test value',
    now: () => clock,
  });
  return { value, loads, advance: (ms: number) => (clock += ms) };
}

afterEach(() => vi.restoreAllMocks());

describe('sharedValue', () => {
  it('makes the first readers wait for one read, then serves it without reading again while young', async () => {
    const { value, loads, advance } = setup<string>('initial');
    const first = value.get();
    const second = value.get();
    await flush();
    expect(loads.load).toHaveBeenCalledTimes(1);
    await loads.answer('read');
    await expect(first).resolves.toBe('read');
    await expect(second).resolves.toBe('read');
    advance(999);
    await expect(value.get()).resolves.toBe('read');
    expect(loads.load).toHaveBeenCalledTimes(1);
  });

  it('serves an old value at once while one re-read runs, so readers never pile up behind it', async () => {
    const { value, loads, advance } = setup<string>('initial');
    const first = value.get();
    await flush();
    await loads.answer('v1');
    await first;
    advance(1000);
    // Fifty readers of the old value: all answered before the re-read comes back, with one re-read.
    const readers = await Promise.all(Array.from({ length: 50 }, () => value.get()));
    expect(readers.every((r) => r === 'v1')).toBe(true);
    expect(loads.load).toHaveBeenCalledTimes(2);
    expect(loads.inFlight()).toBe(1);
    await loads.answer('v2');
    await expect(value.get()).resolves.toBe('v2');
  });

  it('makes readers wait after an invalidation, so a write is seen by the next read', async () => {
    const { value, loads } = setup<string>('initial');
    const first = value.get();
    await flush();
    await loads.answer('before');
    await first;
    value.invalidate();
    const after = value.get();
    await flush();
    expect(loads.load).toHaveBeenCalledTimes(2);
    await loads.answer('after');
    await expect(after).resolves.toBe('after');
  });

  it('does not take a read that was in flight during an invalidation as fresh', async () => {
    const { value, loads } = setup<string>('initial');
    const first = value.get();
    await flush();
    // The write commits and invalidates while the first read is still out: that read may predate it.
    value.invalidate();
    await loads.answer('maybe before the write');
    await flush();
    expect(loads.load).toHaveBeenCalledTimes(2);
    await loads.answer('after the write');
    await expect(first).resolves.toBe('after the write');
  });

  it('serves the last value when a read fails, logs once, and reads again after maxAge', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { value, loads, advance } = setup<string>('initial');
    const first = value.get();
    await flush();
    await loads.answer('good');
    await first;
    advance(1000);
    await expect(value.get()).resolves.toBe('good');
    await loads.fail(new Error('database down'));
    advance(1000);
    await expect(value.get()).resolves.toBe('good');
    await loads.fail(new Error('still down'));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('reading the test value failed');
    advance(1000);
    await expect(value.get()).resolves.toBe('good');
    await loads.answer('back');
    await expect(value.get()).resolves.toBe('back');
  });

  it('answers the initial value when the very first read fails, instead of failing the request', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { value, loads } = setup<string[]>([]);
    const first = value.get();
    await flush();
    await loads.fail(new Error('database down'));
    await expect(first).resolves.toEqual([]);
  });

  it('keeps the current object when the new value is the same, so caches keyed on it stay warm', async () => {
    const { value, loads, advance } = setup<{ n: number }>({ n: 0 }, (a, b) => a.n === b.n);
    const first = value.get();
    await flush();
    await loads.answer({ n: 1 });
    const kept = await first;
    advance(1000);
    await value.get();
    await loads.answer({ n: 1 });
    expect(await value.get()).toBe(kept);
    advance(1000);
    await value.get();
    await loads.answer({ n: 2 });
    expect(await value.get()).toEqual({ n: 2 });
  });
});
