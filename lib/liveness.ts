/**
 * When each of Vigil's own jobs last worked, for the outbound heartbeat (lib/server/outbound-heartbeat.ts):
 * background loops report each tick that completed (lib/loop.ts), the webhook each store that
 * succeeded or failed. In memory per process, on globalThis because start-up and the routes may be
 * separate module graphs.
 *
 *   reportLiveness('escalation pass', true, 1000); livenessOf('escalation pass') → {lastOkAt: 1000, lastFailedAt: undefined}
 */

export type Liveness = { lastOkAt: number | undefined; lastFailedAt: number | undefined };

const KEY = Symbol.for('vigil.liveness');
const store = globalThis as unknown as Record<symbol, Map<string, Liveness> | undefined>;
const table = () => {
  store[KEY] ??= new Map();
  return store[KEY];
};

export function reportLiveness(what: string, ok: boolean, at = Date.now()): void {
  const entry = table().get(what) ?? { lastOkAt: undefined, lastFailedAt: undefined };
  table().set(what, ok ? { ...entry, lastOkAt: at } : { ...entry, lastFailedAt: at });
}

export function livenessOf(what: string): Liveness {
  return table().get(what) ?? { lastOkAt: undefined, lastFailedAt: undefined };
}
