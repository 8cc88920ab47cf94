import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { type LoadedSchedule, loadSchedules } from './load';
import { computeShifts, ON_CALL_HORIZON_DAYS, onCallAt, wholeRange, wholeShifts } from './shifts';
import type { Shift } from './types';

/** One person's side of the schedules: where they are on call, now and over a range. */

type Client = Prisma.TransactionClient | PrismaClient;

/** Schedules where the person is in a layer or has an override ending after `since`, loaded. */
async function schedulesOf(client: Client, userId: string, since: Date): Promise<LoadedSchedule[]> {
  const ids = await client.schedule.findMany({
    where: {
      OR: [
        { layers: { some: { participants: { some: { userId } } } } },
        { overrides: { some: { userId, endsAt: { gt: since } } } },
      ],
    },
    select: { id: true },
  });
  return loadSchedules(
    client,
    ids.map((s) => s.id),
    { overridesSince: since },
  );
}

export type PersonShift = Shift & { scheduleId: string };

/** The person's final shifts on every schedule that overlap the range, whole (wholeShifts), by start. */
export async function personShifts(
  client: Client,
  userId: string,
  range: { from: Date; to: Date },
): Promise<{ shifts: PersonShift[]; scheduleNames: Map<string, string> }> {
  const schedules = await schedulesOf(client, userId, wholeRange(range).from);
  const shifts = schedules
    .flatMap((s) =>
      wholeShifts(s.layers, s.overrides, range)
        .filter((shift) => shift.userId === userId)
        .map((shift) => ({ ...shift, scheduleId: s.id })),
    )
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  return { shifts, scheduleNames: new Map(schedules.map((s) => [s.id, s.name])) };
}

/** `continues`: no hand-off within the look-ahead, so `until` is not one (OnCallShift). */
type PersonOnCall = {
  scheduleId: string;
  scheduleName: string;
  since: Date;
  until: Date;
  continues: boolean;
};

/**
 * Where the person is on call at `at`, and until when (onCallAt: their continuous cover); on several
 * schedules at once, the cover that ends first.
 */
export async function personOnCall(client: Client, userId: string, at: Date): Promise<PersonOnCall | null> {
  const schedules = await schedulesOf(
    client,
    userId,
    new Date(at.getTime() - ON_CALL_HORIZON_DAYS * 86_400_000),
  );
  let found: PersonOnCall | null = null;
  const instant = { from: at, to: new Date(at.getTime() + 1) };
  for (const s of schedules) {
    // Who holds this very millisecond is cheap to compute; onCallAt's 70 days only where it is them
    // (GET /api/v1/me asks this on every page).
    if (computeShifts(s.layers, s.overrides, instant).final[0]?.userId !== userId) continue;
    const shift = onCallAt(s.layers, s.overrides, at);
    if (shift?.userId !== userId) continue;
    if (!found || shift.end < found.until)
      found = {
        scheduleId: s.id,
        scheduleName: s.name,
        since: shift.start,
        until: shift.end,
        continues: shift.continues,
      };
  }
  return found;
}
