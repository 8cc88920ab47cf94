import 'server-only';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { coverAt, type PersonCover } from './cover';
import { type LoadedSchedule, loadSchedules } from './load';
import { ON_CALL_HORIZON_DAYS, type WholeShift, wholeRange, wholeShifts } from './shifts';

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

export type PersonShift = WholeShift & { scheduleId: string };

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

type PersonOnCall = PersonCover & { scheduleId: string; scheduleName: string };

/**
 * Where the person is on call at `at`, and until when they stop being on call on any schedule (coverAt:
 * covers that overlap or touch are one stretch); `scheduleId` and `scheduleName` are the first of
 * `schedules`, one they are on call on at `at`. `continues`: no moment off call within the look-ahead, so `until` is not a hand-off.
 */
export async function personOnCall(client: Client, userId: string, at: Date): Promise<PersonOnCall | null> {
  const schedules = await schedulesOf(
    client,
    userId,
    new Date(at.getTime() - ON_CALL_HORIZON_DAYS * 86_400_000),
  );
  const cover = coverAt(schedules, userId, at);
  const first = cover?.schedules[0];
  if (!cover || !first) return null;
  return { ...cover, scheduleId: first.id, scheduleName: first.name };
}
