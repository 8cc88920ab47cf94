/**
 * Links that open an expression where people explore it further: Prometheus' own graph page and
 * Grafana Explore. Pure and browser-safe; the bases come from the alert detail API (`links`).
 */

/** A window of the graph: the last `rangeSeconds`, or [fromMs, toMs] after a zoom. */
export type LinkWindow = { rangeSeconds: number } | { fromMs: number; toMs: number };

/**
 * A Prometheus duration: the largest unit that divides it (Prometheus' range_input takes these).
 *
 *   promDuration(900) → '15m';  promDuration(7 * 86400) → '7d';  promDuration(90) → '90s'
 */
export function promDuration(seconds: number): string {
  const s = Math.max(1, Math.round(seconds));
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const)
    if (s % size === 0) return `${s / size}${unit}`;
  return `${s}s`;
}

/**
 * Prometheus' graph page with the expression in its first panel. Its URL parameters (`g0.expr`,
 * `g0.tab=0` for the graph tab, `g0.range_input` a duration, `g0.end_input` a UTC time
 * "YYYY-MM-DD HH:mm:ss") are those Prometheus itself writes when you share a graph.
 *
 *   prometheusGraphUrl('http://prom:9090', 'up == 0', { rangeSeconds: 3600 })
 *     → 'http://prom:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=0&g0.range_input=1h'
 */
export function prometheusGraphUrl(base: string, expr: string, window: LinkWindow): string {
  const params = new URLSearchParams({ 'g0.expr': expr, 'g0.tab': '0' });
  if ('rangeSeconds' in window) params.set('g0.range_input', promDuration(window.rangeSeconds));
  else {
    params.set('g0.range_input', promDuration((window.toMs - window.fromMs) / 1000));
    params.set('g0.end_input', new Date(window.toMs).toISOString().slice(0, 19).replace('T', ' '));
  }
  return `${base}/graph?${params}`;
}

export type GrafanaTarget = { url: string; datasourceUid: string | null };

/**
 * Grafana Explore with the expression as query A, in the URL form Grafana 10 and later read
 * (`/explore?schemaVersion=1&panes=<JSON>`, one pane). Without a datasource uid Explore uses its default
 * data source; a relative window is written `now-1h`, a zoomed one as epoch milliseconds.
 */
export function grafanaExploreUrl(grafana: GrafanaTarget, expr: string, window: LinkWindow): string {
  const datasource = grafana.datasourceUid ? { type: 'prometheus', uid: grafana.datasourceUid } : undefined;
  const range =
    'rangeSeconds' in window
      ? { from: `now-${promDuration(window.rangeSeconds)}`, to: 'now' }
      : { from: String(Math.floor(window.fromMs)), to: String(Math.ceil(window.toMs)) };
  const pane = {
    ...(datasource ? { datasource: datasource.uid } : {}),
    queries: [{ refId: 'A', expr, ...(datasource ? { datasource } : {}) }],
    range,
  };
  const params = new URLSearchParams({
    schemaVersion: '1',
    panes: JSON.stringify({ vigil: pane }),
    orgId: '1',
  });
  return `${grafana.url}/explore?${params}`;
}
