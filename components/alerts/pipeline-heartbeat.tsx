'use client';

import { StatusDot } from '@/components/ui/badge';
import { Link } from '@/components/ui/link';
import { listAlertsOp } from '@/lib/alerts/api';
import { useApiQuery } from '@/lib/api/query';
import { type Heartbeat, heartbeatFilter, heartbeatStatus } from './heartbeat';

/**
 * The heartbeat (Watchdog) as pipeline health above the alerts list: "Pipeline heartbeat OK", or which
 * cluster's heartbeat is missing, linking to the runbook. Nothing when no heartbeat is configured.
 */
export function PipelineHeartbeat({ heartbeats }: { heartbeats: readonly Heartbeat[] }) {
  // Clusters usually share one match (the default, alertname="Watchdog"): one request for all of them.
  const filters = [...new Set(heartbeats.map((h) => heartbeatFilter(h.match)))];
  return (
    <>
      {filters.map((filter) => (
        <HeartbeatOf
          key={filter}
          filter={filter}
          heartbeats={heartbeats.filter((h) => heartbeatFilter(h.match) === filter)}
        />
      ))}
    </>
  );
}

function HeartbeatOf({ filter, heartbeats }: { filter: string; heartbeats: readonly Heartbeat[] }) {
  const { data, isError } = useApiQuery(
    listAlertsOp,
    { query: { filter, group_by: '', state: 'active,acknowledged', offset: 0, limit: 100 } },
    { refetchInterval: 10_000 },
  );
  if (!data && !isError) return null;
  const missing = isError ? [] : heartbeatStatus(data?.alerts ?? [], heartbeats).filter((s) => !s.ok);
  const label = isError
    ? 'Pipeline heartbeat unknown (Vigil did not answer)'
    : missing.length === 0
      ? 'Pipeline heartbeat OK'
      : `Pipeline heartbeat missing${heartbeats.length > 1 ? ` on ${missing.map((m) => m.cluster).join(', ')}` : ''}`;
  return (
    <Link
      href="/runbooks/watchdog"
      className="text-sm hover:underline"
      data-testid="pipeline-heartbeat"
      data-ok={!isError && missing.length === 0}
      title={`The always-firing ${filter} alert proves Prometheus → Alertmanager → Vigil works`}
    >
      <StatusDot tone={isError ? 'neutral' : missing.length === 0 ? 'ok' : 'danger'} label={label} />
    </Link>
  );
}
