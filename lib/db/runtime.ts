/**
 * Process-wide state set once at start-up (instrumentation.ts) and read by route handlers. Next may
 * bundle instrumentation and routes into separate module graphs, so the state lives on globalThis.
 */
type RuntimeState = { databaseUrl?: string };

const KEY = Symbol.for('vigil.runtime');
const store = globalThis as unknown as Record<symbol, RuntimeState | undefined>;

export function runtimeState(): RuntimeState {
  store[KEY] ??= {};
  return store[KEY];
}
