import { describe, expect, it, vi } from 'vitest';
import { RateLimitedError } from '@/lib/errors';
import { SharedCache } from './shared-cache';

describe('SharedCache', () => {
  it('shares concurrent loads of one key and serves repeats from memory until the TTL ends', async () => {
    let now = 0;
    const cache = new SharedCache<number>({ maxEntries: 10, now: () => now });
    const load = vi.fn(async () => 42);
    expect(await Promise.all(Array.from({ length: 50 }, () => cache.get('k', 1000, load)))).toEqual(
      Array(50).fill(42),
    );
    expect(load).toHaveBeenCalledTimes(1);
    now = 999;
    await cache.get('k', 1000, load);
    expect(load).toHaveBeenCalledTimes(1);
    now = 1000;
    await cache.get('k', 1000, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not cache failures', async () => {
    const cache = new SharedCache<number>({ maxEntries: 10 });
    await expect(cache.get('k', 1000, async () => Promise.reject(new Error('502')))).rejects.toThrow('502');
    expect(await cache.get('k', 1000, async () => 1)).toBe(1);
  });

  it('evicts the oldest entries beyond maxEntries', async () => {
    const cache = new SharedCache<string>({ maxEntries: 2 });
    for (const k of ['a', 'b', 'c']) await cache.get(k, 60_000, async () => k);
    expect(cache.size).toBe(2);
    const load = vi.fn(async () => 'a2');
    expect(await cache.get('a', 60_000, load)).toBe('a2');
    expect(await cache.get('c', 60_000, async () => 'never')).toBe('c');
  });

  it('keeps answers within maxBytes, oldest out first, and never keeps one larger than the budget', async () => {
    const cache = new SharedCache<string>({ maxEntries: 100, maxBytes: 100, sizeOf: (v) => v.length });
    for (const k of ['a', 'b', 'c']) await cache.get(k, 60_000, async () => k.repeat(40));
    expect(cache.size).toBe(2);
    expect(cache.byteSize).toBe(80);
    const reload = vi.fn(async () => 'a2');
    await cache.get('a', 60_000, reload);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(await cache.get('huge', 60_000, async () => 'x'.repeat(101))).toHaveLength(101);
    expect(cache.byteSize).toBeLessThanOrEqual(100);
    const again = vi.fn(async () => 'x'.repeat(101));
    await cache.get('huge', 60_000, again);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('measures answers by their JSON by default', async () => {
    const cache = new SharedCache<{ v: string }>({ maxEntries: 10, maxBytes: 1000 });
    await cache.get('k', 60_000, async () => ({ v: 'abc' }));
    expect(cache.byteSize).toBe('{"v":"abc"}'.length);
  });

  it('refuses a new load beyond maxInflight with a 429, but still shares one already running', async () => {
    const cache = new SharedCache<number>({ maxEntries: 10, maxInflight: 2 });
    const never = () => new Promise<number>(() => {});
    const a = cache.get('a', 1000, never);
    void cache.get('b', 1000, never);
    await expect(cache.get('c', 1000, async () => 3)).rejects.toBeInstanceOf(RateLimitedError);
    expect(cache.get('a', 1000, never)).toStrictEqual(a);
  });

  it('admits only new loads, and releases the slot when the load ends, failed or not', async () => {
    const cache = new SharedCache<number>({ maxEntries: 10 });
    const release = vi.fn();
    const admit = vi.fn(() => release);
    let finish: (v: number) => void = () => {};
    const first = cache.get('k', 1000, () => new Promise<number>((r) => (finish = r)), admit);
    const joined = cache.get('k', 1000, async () => 0, admit);
    expect(admit).toHaveBeenCalledTimes(1);
    finish(1);
    expect([await first, await joined]).toEqual([1, 1]);
    expect(release).toHaveBeenCalledTimes(1);
    await cache.get('k', 1000, async () => 2, admit);
    expect(admit).toHaveBeenCalledTimes(1);
    await expect(cache.get('f', 1000, async () => Promise.reject(new Error('502')), admit)).rejects.toThrow();
    expect(release).toHaveBeenCalledTimes(2);
  });

  it('starts nothing when admit refuses, so another caller of the key is not refused with it', async () => {
    const cache = new SharedCache<number>({ maxEntries: 10 });
    const load = vi.fn(async () => 1);
    const refuse = () => {
      throw new RateLimitedError('busy', 1);
    };
    await expect(cache.get('k', 1000, load, refuse)).rejects.toBeInstanceOf(RateLimitedError);
    expect(load).not.toHaveBeenCalled();
    expect(await cache.get('k', 1000, load)).toBe(1);
  });
});
