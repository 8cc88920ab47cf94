import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordEvent, recordEvents } from '@/lib/incidents/record-event';
import { type NotificationPayload, notificationPayloadSchema } from '@/lib/notify/message';
import { whoIsOnCall } from '@/lib/schedules/load';
import { pageTargets, type Reach, type Urgency } from './page-targets';
import { levelRecipients, type PeopleContext } from './people';
import { REACH_SELECT, reachOf, urgencyOf } from './reach';
import {
  type EscalationState,
  escalationDedupeKey,
  nextDueAt,
  type StepLevel,
  type StepPolicy,
} from './step';

/**
 * Writes an escalation inside the caller's transaction (which holds the incident's row lock): the new
 * level, one timeline event per level passed, and the outbox rows: one per channel, and one per person
 * the level pages (the on-call person of each of its schedules at this moment, and the users it names;
 * people.ts), one row per way of reaching them (page-targets.ts: their verified contact methods and push,
 * else their account's e-mail; `channel` the method's kind, `userId` the person). The outbox's unique
 * dedupeKey (incident + round + cycle + level + target) makes a second notification for the same level
 * and target impossible, even from another Vigil instance: the insert skips it.
 */

type Tx = Prisma.TransactionClient;

export type EscalatedIncident = EscalationState & {
  id: string;
  number: number;
  title: string;
  severity: string;
  escalationRound: number;
  /** The route that took it: its urgency picks the rules its people are reached by. */
  routeId?: string | null;
};

/** A level to raise: channels, and (for a stored policy's level) schedules and users. */
export type RaisedLevel = StepLevel & { scheduleIds?: readonly string[]; userIds?: readonly string[] };

export type EscalationChange = {
  reason: 'timer' | 'manual' | 'unreachable';
  comment: string | null;
  actorId: string | null;
  at: Date;
};

/**
 * Raises to the last of `levels` (lowest first) and stores when the level after it is due under `plan`
 * (none without one); returns what was newly queued, as "L2:sre-mail" for a channel and "L2:user:<id>"
 * for a person.
 */
export async function recordRaise(
  tx: Tx,
  incident: EscalatedIncident,
  levels: readonly RaisedLevel[],
  change: EscalationChange,
  plan: StepPolicy | null,
): Promise<string[]> {
  const top = levels.at(-1);
  if (!top) return [];
  const people = await peopleContext(tx, levels, change.at);
  const urgency = await routeUrgency(tx, incident.routeId ?? null);
  await moveTo(tx, incident, top.level, change.at, plan);
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
    const key = (target: string) =>
      escalationDedupeKey(
        incident.id,
        level.level,
        target,
        incident.escalationRound,
        incident.escalationCycle,
      );
    const created = await tx.notification.createManyAndReturn({
      data: [...new Set(level.targets)].map((channel) => ({
        incidentId: incident.id,
        channel,
        kind: 'escalation',
        payload,
        dedupeKey: key(channel),
        nextAttemptAt: change.at,
      })),
      skipDuplicates: true,
      select: { channel: true },
    });
    queued.push(...created.map((n) => `L${level.level}:${n.channel}`));
    const { recipients, unreachable } = levelRecipients(
      { scheduleIds: level.scheduleIds ?? [], userIds: level.userIds ?? [] },
      people,
    );
    const pages = await tx.notification.createManyAndReturn({
      data: recipients.flatMap((r) =>
        pageTargets(people.reach.get(r.userId), urgency).map((t) => ({
          incidentId: incident.id,
          userId: r.userId,
          channel: t.channel,
          contactMethodId: t.contactMethodId,
          kind: 'escalation',
          payload: {
            ...payload,
            person: {
              name: r.name,
              schedule: r.schedule,
              ...(t.delaySeconds > 0 ? { afterSeconds: t.delaySeconds } : {}),
            },
          },
          dedupeKey: key(`user:${r.userId}${t.key ? `:${t.key}` : ''}`),
          nextAttemptAt: new Date(change.at.getTime() + t.delaySeconds * 1000),
        })),
      ),
      skipDuplicates: true,
      select: { id: true, userId: true, channel: true },
    });
    queued.push(...pages.map((n) => `L${level.level}:user:${n.userId}`));
    const byUser = new Map(recipients.map((r) => [r.userId, r]));
    const reachedNobody = level.targets.length === 0 && recipients.length === 0;
    await recordEvents(tx, [
      ...pages.flatMap((n) => {
        const r = n.userId ? byUser.get(n.userId) : undefined;
        if (!r) return [];
        return [
          {
            incidentId: incident.id,
            type: 'page.queued' as const,
            at: change.at,
            data: {
              notificationId: n.id,
              level: level.level,
              userId: r.userId,
              person: r.name,
              method: n.channel,
              schedule: r.schedule,
            },
          },
        ];
      }),
      ...[...unreachable, ...(reachedNobody ? [{ reason: 'no_targets' as const }] : [])].map((u) => ({
        incidentId: incident.id,
        type: 'page.unreachable' as const,
        at: change.at,
        data: { level: level.level, ...u },
      })),
    ]);
  }
  return queued;
}

/**
 * Everything the raised levels need to know whom to page, in four queries whatever their number: who is
 * on call on their schedules at `at`, the schedules' names, and the people.
 */
async function peopleContext(
  tx: Tx,
  levels: readonly RaisedLevel[],
  at: Date,
): Promise<PeopleContext & { reach: Map<string, Reach> }> {
  const scheduleIds = [...new Set(levels.flatMap((l) => l.scheduleIds ?? []))];
  const onCall = scheduleIds.length > 0 ? await whoIsOnCall(tx, scheduleIds, at) : new Map();
  const schedules =
    scheduleIds.length > 0
      ? await tx.schedule.findMany({ where: { id: { in: scheduleIds } }, select: { id: true, name: true } })
      : [];
  const userIds = [
    ...new Set([
      ...levels.flatMap((l) => l.userIds ?? []),
      ...[...onCall.values()].flatMap((shift) => (shift ? [shift.userId] : [])),
    ]),
  ];
  const users =
    userIds.length > 0
      ? await tx.user.findMany({
          where: { id: { in: userIds } },
          select: { id: true, name: true, email: true, disabledAt: true, role: true, ...REACH_SELECT },
        })
      : [];
  return {
    reach: new Map(users.map((u) => [u.id, reachOf(u)])),
    onCall,
    scheduleNames: new Map(schedules.map((s) => [s.id, s.name])),
    people: new Map(
      users.map((u) => [
        u.id,
        { id: u.id, name: u.name || u.email, disabled: u.disabledAt !== null, viewer: u.role === 'viewer' },
      ]),
    ),
  };
}

/** The urgency of the route that took the incident ("high" without one: a page should not wait). */
async function routeUrgency(tx: Tx, routeId: string | null): Promise<Urgency> {
  if (!routeId) return 'high';
  const route = await tx.route.findUnique({ where: { id: routeId }, select: { urgency: true } });
  return urgencyOf(route?.urgency);
}

/**
 * Lowers to `level` (manual only): no notification, one timeline event, and the next level due under
 * `plan` counted from now.
 */
export async function recordLower(
  tx: Tx,
  incident: EscalatedIncident,
  level: StepLevel,
  change: EscalationChange,
  plan: StepPolicy | null,
): Promise<void> {
  await moveTo(tx, incident, level.level, change.at, plan);
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

/**
 * The incident's new level, and the next level's real time with it, so that the incident page shows when
 * the next one is due at once rather than after the scheduler's next pass (null without a policy).
 */
async function moveTo(tx: Tx, incident: EscalatedIncident, level: number, at: Date, plan: StepPolicy | null) {
  const moved = { ...incident, escalationLevel: level, lastEscalatedAt: at };
  await tx.incident.update({
    where: { id: incident.id },
    data: {
      escalationLevel: level,
      lastEscalatedAt: at,
      nextEscalationAt: plan ? nextDueAt(plan, moved) : null,
    },
  });
}

/**
 * The policy starts over from L1 (its `repeat`): level 0 in the next cycle, the levels' times measured
 * from now (step.ts), and one timeline event.
 */
export async function recordRestart(
  tx: Tx,
  incident: EscalatedIncident,
  cycle: number,
  repeat: number,
  at: Date,
): Promise<void> {
  await tx.incident.update({
    where: { id: incident.id },
    data: { escalationLevel: 0, escalationCycle: cycle, lastEscalatedAt: at, nextEscalationAt: at },
  });
  await recordEvent(tx, {
    incidentId: incident.id,
    type: 'escalation.repeated',
    at,
    actorId: null,
    data: { cycle, of: repeat, from: incident.escalationLevel },
  });
}
