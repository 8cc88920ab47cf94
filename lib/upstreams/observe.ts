/**
 * Every upstream request reports here (lib/upstreams/http.ts), so /metrics can count requests,
 * durations and errors per upstream without the clients knowing about metrics.
 */
export type UpstreamObservation = {
  source: string;
  name: string;
  status: number | undefined;
  ok: boolean;
  seconds: number;
};

type Listener = (o: UpstreamObservation) => void;

const KEY = Symbol.for('vigil.upstream-observers');
const store = globalThis as unknown as Record<symbol, Set<Listener> | undefined>;

function listeners(): Set<Listener> {
  store[KEY] ??= new Set();
  return store[KEY];
}

export function onUpstreamRequest(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function observeUpstreamRequest(o: UpstreamObservation): void {
  for (const l of listeners()) l(o);
}
