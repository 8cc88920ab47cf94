import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { ConflictError } from '@/lib/errors';
import { claimAlerts, firingAlerts } from './alert-claims';
import { insertIncidentAlerts } from './bulk-insert';
import { incidentLabel } from './incident-ref';
import type { IncidentSummary, LinkAlertsBody } from './incident-schemas';
import { incidentSummary, lockIncident } from './incidents';
import { mutate } from './mutation';
import { recordEvents } from './record-event';

/**
 * `POST /api/v1/incidents/{id}/alerts` `{alerts: [fingerprint | {fingerprint, cluster?}]}`: attaches
 * firing alerts to an incident that is not resolved — typically one declared without alerts, once the
 * alerts that explain it fire. Alerts already on this incident are skipped (linking twice is harmless);
 * an alert on another unresolved incident is a ConflictError naming it. Each linked alert gets an
 * `alert.linked` timeline event; its later firings and resolutions are recorded like any other.
 */
export async function linkAlerts(actor: Actor, ref: string, body: LinkAlertsBody): Promise<IncidentSummary> {
  assertRole(actor, 'responder');
  const alerts = await firingAlerts(body.alerts);
  const id = await mutate('the alert links', async (tx) => {
    const incident = await lockIncident(tx, ref);
    const label = incidentLabel(incident.number);
    if (incident.status === 'resolved')
      throw new ConflictError(`${label} is resolved; reopen it (status open) before linking alerts to it.`);
    const present = await tx.incidentAlert.findMany({
      where: { incidentId: incident.id, fingerprint: { in: alerts.map((a) => a.fingerprint) } },
      select: { cluster: true, fingerprint: true },
    });
    const fresh = alerts.filter(
      (a) => !present.some((p) => p.cluster === a.cluster && p.fingerprint === a.fingerprint),
    );
    await claimAlerts(tx, fresh, `link it to one incident only, or resolve ${label} there`);
    const at = new Date();
    await insertIncidentAlerts(
      tx,
      fresh.map((a) => ({ incidentId: incident.id, ...a })),
      at,
    );
    await recordEvents(
      tx,
      fresh.map((a) => ({
        incidentId: incident.id,
        type: 'alert.linked' as const,
        at,
        actorId: actor.id,
        data: {
          cluster: a.cluster,
          fingerprint: a.fingerprint,
          alertname: a.alertname,
          instance: a.labels.instance ?? null,
        },
      })),
    );
    if (fresh.length > 0)
      await audit(tx, actor, 'incident.alerts_linked', label, {
        alerts: fresh.map((a) => `${a.cluster}/${a.fingerprint}`),
      });
    return incident.id;
  });
  return incidentSummary(id);
}
