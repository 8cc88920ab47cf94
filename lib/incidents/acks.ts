import 'server-only';
import { postSilence } from '@/lib/alertmanager/client';
import { writeWithFailover } from '@/lib/alertmanager/cluster';
import type { Silence } from '@/lib/alertmanager/schemas';
import { invalidateAcks } from '@/lib/alerts/ack-state';
import { currentAlertIndex } from '@/lib/alerts/query';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { config } from '@/lib/config/current';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { showOwnSilenceExpired, showOwnSilences } from '@/lib/snapshots/sources';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { ackSilence } from './ack-lifecycle';
import type { AckOutcome, GroupAckResult } from './ack-schemas';
import { clusterNamed, expireKnownSilence } from './cluster-peers';
import { acknowledgeIncidentForAlert } from './incidents';
import { auditFailure, mutate, type Tx, type Undo } from './mutation';
import { recordEvent } from './record-event';
import { type AckBody, ackDurationMs, type GroupAckBody } from './silence-input';

/**
 * Acknowledging alerts: a record in PostgreSQL (who, when, comment, the alert's labels, its incident)
 * and, by default, an Alertmanager silence of exactly that alert which the poller extends while the
 * alert fires and expires when it resolves (ack-reconciler.ts). Every function checks the role itself.
 */

type Target = { fingerprint: string; cluster?: string };

/**
 * `POST /api/v1/alerts/{fingerprint}/ack`: the alert of `target`, in the target's cluster or else the
 * body's. ConflictError when the alert is acknowledged already.
 */
export async function acknowledgeAlert(actor: Actor, target: Target, body: AckBody): Promise<AckOutcome> {
  assertRole(actor, 'responder');
  const { silence, ...outcome } = await ackOne(
    actor,
    { fingerprint: target.fingerprint, cluster: target.cluster ?? body.cluster },
    body,
  );
  if (silence) showOwnSilences(outcome.cluster, [silence]);
  return outcome;
}

/**
 * `POST /api/v1/acks`: a whole group in one action. Each alert gets its own acknowledgement and silence,
 * so each one ends when its own alert resolves; an alert already acknowledged, or resolved meanwhile,
 * is reported and skipped rather than failing the rest.
 */
export async function acknowledgeAlerts(
  actor: Actor,
  { alerts, ...body }: GroupAckBody,
): Promise<{ results: GroupAckResult[] }> {
  assertRole(actor, 'responder');
  const results: GroupAckResult[] = [];
  const created: { cluster: string; silence: Silence }[] = [];
  // Four at a time: quick for a group of hundreds, gentle on Alertmanager and the connection pool.
  for (let i = 0; i < alerts.length; i += 4) {
    const batch = alerts.slice(i, i + 4);
    results.push(
      ...(await Promise.all(
        batch.map(async (target): Promise<GroupAckResult> => {
          try {
            const { silence, ...outcome } = await ackOne(actor, target, body);
            if (silence) created.push({ cluster: outcome.cluster, silence });
            return { ...target, status: 'acknowledged', ...outcome };
          } catch (error) {
            const status =
              error instanceof ConflictError
                ? 'already'
                : error instanceof NotFoundError
                  ? 'not-found'
                  : 'failed';
            return { ...target, status, message: (error as Error).message };
          }
        }),
      )),
    );
  }
  for (const cluster of new Set(created.map((c) => c.cluster)))
    showOwnSilences(
      cluster,
      created.filter((c) => c.cluster === cluster).map((c) => c.silence),
    );
  return { results };
}

async function ackOne(
  actor: Actor,
  target: Target,
  body: { comment?: string; silence?: boolean; duration?: string; incidentId?: string },
): Promise<AckOutcome & { silence: Silence | null }> {
  const { cluster, alert } = await firingAlert(target);
  const settings = config().acknowledgement;
  const withSilence = body.silence ?? settings.silence;
  const durationMs = ackDurationMs(body.duration, settings.durationSeconds);
  const { peers } = clusterNamed(cluster);
  const key = `${cluster}/${target.fingerprint}`;
  try {
    const outcome = await mutate('the acknowledgement', async (tx, undo) => {
      // One open acknowledgement per alert, also when two people press "acknowledge" at once.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ack:${key}`}))`;
      await refuseIfAcknowledged(tx, cluster, target.fingerprint);
      const incidentId = await incidentOf(tx, cluster, target.fingerprint, body.incidentId);
      const ack = await tx.acknowledgement.create({
        data: {
          cluster,
          fingerprint: target.fingerprint,
          alertLabels: alert.labels,
          alertStartsAt: new Date(alert.startsAt),
          comment: body.comment || null,
          userId: actor.id,
          incidentId,
          silenceSeconds: withSilence ? Math.round(durationMs / 1000) : null,
        },
      });
      const silence = withSilence
        ? await silenceFor(tx, undo, peers, {
            actor,
            ackId: ack.id,
            cluster,
            labels: alert.labels,
            comment: body.comment,
            durationMs,
            incidentId,
          })
        : null;
      const silenceId = silence?.id ?? null;
      await audit(tx, actor, 'alert.acknowledged', key, {
        alertname: alert.labels.alertname ?? '',
        silenceId,
        comment: body.comment ?? null,
      });
      if (incidentId)
        await recordEvent(tx, {
          incidentId,
          type: 'alert.acknowledged',
          actorId: actor.id,
          data: {
            fingerprint: target.fingerprint,
            alertname: alert.labels.alertname ?? '',
            silenceId,
            comment: body.comment ?? null,
          },
        });
      // An open incident of this alert is acknowledged with it (which stops its escalation).
      if (incidentId)
        await acknowledgeIncidentForAlert(tx, actor, incidentId, {
          fingerprint: target.fingerprint,
          alertname: alert.labels.alertname ?? '',
          instance: alert.labels.instance,
        });
      return {
        ackId: ack.id,
        cluster,
        fingerprint: target.fingerprint,
        silenceId,
        at: ack.createdAt.toISOString(),
        by: actor.name || actor.email,
        comment: ack.comment,
        silence,
      };
    });
    invalidateAcks();
    return outcome;
  } catch (error) {
    await auditFailure(actor, 'alert.acknowledged', key, error);
    throw error;
  }
}

/**
 * Creates the acknowledgement's silence and its record; registers the undo (expiring it). Answers the
 * silence as Alertmanager now holds it (active from now), for the snapshot (showOwnSilences).
 */
async function silenceFor(
  tx: Tx,
  undo: Undo,
  peers: UpstreamTarget[],
  a: {
    actor: Actor;
    ackId: string;
    cluster: string;
    labels: Record<string, string>;
    comment: string | undefined;
    durationMs: number;
    incidentId: string | null;
  },
): Promise<Silence> {
  const startsAt = new Date();
  const endsAt = new Date(startsAt.getTime() + a.durationMs);
  const input = ackSilence({
    labels: a.labels,
    ackId: a.ackId,
    by: a.actor.email,
    comment: a.comment,
    startsAt,
    endsAt,
  });
  const { result: silenceId } = await writeWithFailover(peers, (p) => postSilence(p, input));
  undo({
    what: `expire silence ${silenceId}`,
    run: () => expireKnownSilence(peers, silenceId),
  });
  const record = await tx.silenceRecord.create({
    data: {
      cluster: a.cluster,
      silenceId,
      previousIds: [],
      matchers: input.matchers,
      startsAt,
      endsAt,
      comment: input.comment,
      createdById: a.actor.id,
      incidentId: a.incidentId,
    },
  });
  await tx.acknowledgement.update({ where: { id: a.ackId }, data: { silenceId: record.id } });
  return { ...input, id: silenceId, state: 'active', updatedAt: startsAt.toISOString() };
}

/** The alert as the current snapshot has it; NotFoundError when it is not firing (any more). */
async function firingAlert(target: Target) {
  const { index } = await currentAlertIndex();
  for (const [cluster, alerts] of index.byFingerprint()) {
    if (target.cluster !== undefined && cluster !== target.cluster) continue;
    const found = alerts.get(target.fingerprint);
    if (found) return { cluster, alert: found.item };
  }
  throw new NotFoundError(
    `No Alertmanager${target.cluster ? ` cluster "${target.cluster}"` : ''} holds an alert with fingerprint ${target.fingerprint}: it may have resolved already.`,
  );
}

async function refuseIfAcknowledged(tx: Tx, cluster: string, fingerprint: string): Promise<void> {
  const open = await tx.acknowledgement.findFirst({
    where: { cluster, fingerprint, clearedAt: null },
    include: { user: { select: { email: true, name: true } } },
  });
  if (open)
    throw new ConflictError(
      `${open.user.name || open.user.email} already acknowledged this alert at ${open.createdAt.toISOString()}.`,
    );
}

/** The incident given (which must exist), else the open incident the alert is linked to, if any. */
async function incidentOf(tx: Tx, cluster: string, fingerprint: string, given: string | undefined) {
  if (given !== undefined) {
    const incident = await tx.incident.findUnique({ where: { id: given }, select: { id: true } });
    if (!incident)
      throw new ValidationError('No such incident.', { incidentId: `no incident with id ${given}` });
    return incident.id;
  }
  const linked = await tx.incidentAlert.findFirst({
    where: { cluster, fingerprint, incident: { status: { not: 'resolved' } } },
    orderBy: { addedAt: 'desc' },
    select: { incidentId: true },
  });
  return linked?.incidentId ?? null;
}

/**
 * `DELETE /api/v1/alerts/{fingerprint}/ack`: ends the acknowledgement and expires its silence at once.
 * The silence is expired before the commit: if Alertmanager refuses, the acknowledgement stays. If the
 * commit fails after the expiry, the poller finds the expired silence and closes the acknowledgement.
 */
export async function unacknowledgeAlert(actor: Actor, target: Target): Promise<{ ackId: string }> {
  assertRole(actor, 'responder');
  const key = `${target.cluster ?? '*'}/${target.fingerprint}`;
  try {
    const result = await mutate('the un-acknowledgement', async (tx) => {
      const ack = await tx.acknowledgement.findFirst({
        where: {
          fingerprint: target.fingerprint,
          clearedAt: null,
          ...(target.cluster ? { cluster: target.cluster } : {}),
        },
        include: { silence: true },
      });
      const locked = ack
        ? await tx.$queryRaw<
            { id: string }[]
          >`SELECT id FROM acknowledgements WHERE id = ${ack.id} AND cleared_at IS NULL FOR UPDATE`
        : [];
      if (!ack || locked.length === 0) throw new NotFoundError('This alert is not acknowledged (any more).');
      if (ack.silence && !ack.silence.expiredAt) {
        const { peers } = clusterNamed(ack.cluster);
        await expireKnownSilence(peers, ack.silence.silenceId);
        await tx.silenceRecord.update({ where: { id: ack.silence.id }, data: { expiredAt: new Date() } });
      }
      await tx.acknowledgement.update({
        where: { id: ack.id },
        data: { clearedAt: new Date(), clearedById: actor.id, clearedReason: 'unacknowledged' },
      });
      await audit(tx, actor, 'alert.unacknowledged', `${ack.cluster}/${ack.fingerprint}`, {
        ackId: ack.id,
        silenceId: ack.silence?.silenceId ?? null,
      });
      if (ack.incidentId)
        await recordEvent(tx, {
          incidentId: ack.incidentId,
          type: 'alert.unacknowledged',
          actorId: actor.id,
          data: { fingerprint: ack.fingerprint },
        });
      return { ackId: ack.id, cluster: ack.cluster, silenceId: ack.silence?.silenceId };
    });
    invalidateAcks();
    if (result.silenceId) showOwnSilenceExpired(result.cluster, result.silenceId);
    return { ackId: result.ackId };
  } catch (error) {
    await auditFailure(actor, 'alert.unacknowledged', key, error);
    throw error;
  }
}
