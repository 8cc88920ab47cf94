import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCanManageTeam } from '@/lib/teams/access';
import { peopleById } from './people';
import type { OverrideInputBody, OverrideRow } from './schedule-schemas';
import { findSchedule } from './schedules';

/**
 * Overrides: someone covers [startsAt, endsAt) on a schedule, above every layer. A responder may put
 * themselves on call (an override covering themselves) and delete an override that covers them; putting
 * someone else on call, or deleting someone else's override, takes an admin or a team admin of the
 * schedule's team.
 */

type Tx = Prisma.TransactionClient;

type OverrideDbRow = Prisma.ScheduleOverrideGetPayload<object>;

async function overrideRows(client: Tx, rows: OverrideDbRow[]): Promise<OverrideRow[]> {
  const people = await peopleById(
    client,
    rows.map((r) => r.userId),
  );
  return rows.map((o) => ({
    id: o.id,
    scheduleId: o.scheduleId,
    userId: o.userId,
    name: people.get(o.userId)?.name ?? null,
    email: people.get(o.userId)?.email ?? '',
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    reason: o.reason,
    createdById: o.createdById,
    createdAt: o.createdAt.toISOString(),
  }));
}

/** Throws unless `userId` is someone who can be on call: an existing user, not disabled, not a viewer. */
export async function assertActiveUser(tx: Tx, userId: string, field = 'userId'): Promise<void> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { disabledAt: true, role: true, email: true },
  });
  if (!user || user.disabledAt)
    throw new ValidationError(`No active user "${userId}".`, { [field]: 'no such active user' });
  // Who may be on call (lib/auth/pageable.ts): a viewer would be paged and could not acknowledge.
  if (user.role === 'viewer')
    throw new ValidationError(
      `${user.email} is a viewer, who cannot acknowledge a page: choose a responder or an admin.`,
      {
        [field]: 'a viewer cannot be on call',
      },
    );
}

export async function createOverride(
  actor: Actor,
  scheduleIdOrSlug: string,
  input: OverrideInputBody,
): Promise<OverrideRow> {
  assertRole(actor, 'responder');
  // As a swap request is (swaps.ts): an override that has ended would never put anyone on call.
  if (input.endsAt.getTime() <= Date.now())
    throw new ValidationError('That interval is over; an override covers time still to come.', {
      endsAt: 'in the past',
    });
  return db().$transaction(async (tx) => {
    const schedule = await findSchedule(tx, scheduleIdOrSlug);
    if (input.userId !== actor.id) await assertCanManageTeam(actor, schedule.teamId, tx);
    await assertActiveUser(tx, input.userId);
    const row = await tx.scheduleOverride.create({
      data: { ...input, scheduleId: schedule.id, createdById: actor.id },
    });
    await audit(tx, actor, 'schedule.override_created', schedule.slug, {
      overrideId: row.id,
      userId: row.userId,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
    });
    const [answer] = await overrideRows(tx, [row]);
    return answer as OverrideRow;
  });
}

/** Overrides overlapping [from, to) (default: those that have not ended), by start. */
export async function listOverrides(
  actor: Actor,
  scheduleIdOrSlug: string,
  range: { from?: Date; to?: Date },
): Promise<OverrideRow[]> {
  assertRole(actor, 'viewer');
  const client = db();
  const schedule = await findSchedule(client, scheduleIdOrSlug);
  const rows = await client.scheduleOverride.findMany({
    where: {
      scheduleId: schedule.id,
      endsAt: { gt: range.from ?? new Date() },
      ...(range.to ? { startsAt: { lt: range.to } } : {}),
    },
    orderBy: { startsAt: 'asc' },
    take: 1000,
  });
  return overrideRows(client, rows);
}

export async function deleteOverride(
  actor: Actor,
  scheduleIdOrSlug: string,
  overrideId: string,
): Promise<void> {
  assertRole(actor, 'responder');
  await db().$transaction(async (tx) => {
    const schedule = await findSchedule(tx, scheduleIdOrSlug);
    const row = await tx.scheduleOverride.findFirst({ where: { id: overrideId, scheduleId: schedule.id } });
    if (!row) throw new NotFoundError(`No override "${overrideId}" on ${schedule.slug}.`);
    if (row.userId !== actor.id) await assertCanManageTeam(actor, schedule.teamId, tx);
    await tx.scheduleOverride.delete({ where: { id: row.id } });
    await audit(tx, actor, 'schedule.override_deleted', schedule.slug, {
      overrideId: row.id,
      userId: row.userId,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
    });
  });
}
