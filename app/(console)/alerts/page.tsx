import { Suspense } from 'react';
import { AlertsView } from '@/components/alerts/alerts-view';
import { heartbeatExclusion } from '@/components/alerts/heartbeat';
import { apiQuery, readViewState } from '@/components/alerts/view-state';
import { PageHeader } from '@/components/ui/page-header';
import { type AlertsResponse, alertsQuerySchema } from '@/lib/alerts/api-schema';
import { queryAlerts } from '@/lib/alerts/query';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { config } from '@/lib/config/current';

export const metadata = { title: 'Alerts' };

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requirePageUser();
  const raw = await searchParams;
  const params = new URLSearchParams(
    Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
  );
  const heartbeats = Object.entries(config().pipelineWatch.heartbeats).map(([cluster, h]) => ({
    cluster,
    match: h.match,
  }));
  const state = readViewState(params);
  const initialQuery = apiQuery(state, heartbeatExclusion(state.filter, heartbeats));
  // The first page is rendered with data; a bad filter is reported by the client, which asks again.
  let initial: AlertsResponse | undefined;
  try {
    initial = await queryAlerts(alertsQuerySchema.parse(initialQuery));
  } catch {
    initial = undefined;
  }
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Every Alertmanager cluster, HA peers merged. Press ? for keys."
      />
      <Suspense>
        <AlertsView
          initial={initial}
          initialQuery={initialQuery}
          renderedAtMs={Date.now()}
          canAct={hasRole(actor.role, 'responder')}
          heartbeats={heartbeats}
        />
      </Suspense>
    </>
  );
}
