import { createHash } from 'node:crypto';

/**
 * Synthetic alerts with the label sets a real fleet produces: an alertname from a catalogue of twelve
 * common rules, its severity and job, `instance` as `host-N:9100`, namespace/pod for the Kubernetes
 * ones, summary/description annotations. Deterministic: alert `i` is always the same alert, so a
 * second batch (1,000 → 10,000) adds alerts rather than replacing them.
 */

type Rule = { alertname: string; severity: string; job: string; k8s?: boolean; summary: string };

const CATALOGUE: Rule[] = [
  { alertname: 'InstanceDown', severity: 'critical', job: 'node', summary: 'Instance is down' },
  { alertname: 'HighCPUUsage', severity: 'warning', job: 'node', summary: 'CPU usage above 90%' },
  { alertname: 'DiskSpaceLow', severity: 'warning', job: 'node', summary: 'Less than 10% disk space left' },
  { alertname: 'HighMemoryUsage', severity: 'warning', job: 'node', summary: 'Memory usage above 90%' },
  { alertname: 'PostgreSQLDown', severity: 'critical', job: 'postgres', summary: 'PostgreSQL is down' },
  {
    alertname: 'PostgreSQLReplicationLag',
    severity: 'warning',
    job: 'postgres',
    summary: 'Replica is more than 30 s behind',
  },
  { alertname: 'HighErrorRate', severity: 'critical', job: 'api', k8s: true, summary: '5xx above 5%' },
  { alertname: 'HighLatency', severity: 'warning', job: 'api', k8s: true, summary: 'p99 latency above 1 s' },
  {
    alertname: 'PodCrashLooping',
    severity: 'warning',
    job: 'kube-state-metrics',
    k8s: true,
    summary: 'Pod is restarting',
  },
  { alertname: 'EndpointProbeFailed', severity: 'critical', job: 'blackbox', summary: 'HTTP probe failed' },
  {
    alertname: 'CertificateExpiringSoon',
    severity: 'info',
    job: 'blackbox',
    summary: 'TLS certificate expires in < 14 days',
  },
  { alertname: 'NTPClockSkew', severity: 'info', job: 'node', summary: 'Clock skew above 50 ms' },
];

const NAMESPACES = ['payments', 'checkout', 'search', 'identity', 'platform'];

export type SyntheticAlert = {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
};

/** Alert number `i` (0-based). @example syntheticAlert(0).labels → {alertname:'InstanceDown', instance:'host-0:9100', …} */
function syntheticAlert(i: number, now = Date.now()): SyntheticAlert {
  const rule = CATALOGUE[i % CATALOGUE.length] as Rule;
  const host = `host-${i}`;
  const labels: Record<string, string> = {
    alertname: rule.alertname,
    severity: rule.severity,
    instance: `${host}:9100`,
    job: rule.job,
  };
  if (rule.k8s) {
    const namespace = NAMESPACES[i % NAMESPACES.length] as string;
    labels.namespace = namespace;
    labels.pod = `${namespace}-${(i * 2654435761).toString(36).slice(-5)}-${i % 7}`;
  }
  return {
    labels,
    annotations: {
      summary: `${rule.summary} on ${host}`,
      description: `${rule.alertname} has been firing for ${host} (${rule.job}). See the runbook for the next steps.`,
    },
    // Spread over the last six hours, minute-aligned: the same alert keeps the same start.
    startsAt: new Date(Math.floor(now / 60_000) * 60_000 - (i % 360) * 60_000).toISOString(),
  };
}

/** The filter that matches exactly the synthetic alerts in Vigil's and Alertmanager's APIs. */
export const SYNTHETIC_FILTER = 'instance=~"host-.*"';

/** Alertmanager's POST /api/v2/alerts body for alerts [from, to), firing for the next four hours. */
function postableAlerts(from: number, to: number, now = Date.now()) {
  const endsAt = new Date(now + 4 * 3_600_000).toISOString();
  return Array.from({ length: to - from }, (_, k) => {
    const a = syntheticAlert(from + k, now);
    return {
      ...a,
      endsAt,
      generatorURL: `http://prometheus.example:9090/graph?g0.expr=${a.labels.alertname}`,
    };
  });
}

/** Posts alerts [from, to) to every peer in batches, as Prometheus would (it sends to all peers). */
export async function postToPeers(peers: readonly string[], from: number, to: number): Promise<void> {
  const BATCH = 1000;
  for (let start = from; start < to; start += BATCH) {
    const body = JSON.stringify(postableAlerts(start, Math.min(to, start + BATCH)));
    await Promise.all(
      peers.map(async (peer) => {
        const res = await fetch(`${peer}/api/v2/alerts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        if (!res.ok)
          throw new Error(`POST ${peer}/api/v2/alerts answered ${res.status}: ${await res.text()}`);
      }),
    );
  }
}

/** A stable 16-hex-digit fingerprint, like Alertmanager's (which hashes the label set). */
function fingerprintOf(labels: Record<string, string>): string {
  const text = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join('\xff');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * Webhook notification (payload version 4) number `n` with `size` alerts of its own, as peer
 * `externalURL` sends it. The alerts are new (webhook-only labels), so the poller never records them
 * and every `alert_events` row of theirs comes from these notifications.
 */
export function webhookNotification(n: number, size: number, externalURL: string, runId: string) {
  const alerts = Array.from({ length: size }, (_, k) => {
    const a = syntheticAlert(n * size + k);
    const labels: Record<string, string> = { ...a.labels, instance: `wh-${runId}-${n * size + k}:9100` };
    return {
      status: 'firing' as const,
      labels,
      annotations: a.annotations,
      startsAt: a.startsAt,
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: '',
      fingerprint: fingerprintOf(labels),
    };
  });
  const alertname = alerts[0]?.labels.alertname ?? 'Bench';
  return {
    version: '4',
    groupKey: `{}:{bench="${runId}", batch="${n}"}`,
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'default',
    groupLabels: { alertname },
    commonLabels: {},
    commonAnnotations: {},
    externalURL,
    alerts,
  };
}
