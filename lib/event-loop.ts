/** Lets other requests run between slices of CPU work on the event loop (setImmediate runs after I/O). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * `items.filter(keep)` in slices of `slice` items with the event loop free in between, for a predicate
 * that may be slow over many items (RE2 matchers over 10,000 alerts): no request, probe or page waits
 * behind the whole pass.
 *
 *   await filterInSlices([1, 2, 3, 4], (n) => n % 2 === 0, 2) → [2, 4]   (one yield between the slices)
 */
export async function filterInSlices<T>(
  items: readonly T[],
  keep: (item: T) => boolean,
  slice = 1000,
): Promise<T[]> {
  const kept: T[] = [];
  for (let i = 0; i < items.length; i += slice) {
    if (i > 0) await yieldToEventLoop();
    const end = Math.min(items.length, i + slice);
    for (let j = i; j < end; j++) if (keep(items[j] as T)) kept.push(items[j] as T);
  }
  return kept;
}
