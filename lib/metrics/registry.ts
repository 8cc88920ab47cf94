import 'server-only';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { onUpstreamRequest } from '@/lib/upstreams/observe';

/**
 * Vigil's own Prometheus metrics (served at /metrics). One registry per process, kept on globalThis
 * because Next may load this module in several bundles. Gauges that describe current state (snapshot
 * age, database) are filled by collectors registered with `onCollect` when /metrics is scraped.
 */

type Metrics = {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  upstreamRequests: Counter<'source' | 'name' | 'endpoint' | 'outcome'>;
  upstreamDuration: Histogram<'source' | 'name'>;
  snapshotAge: Gauge<'source' | 'name'>;
  databaseUp: Gauge;
  webhookNotifications: Counter<'outcome'>;
  alertEvents: Counter<'source' | 'outcome'>;
  pipelineCheckOk: Gauge<'check' | 'kind' | 'subject'>;
  collectors: Set<() => Promise<void> | void>;
};

const KEY = Symbol.for('vigil.metrics');
const store = globalThis as unknown as Record<symbol, Metrics | undefined>;

function create(): Metrics {
  const registry = new Registry();
  // The event-loop delay histogram samples every millisecond, not prom-client's default 10: a reading is
  // the time between two ticks of its timer, so at 10 ms an idle loop reads 10 ms and a 40 ms stall reads
  // up to 50 (prometheus/client_js#370). At 1 ms a reading overstates a stall by 1 ms at most, for a
  // native timer callback a millisecond (no JavaScript runs in it).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 1 });
  const collectors = new Set<() => Promise<void> | void>();
  const metrics: Metrics = {
    registry,
    collectors,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Duration of HTTP requests to the Vigil API, by route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    upstreamRequests: new Counter({
      name: 'vigil_upstream_requests_total',
      help: 'Requests to Prometheus, Alertmanager and Loki, by upstream, API endpoint and outcome (ok, error).',
      labelNames: ['source', 'name', 'endpoint', 'outcome'],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: 'vigil_upstream_request_duration_seconds',
      help: 'Duration of requests to upstreams.',
      labelNames: ['source', 'name'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    snapshotAge: new Gauge({
      name: 'vigil_snapshot_age_seconds',
      help: 'Age of the last good snapshot of each upstream (-1: never fetched).',
      labelNames: ['source', 'name'],
      registers: [registry],
    }),
    databaseUp: new Gauge({
      name: 'vigil_database_up',
      help: 'Whether PostgreSQL answers.',
      registers: [registry],
    }),
    webhookNotifications: new Counter({
      name: 'vigil_webhook_notifications_total',
      help: 'Alertmanager webhook notifications received, by outcome: accepted (200 once committed; its alerts may all have been duplicates), unauthorized (401), invalid (400), too_large (413), unavailable (503: the database failed, Alertmanager retries).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    alertEvents: new Counter({
      name: 'vigil_alert_events_total',
      help: 'Alert events (fired, resolved) from the webhook and the poller, by outcome: stored, duplicate (already stored: a resend, the other HA peer or the other source), failed (the database failed).',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    }),
    pipelineCheckOk: new Gauge({
      name: 'vigil_pipeline_check_ok',
      help: 'Whether each check of the alerting pipeline works (1) or is broken (0), as the pipeline watch last saw it; absent while not known (no poll answered yet, or a heartbeat paused because its cluster is unreachable).',
      labelNames: ['check', 'kind', 'subject'],
      registers: [registry],
    }),
  };
  onUpstreamRequest((o) => {
    metrics.upstreamRequests.inc({
      source: o.source,
      name: o.name,
      endpoint: o.endpoint,
      outcome: o.ok ? 'ok' : 'error',
    });
    metrics.upstreamDuration.observe({ source: o.source, name: o.name }, o.seconds);
  });
  return metrics;
}

export function metrics(): Metrics {
  store[KEY] ??= create();
  return store[KEY];
}

/** Registers a function that refreshes state gauges just before each scrape. */
export function onCollect(collector: () => Promise<void> | void): void {
  metrics().collectors.add(collector);
}

export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  await Promise.all([...m.collectors].map((c) => c()));
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
