import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { restrictionsSchema, rotationSchema } from './layer-schemas';
import { ON_CALL_HORIZON_DAYS, onCallAt } from './shifts';
import type { LayerInput, OverrideInput, Shift } from './types';

/**
 * Schedules as the pure shift computation takes them (types.ts), read in one query per relation level
 * (schedules, layers, participants, overrides) whatever the number of schedules or layers: this runs
 * on the escalation path.
 */

type Client = Prisma.TransactionClient | PrismaClient;

export type LoadedSchedule = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  teamId: string | null;
  layers: LayerInput[];
  overrides: OverrideInput[];
};

/** How far back overrides are read by default: enough for the calendar's past and recent history. */
const OVERRIDE_HISTORY_MS = 90 * 24 * 3600_000;

/**
 * `ids` undefined: every schedule; otherwise those (unknown ids are left out, not an error). Overrides:
 * all that end after `overridesSince` (default 90 days ago), so a question about an older instant must
 * pass an earlier one.
 */
export async function loadSchedules(
  client: Client,
  ids?: readonly string[],
  { overridesSince = new Date(Date.now() - OVERRIDE_HISTORY_MS) }: { overridesSince?: Date } = {},
): Promise<LoadedSchedule[]> {
  if (ids && ids.length === 0) return [];
  const where = ids ? { id: { in: [...ids] } } : {};
  const schedules = await client.schedule.findMany({
    where,
    orderBy: { name: 'asc' },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      teamId: true,
      layers: {
        orderBy: { position: 'asc' },
        include: { participants: { orderBy: { position: 'asc' }, select: { userId: true } } },
      },
      overrides: {
        where: { endsAt: { gt: overridesSince } },
        // Creation order: where overrides overlap, computeShifts lets the last created win.
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, userId: true, startsAt: true, endsAt: true },
      },
    },
  });
  return schedules.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    timeZone: s.timeZone,
    teamId: s.teamId,
    layers: s.layers.map(toLayerInput),
    overrides: s.overrides,
  }));
}

type LayerRow = Prisma.ScheduleLayerGetPayload<{
  include: { participants: { select: { userId: true } } };
}>;

function toLayerInput(row: LayerRow): LayerInput {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    // Both were validated when written (schedule-schemas.ts); a row edited by hand fails loudly here
    // rather than computing shifts from a guess.
    rotation: rotationSchema.parse(row.rotation),
    rotationLength: row.rotationLength,
    handoffTime: row.handoffTime,
    timeZone: row.timeZone,
    startDate: row.startDate,
    endsAt: row.endsAt,
    participants: row.participants.map((p) => p.userId),
    restrictions: restrictionsSchema.parse(row.restrictions),
  };
}

/**
 * Who is on call on each schedule at `at` (null: nobody), keyed by schedule id; ids that name no
 * schedule are absent from the map.
 */
export async function whoIsOnCall(
  client: Client,
  scheduleIds: readonly string[],
  at: Date,
): Promise<Map<string, Shift | null>> {
  // onCallAt looks ON_CALL_HORIZON_DAYS back from `at` for the same person's earlier shifts.
  const since = new Date(
    Math.min(Date.now() - OVERRIDE_HISTORY_MS, at.getTime() - ON_CALL_HORIZON_DAYS * 86_400_000),
  );
  const schedules = await loadSchedules(client, scheduleIds, { overridesSince: since });
  return new Map(schedules.map((s) => [s.id, onCallAt(s.layers, s.overrides, at)]));
}
