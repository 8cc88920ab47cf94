import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { PAGEABLE } from '@/lib/auth/pageable';
import { db } from '@/lib/db';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCanManageTeam } from '@/lib/teams/access';
import { resolveTeamId } from '@/lib/teams/team-ref';
import { slugTaken } from '@/lib/teams/unique';
import type { ScheduleInput } from './schedule-schemas';
import { computeShifts } from './shifts';

/**
 * Creating, replacing and deleting schedules. Who may: an admin, or a team admin of the team that owns
 * the schedule (both the old and the new team when a schedule changes hands); a schedule without a team
 * is admins' only. A PUT replaces the whole schedule, layers included, in one transaction: the layers'
 * positions come from their order in the list (the first is the lowest).
 */

type Tx = Prisma.TransactionClient;

/** A schedule by id or slug, or NotFoundError. */
export async function findSchedule(client: Tx, idOrSlug: string) {
  const schedule = await client.schedule.findFirst({
    where: { OR: [{ id: idOrSlug }, { slug: idOrSlug }] },
  });
  if (!schedule) throw new NotFoundError(`No schedule "${idOrSlug}"; GET /api/v1/schedules lists them.`);
  return schedule;
}

/** Every participant must be someone who can be paged (lib/auth/pageable.ts). */
async function assertParticipants(tx: Tx, input: ScheduleInput): Promise<void> {
  const ids = new Set(input.layers.flatMap((l) => l.participants));
  if (ids.size === 0) return;
  const active = await tx.user.findMany({
    where: { id: { in: [...ids] }, ...PAGEABLE },
    select: { id: true },
  });
  const known = new Set(active.map((u) => u.id));
  const fields: Record<string, string> = {};
  input.layers.forEach((layer, i) => {
    layer.participants.forEach((id, j) => {
      if (!known.has(id))
        fields[`layers[${i}].participants[${j}]`] = `"${id}" is not an active responder or admin`;
    });
  });
  if (Object.keys(fields).length > 0)
    throw new ValidationError(
      'Some participants are not active responders or admins (a viewer cannot acknowledge a page); GET /api/v1/policies/targets lists who can be on call.',
      fields,
    );
}

/** Computing a day of shifts surfaces what the schemas cannot see (a restriction the computation refuses). */
function assertComputable(input: ScheduleInput): void {
  const layers = input.layers.map((l, i) => ({ ...l, id: `layer-${i}`, position: i }));
  const now = new Date();
  computeShifts(layers, [], { from: now, to: new Date(now.getTime() + 86_400_000) });
}

async function writeLayers(tx: Tx, scheduleId: string, input: ScheduleInput): Promise<void> {
  await tx.scheduleLayer.deleteMany({ where: { scheduleId } });
  for (const [position, layer] of input.layers.entries()) {
    const { participants, restrictions, ...fields } = layer;
    await tx.scheduleLayer.create({
      data: {
        ...fields,
        scheduleId,
        position,
        restrictions,
        participants: { create: participants.map((userId, i) => ({ userId, position: i })) },
      },
    });
  }
}

export async function createSchedule(
  actor: Actor,
  input: ScheduleInput,
): Promise<{ id: string; slug: string }> {
  assertRole(actor, 'responder');
  assertComputable(input);
  return slugTaken('schedule', input.slug, () =>
    db().$transaction(async (tx) => {
      const teamId = await resolveTeamId(tx, input.teamId);
      await assertCanManageTeam(actor, teamId, tx);
      await assertParticipants(tx, input);
      const schedule = await tx.schedule.create({
        data: {
          slug: input.slug,
          name: input.name,
          description: input.description,
          timeZone: input.timeZone,
          teamId,
        },
      });
      await writeLayers(tx, schedule.id, input);
      await audit(tx, actor, 'schedule.created', schedule.slug, {
        scheduleId: schedule.id,
        ...summary(input),
      });
      return { id: schedule.id, slug: schedule.slug };
    }),
  );
}

export async function replaceSchedule(
  actor: Actor,
  idOrSlug: string,
  input: ScheduleInput,
): Promise<{ id: string; slug: string }> {
  assertRole(actor, 'responder');
  return slugTaken('schedule', input.slug, () =>
    db().$transaction(async (tx) => {
      const before = await findSchedule(tx, idOrSlug);
      await assertCanManageTeam(actor, before.teamId, tx);
      const teamId = await resolveTeamId(tx, input.teamId);
      if (teamId !== before.teamId) await assertCanManageTeam(actor, teamId, tx);
      assertComputable(input);
      await assertParticipants(tx, input);
      const schedule = await tx.schedule.update({
        where: { id: before.id },
        data: {
          slug: input.slug,
          name: input.name,
          description: input.description,
          timeZone: input.timeZone,
          teamId,
        },
      });
      await writeLayers(tx, schedule.id, input);
      await audit(tx, actor, 'schedule.updated', schedule.slug, {
        scheduleId: schedule.id,
        ...summary(input),
      });
      return { id: schedule.id, slug: schedule.slug };
    }),
  );
}

/** Refused (409) while an escalation level pages its on-call: the level would page nobody. */
export async function deleteSchedule(actor: Actor, idOrSlug: string): Promise<void> {
  assertRole(actor, 'responder');
  await db().$transaction(async (tx) => {
    const schedule = await findSchedule(tx, idOrSlug);
    await assertCanManageTeam(actor, schedule.teamId, tx);
    // Locked before the check: a policy write that locks the schedules it names (FOR SHARE) either
    // commits first, and its level is seen below, or waits and then finds the schedule gone.
    await tx.$queryRaw`SELECT id FROM schedules WHERE id = ${schedule.id} FOR UPDATE`;
    const levels = await tx.escalationLevel.findMany({
      where: { scheduleIds: { has: schedule.id } },
      select: { name: true, policy: { select: { name: true } } },
      take: 5,
    });
    if (levels.length > 0)
      throw new ConflictError(
        `Escalation policies page this schedule's on-call (${levels.map((l) => `${l.policy.name}: ${l.name}`).join(', ')}); point those levels elsewhere first.`,
      );
    await tx.schedule.delete({ where: { id: schedule.id } });
    await audit(tx, actor, 'schedule.deleted', schedule.slug, {
      scheduleId: schedule.id,
      name: schedule.name,
    });
  });
}

/** What the audit log keeps of a schedule: enough to see what changed, not every restriction. */
const summary = (input: ScheduleInput) => ({
  name: input.name,
  teamId: input.teamId,
  timeZone: input.timeZone,
  layers: input.layers.map((l) => ({
    name: l.name,
    rotation: l.rotation,
    rotationLength: l.rotationLength,
    handoffTime: l.handoffTime,
    timeZone: l.timeZone,
    startDate: l.startDate,
    participants: l.participants,
  })),
});
