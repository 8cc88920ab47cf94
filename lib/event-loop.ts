/** Lets other requests run between slices of CPU work on the event loop (setImmediate runs after I/O). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Calls `visit` on each item in slices of `slice` items with the event loop free in between, for work
 * that may be slow over many items (RE2 matchers or grouping over 10,000 alerts): no request, probe or
 * page waits behind the whole pass.
 *
 *   await forEachInSlices([1, 2, 3], (n) => seen.push(n), 2)   (one yield between the slices)
 */
export async function forEachInSlices<T>(
  items: readonly T[],
  visit: (item: T) => void,
  slice = 1000,
): Promise<void> {
  for (let i = 0; i < items.length; i += slice) {
    if (i > 0) await yieldToEventLoop();
    const end = Math.min(items.length, i + slice);
    for (let j = i; j < end; j++) visit(items[j] as T);
  }
}

/**
 * `items.filter(keep)` in slices (forEachInSlices).
 *
 *   await filterInSlices([1, 2, 3, 4], (n) => n % 2 === 0, 2) → [2, 4]   (one yield between the slices)
 */
export async function filterInSlices<T>(
  items: readonly T[],
  keep: (item: T) => boolean,
  slice = 1000,
): Promise<T[]> {
  const kept: T[] = [];
  await forEachInSlices(
    items,
    (item) => {
      if (keep(item)) kept.push(item);
    },
    slice,
  );
  return kept;
}
