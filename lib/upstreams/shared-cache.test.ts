import { describe, expect, it, vi } from 'vitest';
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
});
