import 'server-only';
import { PAGEABLE } from '@/lib/auth/pageable';
import { db } from '@/lib/db';
import { whoIsOnCall } from '@/lib/schedules/load';
import type { Shift } from '@/lib/schedules/types';
import type { IncidentDetail } from './incident-schemas';

/**
 * An incident's policy (its own, else the default one) and its next escalation step with whom that
 * step will page: one query for the policy and its levels; only for an open incident with a step ahead,
 * one for the step's schedules' on-call people at the step's time and one for the names of the people.
 */

type EscalationRow = {
  status: string;
  escalationLevel: number;
  nextEscalationAt: Date | null;
  escalationPolicyId: string | null;
};

export async function incidentEscalation(
  row: EscalationRow,
  now = new Date(),
): Promise<Pick<IncidentDetail, 'policy' | 'nextEscalation'>> {
  const policy = await db().escalationPolicy.findFirst({
    where: row.escalationPolicyId ? { id: row.escalationPolicyId } : { isDefault: true },
    select: {
      id: true,
      name: true,
      isDefault: true,
      levels: {
        orderBy: { level: 'asc' },
        select: { level: true, name: true, targets: true, scheduleIds: true, userIds: true },
      },
    },
  });
  if (!policy) return { policy: null, nextEscalation: null };
  const view = { id: policy.id, name: policy.name, isDefault: policy.isDefault };
  if (row.status !== 'open' || !row.nextEscalationAt) return { policy: view, nextEscalation: null };
  // At the top level a stored time is the policy starting over (its `repeat`), so the next is its L1.
  const next = policy.levels.find((l) => l.level > row.escalationLevel) ?? policy.levels[0];
  if (!next) return { policy: view, nextEscalation: null };
  // A step already due fires on the scheduler's next pass: whoever is on call now is paged.
  const at = new Date(Math.max(row.nextEscalationAt.getTime(), now.getTime()));
  return {
    policy: view,
    nextEscalation: {
      at: row.nextEscalationAt.toISOString(),
      level: next.level,
      name: next.name,
      pages: await pagesOf(next, at),
    },
  };
}

async function pagesOf(
  level: { targets: string[]; scheduleIds: string[]; userIds: string[] },
  at: Date,
): Promise<NonNullable<IncidentDetail['nextEscalation']>['pages']> {
  const hasSchedules = level.scheduleIds.length > 0;
  const [onCall, schedules] = await Promise.all([
    hasSchedules ? whoIsOnCall(db(), level.scheduleIds, at) : new Map<string, Shift | null>(),
    hasSchedules
      ? db().schedule.findMany({ where: { id: { in: level.scheduleIds } }, select: { id: true, name: true } })
      : [],
  ]);
  const scheduleName = new Map(schedules.map((s) => [s.id, s.name]));
  const viaSchedule = level.scheduleIds.flatMap((id) => {
    const shift = onCall.get(id);
    return shift && scheduleName.has(id)
      ? [{ userId: shift.userId, schedule: scheduleName.get(id) ?? null }]
      : [];
  });
  const userIds = [...new Set([...viaSchedule.map((p) => p.userId), ...level.userIds])];
  const users = userIds.length
    ? await db().user.findMany({
        // Whom people.ts would page: not a disabled user, not a viewer.
        where: { id: { in: userIds }, ...PAGEABLE },
        select: { id: true, name: true, email: true },
      })
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name || u.email]));
  const people: { id: string; name: string; schedule: string | null }[] = [];
  const seen = new Set<string>();
  for (const p of [...viaSchedule, ...level.userIds.map((userId) => ({ userId, schedule: null }))]) {
    const name = nameOf.get(p.userId);
    // A person is paged once per level, whether named or on call (people.ts dedupes the same way).
    if (!name || seen.has(p.userId)) continue;
    seen.add(p.userId);
    people.push({ id: p.userId, name, schedule: p.schedule });
  }
  return {
    people,
    channels: level.targets,
    nobodyOnCall: level.scheduleIds.flatMap((id) => {
      const name = scheduleName.get(id);
      return name && !onCall.get(id) ? [name] : [];
    }),
  };
}
