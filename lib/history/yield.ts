/** Lets other requests run between slices of CPU work on the event loop (setImmediate runs after I/O). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
