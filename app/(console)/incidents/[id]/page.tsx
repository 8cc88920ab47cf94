import { notFound } from 'next/navigation';
import { LocalTime } from '@/components/format/local-time';
import { CopyPhoneLink } from '@/components/incidents/copy-phone-link';
import { EscalateControl } from '@/components/incidents/escalate-control';
import { IncidentControls } from '@/components/incidents/incident-controls';
import { IncidentTimeline } from '@/components/incidents/incident-timeline';
import { nextPagesText } from '@/components/incidents/next-escalation';
import { NextEscalationCountdown } from '@/components/incidents/next-escalation-countdown';
import { NoteForm } from '@/components/incidents/note-form';
import { NoteItem } from '@/components/incidents/note-item';
import { PageDeliveries } from '@/components/incidents/page-deliveries';
import { IncidentStatusBadge, SeverityBadge } from '@/components/incidents/status-badge';
import { Card } from '@/components/ui/card';
import { Link } from '@/components/ui/link';
import { requirePageUser } from '@/lib/auth';
import { hasRole } from '@/lib/auth/roles';
import { NotFoundError } from '@/lib/errors';
import { formatSeconds } from '@/lib/incidents/incident-metrics';
import type { IncidentDetail } from '@/lib/incidents/incident-schemas';
import { getIncident } from '@/lib/incidents/incidents';
import { IncidentAlerts } from '../_components/incident-alerts';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return { title: `Incident ${decodeURIComponent(id)}` };
}

/** One incident: status and people, its alerts, the timeline of everything, and notes. */
export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser();
  const { id } = await params;
  let incident: IncidentDetail;
  try {
    incident = await getIncident(actor, decodeURIComponent(id));
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const canAct = hasRole(actor.role, 'responder');
  const time = (iso: string | null) => <LocalTime at={iso} precision="second" />;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <Link href="/incidents" className="text-sm text-accent hover:underline">
        ← All incidents
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">
          <span className="font-mono">{incident.ref}</span> {incident.title}
        </h1>
        <SeverityBadge severity={incident.severity} />
        <span data-testid="incident-status">
          <IncidentStatusBadge status={incident.status} />
        </span>
        <Link
          href={`/incidents/${incident.ref}/postmortem`}
          className="ml-auto text-sm text-accent hover:underline"
        >
          Post-mortem
        </Link>
      </header>

      {incident.suggestResolve ? (
        <p
          role="status"
          className="rounded-md border border-ok/40 bg-ok/10 px-3 py-2 text-sm"
          data-testid="suggest-resolve"
        >
          Every alert of this incident has resolved. Resolve the incident if the problem is gone.
        </p>
      ) : null}

      <Card title="Status">
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <dt className="text-muted">Opened</dt>
          <dd>{time(incident.openedAt)}</dd>
          <dt className="text-muted">Acknowledged</dt>
          <dd>{time(incident.acknowledgedAt)}</dd>
          <dt className="text-muted">Mitigated</dt>
          <dd>{time(incident.mitigatedAt)}</dd>
          <dt className="text-muted">Resolved</dt>
          <dd>{time(incident.resolvedAt)}</dd>
          <dt className="text-muted">MTTA</dt>
          <dd>{formatSeconds(incident.mttaSeconds)}</dd>
          <dt className="text-muted">MTTR</dt>
          <dd>{formatSeconds(incident.mttrSeconds)}</dd>
          <dt className="text-muted">Commander</dt>
          <dd data-testid="incident-commander">{incident.commander?.name ?? 'nobody yet'}</dd>
          <dt className="text-muted">Escalation level</dt>
          <dd data-testid="escalation-level">
            {incident.escalationLevel > 0 ? `L${incident.escalationLevel}` : 'not escalated'}
          </dd>
          <dt className="text-muted">Next escalation</dt>
          <dd>
            <NextEscalationCountdown next={incident.nextEscalation} />
            {incident.nextEscalation ? (
              <span className="block text-muted" data-testid="next-escalation-pages">
                {nextPagesText(incident.nextEscalation.pages)}
              </span>
            ) : null}
          </dd>
          <dt className="text-muted">Route</dt>
          <dd data-testid="incident-route">
            {incident.route ? (
              <Link href="/escalation?tab=routes" className="text-accent hover:underline">
                {incident.route.name}
                {incident.route.isDefault ? ' (default)' : ''}
              </Link>
            ) : (
              'none'
            )}
          </dd>
          <dt className="text-muted">Team</dt>
          <dd data-testid="incident-team">{incident.team?.name ?? 'none'}</dd>
          <dt className="text-muted">Escalation policy</dt>
          <dd data-testid="incident-policy">
            {incident.policy ? (
              <Link
                href={`/escalation/policies/${incident.policy.id}`}
                className="text-accent hover:underline"
              >
                {incident.policy.name}
              </Link>
            ) : (
              'none'
            )}
          </dd>
          <dt className="text-muted">Opened by</dt>
          <dd>{incident.createdBy?.name ?? 'Vigil (automatically)'}</dd>
        </dl>
        {canAct ? (
          <div className="mt-4 flex flex-col gap-4 border-t border-border pt-4">
            <IncidentControls
              incidentId={incident.id}
              status={incident.status}
              commander={incident.commander?.name ?? null}
            />
            {incident.status !== 'resolved' ? (
              <EscalateControl incidentId={incident.id} level={incident.escalationLevel} />
            ) : null}
            {incident.status === 'open' ? <CopyPhoneLink incidentId={incident.id} /> : null}
          </div>
        ) : null}
      </Card>

      <Card title={`Alerts (${incident.alerts.length})`}>
        <IncidentAlerts alerts={incident.alerts} />
      </Card>

      <Card title={`People paged (${incident.pages.length})`}>
        <PageDeliveries pages={incident.pages} acknowledgement={incident.acknowledgement} />
      </Card>

      <Card title="Timeline">
        <IncidentTimeline entries={incident.timeline} />
      </Card>

      <Card title={`Notes (${incident.notes.length})`}>
        <div className="flex flex-col gap-3">
          {incident.notes.map((note) => (
            <NoteItem
              key={note.id}
              incidentId={incident.id}
              note={note}
              canEdit={canAct && note.author.id === actor.id}
            />
          ))}
          {canAct ? <NoteForm incidentId={incident.id} /> : null}
        </div>
      </Card>
    </div>
  );
}
