import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { canManageTeam } from '@/lib/teams/access';
import { loadSchedules } from './load';
import { assertActiveUser } from './overrides';
import type { SwapInput, SwapRow } from './schedule-schemas';
import { findSchedule } from './schedules';
import { computeShifts } from './shifts';

/**
 * Shift swaps: a participant on call over [startsAt, endsAt) asks one person, or anyone on the schedule
 * (a participant of one of its layers), to cover it. Acceptance turns into an override for the acceptor
 * in the same transaction as the status change, and only an open request can be accepted: the status
 * update is conditional (`WHERE status = 'open'`), so of two people accepting at once PostgreSQL lets one
 * through and the other gets a 409. The asked person may decline; the requester (or a team admin) may
 * cancel.
 */

type Tx = Prisma.TransactionClient;

const SWAP_INCLUDE = {
  schedule: { select: { id: true, slug: true, name: true } },
  requester: { select: { id: true, name: true, email: true } },
  targetUser: { select: { id: true, name: true, email: true } },
  acceptedBy: { select: { id: true, name: true, email: true } },
} as const;

type SwapDbRow = Prisma.ShiftSwapRequestGetPayload<{ include: typeof SWAP_INCLUDE }>;

const person = (u: { id: string; name: string | null; email: string } | null) =>
  u ? { userId: u.id, name: u.name, email: u.email } : null;

const swapRow = (s: SwapDbRow): SwapRow => ({
  id: s.id,
  schedule: s.schedule,
  requester: person(s.requester) as NonNullable<ReturnType<typeof person>>,
  target: person(s.targetUser),
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  note: s.note,
  status: s.status,
  acceptedBy: person(s.acceptedBy),
  overrideId: s.overrideId,
  createdAt: s.createdAt.toISOString(),
  decidedAt: s.decidedAt?.toISOString() ?? null,
});

/** Whether the requester is the final on-call person over the whole of [startsAt, endsAt). */
async function coversWholeInterval(tx: Tx, scheduleId: string, userId: string, input: SwapInput) {
  const [schedule] = await loadSchedules(tx, [scheduleId]);
  if (!schedule) return false;
  const { final } = computeShifts(schedule.layers, schedule.overrides, {
    from: input.startsAt,
    to: input.endsAt,
  });
  let covered = input.startsAt.getTime();
  for (const shift of final) {
    if (shift.userId !== userId || shift.start.getTime() > covered) return false;
    covered = Math.max(covered, shift.end.getTime());
  }
  return covered >= input.endsAt.getTime();
}

export async function requestSwap(
  actor: Actor,
  scheduleIdOrSlug: string,
  input: SwapInput,
): Promise<SwapRow> {
  assertRole(actor, 'responder');
  if (input.endsAt.getTime() <= Date.now())
    throw new ValidationError('That interval is over; ask for cover of a shift still to come.', {
      endsAt: 'in the past',
    });
  return db().$transaction(async (tx) => {
    const schedule = await findSchedule(tx, scheduleIdOrSlug);
    if (input.targetUserId !== null) {
      if (input.targetUserId === actor.id)
        throw new ValidationError('Ask someone else to cover your shift.', {
          targetUserId: 'cannot be you: choose someone else, or anyone on the schedule',
        });
      await assertActiveUser(tx, input.targetUserId, 'targetUserId');
    }
    if (!(await coversWholeInterval(tx, schedule.id, actor.id, input)))
      throw new ValidationError(
        `You are not on call on ${schedule.slug} for the whole of that interval; ask for cover of your own shift (GET /api/v1/schedules/${schedule.slug}/shifts shows them).`,
        { startsAt: 'not within your shift' },
      );
    const row = await tx.shiftSwapRequest.create({
      data: {
        scheduleId: schedule.id,
        requesterId: actor.id,
        targetUserId: input.targetUserId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        note: input.note,
      },
      include: SWAP_INCLUDE,
    });
    await audit(tx, actor, 'schedule.swap_requested', schedule.slug, {
      swapId: row.id,
      targetUserId: row.targetUserId,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
    });
    return swapRow(row);
  });
}

async function findSwap(tx: Tx, id: string) {
  const swap = await tx.shiftSwapRequest.findUnique({ where: { id }, include: SWAP_INCLUDE });
  if (!swap) throw new NotFoundError(`No shift-swap request "${id}"; GET /api/v1/swap-requests lists yours.`);
  return swap;
}

const notOpen = (status: string) => new ConflictError(`This request is ${status} already; nothing changed.`);

/** Marks an open request decided; false when someone else decided it first (the row is no longer open). */
async function decide(
  tx: Tx,
  id: string,
  data: Prisma.ShiftSwapRequestUpdateManyMutationInput & { acceptedById?: string },
): Promise<boolean> {
  const { count } = await tx.shiftSwapRequest.updateMany({
    where: { id, status: 'open' },
    data: { ...data, decidedAt: new Date() },
  });
  return count === 1;
}

export async function acceptSwap(actor: Actor, id: string): Promise<SwapRow> {
  assertRole(actor, 'responder');
  return db().$transaction(async (tx) => {
    const swap = await findSwap(tx, id);
    if (swap.status !== 'open') throw notOpen(swap.status);
    if (swap.requesterId === actor.id) throw new ForbiddenError('You cannot accept your own request.');
    if (swap.targetUserId !== null && swap.targetUserId !== actor.id)
      throw new ForbiddenError('This request asks someone else; only they may accept it.');
    if (swap.targetUserId === null) {
      const onSchedule = await tx.scheduleLayerParticipant.findFirst({
        where: { userId: actor.id, layer: { scheduleId: swap.scheduleId } },
        select: { layerId: true },
      });
      if (!onSchedule)
        throw new ForbiddenError(
          `Only people on ${swap.schedule.slug} may take an open request; ask a team admin to add you to a layer.`,
        );
    }
    if (swap.endsAt.getTime() <= Date.now())
      throw new ConflictError('This request is over; nothing changed.');
    if (!(await decide(tx, id, { status: 'accepted', acceptedById: actor.id })))
      throw new ConflictError('Someone else decided this request just now; nothing changed.');
    const override = await tx.scheduleOverride.create({
      data: {
        scheduleId: swap.scheduleId,
        userId: actor.id,
        startsAt: swap.startsAt,
        endsAt: swap.endsAt,
        reason: `Covers ${swap.requester.name ?? swap.requester.email} (shift swap)`,
        createdById: actor.id,
      },
    });
    const row = await tx.shiftSwapRequest.update({
      where: { id },
      data: { overrideId: override.id },
      include: SWAP_INCLUDE,
    });
    await audit(tx, actor, 'schedule.swap_accepted', swap.schedule.slug, {
      swapId: id,
      overrideId: override.id,
      requesterId: swap.requesterId,
    });
    return swapRow(row);
  });
}

export async function declineSwap(actor: Actor, id: string): Promise<SwapRow> {
  assertRole(actor, 'responder');
  return db().$transaction(async (tx) => {
    const swap = await findSwap(tx, id);
    if (swap.status !== 'open') throw notOpen(swap.status);
    if (swap.targetUserId !== actor.id)
      throw new ForbiddenError(
        swap.targetUserId === null
          ? 'This request is open to anyone; leave it for someone else instead of declining it.'
          : 'Only the person asked may decline this request.',
      );
    if (!(await decide(tx, id, { status: 'declined' })))
      throw new ConflictError('Someone else decided this request just now; nothing changed.');
    await audit(tx, actor, 'schedule.swap_declined', swap.schedule.slug, { swapId: id });
    return swapRow(await findSwap(tx, id));
  });
}

export async function cancelSwap(actor: Actor, id: string): Promise<SwapRow> {
  assertRole(actor, 'responder');
  return db().$transaction(async (tx) => {
    const swap = await findSwap(tx, id);
    if (swap.status !== 'open') throw notOpen(swap.status);
    if (swap.requesterId !== actor.id) {
      const schedule = await tx.schedule.findUniqueOrThrow({ where: { id: swap.scheduleId } });
      if (!(await canManageTeam(actor, schedule.teamId, tx)))
        throw new ForbiddenError('Only the requester (or a team admin) may cancel this request.');
    }
    if (!(await decide(tx, id, { status: 'cancelled' })))
      throw new ConflictError('Someone else decided this request just now; nothing changed.');
    await audit(tx, actor, 'schedule.swap_cancelled', swap.schedule.slug, { swapId: id });
    return swapRow(await findSwap(tx, id));
  });
}

const RECENT_MS = 30 * 86_400_000;

/** Open requests asked of me (or of anyone on a schedule I am on), and my own requests. */
export async function mySwapRequests(actor: Actor, now = new Date()) {
  assertRole(actor, 'viewer');
  const client = db();
  const [forMe, mine] = await Promise.all([
    client.shiftSwapRequest.findMany({
      where: {
        status: 'open',
        endsAt: { gt: now },
        requesterId: { not: actor.id },
        OR: [
          { targetUserId: actor.id },
          {
            targetUserId: null,
            schedule: { layers: { some: { participants: { some: { userId: actor.id } } } } },
          },
        ],
      },
      include: SWAP_INCLUDE,
      orderBy: { startsAt: 'asc' },
      take: 200,
    }),
    client.shiftSwapRequest.findMany({
      where: {
        requesterId: actor.id,
        OR: [{ status: 'open' }, { decidedAt: { gt: new Date(now.getTime() - RECENT_MS) } }],
      },
      include: SWAP_INCLUDE,
      orderBy: { startsAt: 'asc' },
      take: 200,
    }),
  ]);
  return { forMe: forMe.map(swapRow), mine: mine.map(swapRow) };
}
