import 'server-only';
import type { EscalationLevelConfig } from '@/lib/config/load';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordEvent } from '@/lib/incidents/record-event';
import { type NotificationPayload, notificationPayloadSchema } from '@/lib/notify/message';
import { escalationDedupeKey } from './step';

/**
 * Writes an escalation inside the caller's transaction (which holds the incident's row lock): the new
 * level, one timeline event per level passed, and the outbox rows. The outbox's unique dedupeKey
 * (incident + level + target) makes a second notification for the same level and target impossible,
 * even from another Vigil instance: the insert skips it.
 */

type Tx = Prisma.TransactionClient;

export type EscalatedIncident = {
  id: string;
  number: number;
  title: string;
  severity: string;
  status: string;
  escalationLevel: number;
  escalationRound: number;
};

export type EscalationChange = {
  reason: 'timer' | 'manual';
  comment: string | null;
  actorId: string | null;
  at: Date;
};

/**
 * Raises to the last of `levels` (lowest first); returns the channels newly queued, as "L2:sre-mail".
 * `nextEscalationAt` becomes `change.at`: the scheduler looks at the incident on its next pass and
 * stores the next level's exact time (a timer raise does so at once, in this transaction).
 */
export async function recordRaise(
  tx: Tx,
  incident: EscalatedIncident,
  levels: readonly EscalationLevelConfig[],
  change: EscalationChange,
): Promise<string[]> {
  const top = levels.at(-1);
  if (!top) return [];
  await tx.incident.update({
    where: { id: incident.id },
    data: { escalationLevel: top.level, lastEscalatedAt: change.at, nextEscalationAt: change.at },
  });
  let from = incident.escalationLevel;
  const queued: string[] = [];
  for (const level of levels) {
    await recordEvent(tx, {
      incidentId: incident.id,
      type: 'escalation.raised',
      at: change.at,
      actorId: change.actorId,
      data: {
        level: level.level,
        name: level.name,
        from,
        reason: change.reason,
        ...(change.comment ? { comment: change.comment } : {}),
        targets: level.targets,
      },
    });
    from = level.level;
    const payload = notificationPayloadSchema.parse({
      incident: {
        id: incident.id,
        number: incident.number,
        title: incident.title,
        severity: incident.severity,
        status: incident.status,
        // VIGIL_CONFIG has no public URL of the console yet, so messages carry no link.
        url: null,
      },
      level: { level: level.level, name: level.name },
      reason: change.reason,
      comment: change.comment,
      round: incident.escalationRound,
    } satisfies NotificationPayload);
    const created = await tx.notification.createManyAndReturn({
      data: [...new Set(level.targets)].map((channel) => ({
        incidentId: incident.id,
        channel,
        kind: 'escalation',
        payload,
        dedupeKey: escalationDedupeKey(incident.id, level.level, channel, incident.escalationRound),
        nextAttemptAt: change.at,
      })),
      skipDuplicates: true,
      select: { channel: true },
    });
    queued.push(...created.map((n) => `L${level.level}:${n.channel}`));
  }
  return queued;
}

/** Lowers to `level` (manual only): no notification, one timeline event; the scheduler re-times it. */
export async function recordLower(
  tx: Tx,
  incident: EscalatedIncident,
  level: EscalationLevelConfig,
  change: EscalationChange,
): Promise<void> {
  await tx.incident.update({
    where: { id: incident.id },
    data: { escalationLevel: level.level, lastEscalatedAt: change.at, nextEscalationAt: change.at },
  });
  await recordEvent(tx, {
    incidentId: incident.id,
    type: 'escalation.lowered',
    at: change.at,
    actorId: change.actorId,
    data: {
      level: level.level,
      name: level.name,
      from: incident.escalationLevel,
      reason: change.reason,
      ...(change.comment ? { comment: change.comment } : {}),
    },
  });
}
