import { describe, expect, it } from 'vitest';
import { filterInSlices, forEachInSlices } from './event-loop';

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
