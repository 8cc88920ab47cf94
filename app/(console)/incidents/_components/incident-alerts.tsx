import { LocalTime } from '@/components/format/local-time';
import { Badge } from '@/components/ui/badge';
import { Link } from '@/components/ui/link';
import type { IncidentDetail } from '@/lib/incidents/incident-schemas';

/** The incident's alerts, each firing or resolved (with when). */
export function IncidentAlerts({ alerts }: { alerts: IncidentDetail['alerts'] }) {
  if (alerts.length === 0)
    return (
      <p className="text-sm text-muted">
        No alerts are linked. To add one, open the alert and choose “Add to incident…”.
      </p>
    );
  return (
    <ul className="flex flex-col gap-2" data-testid="incident-alerts">
      {alerts.map((a) => (
        <li key={`${a.cluster}/${a.fingerprint}`} className="flex flex-wrap items-center gap-2 text-sm">
          {a.resolvedAt ? <Badge tone="ok">resolved</Badge> : <Badge tone="danger">firing</Badge>}
          <Link
            href={`/alerts/${encodeURIComponent(a.fingerprint)}?cluster=${encodeURIComponent(a.cluster)}`}
            className="font-medium text-accent hover:underline"
          >
            {a.alertname}
          </Link>
          {a.labels.instance ? <span className="text-muted">{a.labels.instance}</span> : null}
          {a.runbook ? (
            <Link href={a.runbook.url} className="text-accent hover:underline" data-testid="incident-runbook">
              Runbook: {a.runbook.title}
            </Link>
          ) : null}
          <span className="text-xs text-muted">
            since <LocalTime at={a.startsAt} />
            {a.resolvedAt ? (
              <>
                , resolved <LocalTime at={a.resolvedAt} />
              </>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
