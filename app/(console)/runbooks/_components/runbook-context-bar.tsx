import { Link } from '@/components/ui/link';
import type { IncidentRef } from '@/lib/incidents/runbook-steps';
import type { RunbookDetail } from '@/lib/runbooks/api-schema';

type Props = {
  slug: string;
  alertRef: string | undefined;
  alert: { alertname: string; labels: Record<string, string> } | undefined;
  incidentRef: string | undefined;
  incident: IncidentRef | null;
  firing: RunbookDetail['firing'];
};

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .filter(([k]) => k !== 'alertname')
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');

/**
 * What the runbook is open for: the alert whose labels fill it in, the incident its steps are stored
 * on, and the covered alerts firing now (each opens the runbook for that alert). Label values are
 * rendered as text.
 */
export function RunbookContextBar({ slug, alertRef, alert, incidentRef, incident, firing }: Props) {
  const withIncident = incidentRef ? `&incident=${encodeURIComponent(incidentRef)}` : '';
  return (
    <section className="flex flex-col gap-2 text-sm" data-testid="runbook-context">
      {alertRef ? (
        alert ? (
          <p data-testid="runbook-alert-context">
            Filled in for <strong>{alert.alertname}</strong>{' '}
            <span className="break-all font-mono text-xs text-muted">{labelText(alert.labels)}</span> ·{' '}
            <Link className="text-accent hover:underline" href={`/alerts/${encodeURIComponent(alertRef)}`}>
              open the alert
            </Link>
          </p>
        ) : (
          <p role="status" className="text-warn">
            No alert with fingerprint {alertRef} is firing now (it may have resolved): placeholders stay
            unfilled.
          </p>
        )
      ) : null}
      {incidentRef ? (
        incident ? (
          <p data-testid="runbook-incident-context">
            Steps ticked here are recorded on <strong>INC-{incident.number}</strong> ({incident.title}) with
            your name and the time.
          </p>
        ) : (
          <p role="status" className="text-warn">
            Incident {incidentRef} does not exist: the steps below are a local checklist that is not saved.
          </p>
        )
      ) : (
        <p className="text-xs text-muted">
          Not opened for an incident: the steps are a local checklist. Open the runbook from an incident to
          record them on its timeline.
        </p>
      )}
      {firing.length ? (
        <div>
          <p className="font-medium">Firing now ({firing.length})</p>
          <ul className="flex flex-col gap-0.5" data-testid="runbook-firing">
            {firing.slice(0, 20).map((a) => (
              <li key={`${a.cluster}/${a.fingerprint}`}>
                <Link
                  className="text-accent hover:underline"
                  href={`/runbooks/${slug}?alert=${encodeURIComponent(a.fingerprint)}${withIncident}`}
                >
                  {a.alertname}
                </Link>{' '}
                <span className="break-all font-mono text-xs text-muted">{labelText(a.labels)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
