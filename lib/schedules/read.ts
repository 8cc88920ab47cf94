import 'server-only';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { canManageTeam } from '@/lib/teams/access';
import { loadSchedules } from './load';
import { onCallRow, peopleById, shiftRow } from './people';
import type { ScheduleDetail, ScheduleSummary } from './schedule-schemas';
import { findSchedule } from './schedules';
import { computeShifts, onCallAt } from './shifts';

/**
 * Reading schedules: the list with who is on call now, one schedule with its layers and upcoming
 * overrides, computed shifts over a range, and who is on call everywhere at an instant. Anyone signed in.
 */

const DEFAULT_RANGE_MS = 7 * 86_400_000;

export async function listSchedules(actor: Actor, now = new Date()): Promise<ScheduleSummary[]> {
  assertRole(actor, 'viewer');
  const client = db();
  const [loaded, rows] = await Promise.all([
    loadSchedules(client),
    client.schedule.findMany({
      select: { id: true, description: true, team: { select: { id: true, slug: true, name: true } } },
    }),
  ]);
  const extra = new Map(rows.map((r) => [r.id, r]));
  const onCall = new Map(loaded.map((s) => [s.id, onCallAt(s.layers, s.overrides, now)]));
  const people = await peopleById(
    client,
    [...onCall.values()].flatMap((s) => (s ? [s.userId] : [])),
  );
  return loaded.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: extra.get(s.id)?.description ?? '',
    timeZone: s.timeZone,
    team: extra.get(s.id)?.team ?? null,
    onCallNow: onCallRow(onCall.get(s.id), people),
  }));
}

export async function getSchedule(actor: Actor, idOrSlug: string, now = new Date()): Promise<ScheduleDetail> {
  assertRole(actor, 'viewer');
  const client = db();
  const found = await findSchedule(client, idOrSlug);
  const [schedule, [loaded]] = await Promise.all([
    client.schedule.findUniqueOrThrow({
      where: { id: found.id },
      include: {
        team: { select: { id: true, slug: true, name: true } },
        layers: {
          orderBy: { position: 'asc' },
          include: { participants: { orderBy: { position: 'asc' }, select: { userId: true } } },
        },
        overrides: { where: { endsAt: { gt: now } }, orderBy: { startsAt: 'asc' }, take: 200 },
      },
    }),
    loadSchedules(client, [found.id]),
  ]);
  const current = loaded ? onCallAt(loaded.layers, loaded.overrides, now) : null;
  const people = await peopleById(client, [
    ...schedule.layers.flatMap((l) => l.participants.map((p) => p.userId)),
    ...schedule.overrides.map((o) => o.userId),
    ...(current ? [current.userId] : []),
  ]);
  const person = (userId: string) => ({
    userId,
    name: people.get(userId)?.name ?? null,
    email: people.get(userId)?.email ?? '',
  });
  return {
    id: schedule.id,
    slug: schedule.slug,
    name: schedule.name,
    description: schedule.description,
    timeZone: schedule.timeZone,
    team: schedule.team,
    onCallNow: onCallRow(current, people),
    layers: (loaded?.layers ?? []).map((l) => ({
      id: l.id,
      position: l.position,
      name: l.name,
      rotation: l.rotation,
      rotationLength: l.rotationLength,
      handoffTime: l.handoffTime,
      timeZone: l.timeZone,
      startDate: l.startDate,
      endsAt: l.endsAt?.toISOString() ?? null,
      restrictions: l.restrictions,
      participants: l.participants.map(person),
    })),
    upcomingOverrides: schedule.overrides.map((o) => ({
      ...person(o.userId),
      id: o.id,
      scheduleId: o.scheduleId,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      reason: o.reason,
      createdById: o.createdById,
      createdAt: o.createdAt.toISOString(),
    })),
    canManage: await canManageTeam(actor, schedule.teamId, client),
  };
}

/** Final and per-layer shifts over [from, to) (default: the next seven days). */
export async function scheduleShifts(
  actor: Actor,
  idOrSlug: string,
  range: { from?: Date; to?: Date },
  now = new Date(),
) {
  assertRole(actor, 'viewer');
  const client = db();
  const found = await findSchedule(client, idOrSlug);
  const from = range.from ?? (range.to ? new Date(range.to.getTime() - DEFAULT_RANGE_MS) : now);
  const to = range.to ?? new Date(from.getTime() + DEFAULT_RANGE_MS);
  const [schedule] = await loadSchedules(client, [found.id], {
    overridesSince: new Date(Math.min(from.getTime(), now.getTime())),
  });
  const layers = schedule?.layers ?? [];
  const shifts = computeShifts(layers, schedule?.overrides ?? [], { from, to });
  const people = await peopleById(client, [
    ...shifts.final.map((s) => s.userId),
    ...shifts.layers.flatMap((l) => l.shifts.map((s) => s.userId)),
  ]);
  const layerName = new Map(layers.map((l) => [l.id, l.name]));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    final: shifts.final.map((s) => shiftRow(s, people)),
    layers: shifts.layers.map((l) => ({
      layerId: l.layerId,
      name: layerName.get(l.layerId) ?? '',
      shifts: l.shifts.map((s) => shiftRow(s, people)),
    })),
  };
}

/** For every schedule, who is on call at `at` and until when. */
export async function onCallEverywhere(actor: Actor, at: Date) {
  assertRole(actor, 'viewer');
  const client = db();
  const since = new Date(Math.min(Date.now(), at.getTime()) - 90 * 86_400_000);
  const schedules = await loadSchedules(client, undefined, { overridesSince: since });
  const shifts = schedules.map((s) => onCallAt(s.layers, s.overrides, at));
  const people = await peopleById(
    client,
    shifts.flatMap((s) => (s ? [s.userId] : [])),
  );
  return {
    at: at.toISOString(),
    schedules: schedules.map((s, i) => ({
      id: s.id,
      slug: s.slug,
      name: s.name,
      onCall: onCallRow(shifts[i], people),
    })),
  };
}
