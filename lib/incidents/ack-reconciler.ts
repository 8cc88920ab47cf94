import 'server-only';
import { getSilence, postSilence } from '@/lib/alertmanager/client';
import { writeWithFailover } from '@/lib/alertmanager/cluster';
import type { Silence } from '@/lib/alertmanager/schemas';
import { invalidateAcks } from '@/lib/alerts/ack-state';
import { alertGone } from '@/lib/alerts/transitions';
import { auditSystem } from '@/lib/audit';
import { db } from '@/lib/db';
import type { ClusterSnapshot } from '@/lib/snapshots/sources';
import type { UpstreamTarget } from '@/lib/upstreams/http';
import { type AckDecision, ackDecision, type OpenAck } from './ack-lifecycle';
import { clusterNamed, expireKnownSilence } from './cluster-peers';
import type { Tx } from './mutation';
import { recordEvent } from './record-event';

/**
 * Keeps acknowledgements and their silences true to the alerts, after every poll of a cluster: no
 * separate daemon, and no orphan silence. Decisions are pure (ack-lifecycle.ts); this carries them out.
 *
 * Each acknowledgement is handled in its own transaction holding its row lock (`FOR UPDATE SKIP
 * LOCKED`): with several Vigil instances polling the same cluster, one of them acts and the others
 * skip it, and a user un-acknowledging at the same moment is never raced.
 */

type AckRow = Awaited<ReturnType<typeof openAcksOf>>[number];

export function ackReconciler(
  clusterName: string,
  /** How far apart this cluster's polls are now (lib/snapshots/sources.ts), read at each pass. */
  pollPeriodMs: () => number,
  /** Called after a change, to re-read the cluster's silences (lib/server/poll-hooks.ts passes refreshSilences). */
  afterChange: () => Promise<void>,
): (previous: ClusterSnapshot | undefined, next: ClusterSnapshot) => Promise<void> {
  return async (previous, next) => {
    const open = await openAcksOf(clusterName);
    if (open.length === 0) return;
    const alerts = new Map(next.alerts.map((a) => [a.fingerprint, a]));
    const silences = new Map(next.silences.map((s) => [s.id, s]));
    const now = Date.now();
    let changed = 0;
    for (const row of open) {
      // Missing only because a peer that may hold it is down is not resolved: keep it until that peer answers.
      if (!alerts.has(row.fingerprint) && !alertGone(row.fingerprint, previous, next)) continue;
      const silence = row.silence ? silences.get(row.silence.silenceId) : undefined;
      const decision = ackDecision(
        toOpenAck(row),
        alerts.get(row.fingerprint),
        silenceState(row, silence),
        now,
        pollPeriodMs(),
      );
      if (decision.kind === 'keep') continue;
      try {
        if (await carryOut(row, decision)) changed++;
      } catch (error) {
        // The next poll decides again; an upstream or database outage only delays the cleanup.
        console.warn(
          `[vigil] ${decision.kind} of acknowledgement ${row.id} failed; retrying on the next poll:`,
          error,
        );
      }
    }
    if (changed > 0) {
      invalidateAcks();
      await afterChange();
    }
  };
}

function openAcksOf(cluster: string) {
  return db().acknowledgement.findMany({ where: { cluster, clearedAt: null }, include: { silence: true } });
}

function toOpenAck(row: AckRow): OpenAck {
  return {
    id: row.id,
    alertStartsAt: row.alertStartsAt,
    silence: row.silence && { silenceId: row.silence.silenceId, endsAt: row.silence.endsAt },
    silenceMs: row.silenceSeconds === null ? null : row.silenceSeconds * 1000,
  };
}

/** A silence Vigil itself expired (from the silences page) counts as expired whatever the snapshot says. */
function silenceState(row: AckRow, silence: Silence | undefined) {
  if (row.silence?.expiredAt)
    return { state: 'expired' as const, endsAt: row.silence.expiredAt.toISOString() };
  return silence && { state: silence.state, endsAt: silence.endsAt };
}

/** Whether anything was done (false when another instance holds the acknowledgement). */
async function carryOut(row: AckRow, decision: Exclude<AckDecision, { kind: 'keep' }>): Promise<boolean> {
  const { peers } = clusterNamed(row.cluster);
  return db().$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM acknowledgements WHERE id = ${row.id} AND cleared_at IS NULL FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return false;
      if (decision.kind === 'extend') await extend(tx, peers, row, decision.endsAt);
      else await close(tx, peers, row, decision.kind === 'resolved' ? 'resolved' : 'expired');
      return true;
    },
    { maxWait: 5000, timeout: 30_000 },
  );
}

async function close(
  tx: Tx,
  peers: UpstreamTarget[],
  row: AckRow,
  reason: 'resolved' | 'expired',
): Promise<void> {
  const now = new Date();
  if (row.silence && !row.silence.expiredAt) {
    if (reason === 'resolved') await expireKnownSilence(peers, row.silence.silenceId);
    await tx.silenceRecord.update({ where: { id: row.silence.id }, data: { expiredAt: now } });
  }
  await tx.acknowledgement.update({ where: { id: row.id }, data: { clearedAt: now, clearedReason: reason } });
  const target = `${row.cluster}/${row.fingerprint}`;
  const details = { ackId: row.id, reason, silenceId: row.silence?.silenceId ?? null };
  await auditSystem(tx, 'alert.ack_closed', target, details);
  if (row.incidentId)
    await recordEvent(tx, {
      incidentId: row.incidentId,
      type: 'alert.ack_closed',
      data: { fingerprint: row.fingerprint, ...details },
    });
}

/**
 * Pushes the silence's end out. The update is sent with the silence's own start as Alertmanager holds it
 * (it may have moved a past start to its receive time), so Alertmanager updates it in place; should it
 * answer with a new id anyway, that id is the one kept.
 */
async function extend(tx: Tx, peers: UpstreamTarget[], row: AckRow, endsAt: Date): Promise<void> {
  const record = row.silence;
  if (!record) return;
  const { result: current } = await writeWithFailover(peers, (p) => getSilence(p, record.silenceId));
  const { result: newId } = await writeWithFailover(peers, (p) =>
    postSilence(p, {
      id: current.id,
      matchers: current.matchers,
      startsAt: current.startsAt,
      endsAt: endsAt.toISOString(),
      createdBy: current.createdBy,
      comment: current.comment,
    }),
  );
  await tx.silenceRecord.update({
    where: { id: record.id },
    data: {
      silenceId: newId,
      previousIds:
        newId === record.silenceId ? record.previousIds : [...record.previousIds, record.silenceId],
      endsAt,
    },
  });
  await auditSystem(tx, 'silence.extended', newId, {
    ackId: row.id,
    from: record.silenceId,
    endsAt: endsAt.toISOString(),
  });
}
