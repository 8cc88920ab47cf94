import 'server-only';
import { currentAlertIndex } from '@/lib/alerts/query';
import { ConflictError, ValidationError } from '@/lib/errors';
import { type LinkedAlertInput, lockAlerts } from './auto-open';
import { incidentLabel } from './incident-ref';
import type { Tx } from './mutation';

/**
 * Alerts people attach to incidents (opening one for them, or linking them to a declared one): the
 * named alerts must fire now, and an alert belongs to at most one incident that is not resolved.
 */

/** The named alerts as the current snapshot has them; a ValidationError lists the ones not firing. */
export async function firingAlerts(
  targets: readonly (string | { fingerprint: string; cluster?: string })[],
): Promise<LinkedAlertInput[]> {
  const { index } = await currentAlertIndex();
  const found: LinkedAlertInput[] = [];
  const missing: string[] = [];
  for (const t of targets) {
    const { fingerprint, cluster } = typeof t === 'string' ? { fingerprint: t, cluster: undefined } : t;
    let hit: LinkedAlertInput | undefined;
    for (const [name, alerts] of index.byFingerprint()) {
      if (cluster !== undefined && name !== cluster) continue;
      const item = alerts.get(fingerprint)?.item;
      if (item) {
        hit = {
          cluster: name,
          fingerprint,
          alertname: item.alertname,
          labels: item.labels,
          startsAt: new Date(item.startsAt),
        };
        break;
      }
    }
    if (hit) {
      if (!found.some((f) => f.cluster === hit.cluster && f.fingerprint === hit.fingerprint)) found.push(hit);
    } else missing.push(fingerprint);
  }
  if (missing.length > 0)
    throw new ValidationError('Some alerts are not firing (any more); reload the alerts and try again.', {
      alerts: `not firing: ${missing.join(', ')}`,
    });
  return found;
}

/**
 * Takes the alerts' per-alert locks (the same ones auto-open takes, so a webhook cannot open an incident
 * for them meanwhile) and refuses with a ConflictError naming the incident that already has one of them.
 * `hint` ends the message: what to do instead.
 */
export async function claimAlerts(tx: Tx, alerts: readonly LinkedAlertInput[], hint: string): Promise<void> {
  if (alerts.length === 0) return;
  await lockAlerts(
    tx,
    alerts.map((a) => `${a.cluster}/${a.fingerprint}`),
  );
  const taken = await tx.incidentAlert.findFirst({
    where: {
      OR: alerts.map((a) => ({ cluster: a.cluster, fingerprint: a.fingerprint })),
      incident: { status: { not: 'resolved' } },
    },
    include: { incident: { select: { id: true, number: true } } },
  });
  if (taken) {
    const ref = incidentLabel(taken.incident.number);
    throw new ConflictError(
      `Alert ${taken.alertname} (${taken.fingerprint}) is already part of ${ref}; ${hint}.`,
      {
        id: taken.incident.id,
        ref,
      },
    );
  }
}
