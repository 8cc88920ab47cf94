/**
 * Every upstream request reports here (lib/upstreams/http.ts), so /metrics can count requests,
 * durations and errors per upstream without the clients knowing about metrics.
 */
export type UpstreamObservation = {
  source: string;
  name: string;
  /** The API path with ids and label names replaced, e.g. '/api/v2/silence/:id'. */
  endpoint: string;
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

/**
 * Keeps metric labels bounded: ids and label names in paths become placeholders.
 *
 *   endpointOf('/api/v2/silence/2f1c…') → '/api/v2/silence/:id'
 *   endpointOf('/loki/api/v1/label/job/values') → '/loki/api/v1/label/:name/values'
 */
export function endpointOf(path: string): string {
  return path
    .replace(/\/silence\/[^/]+/, '/silence/:id')
    .replace(/\/label\/[^/]+\/values/, '/label/:name/values');
}
