import 'server-only';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { feedSecretMatches, hashFeedSecret } from './feed-secret';
import { shiftsCalendar } from './ical';
import { loadSchedules } from './load';
import { peopleById } from './people';
import { personShifts } from './person';
import { wholeRange, wholeShifts } from './shifts';

/**
 * The body of a calendar feed (GET /api/v1/calendar/{secret}): a schedule's final shifts, or one
 * person's shifts on every schedule, from FEED_PAST_DAYS ago to FEED_FUTURE_DAYS ahead (feedRange), as iCalendar.
 * An unknown or revoked secret, or one whose creator is disabled, is a 404, the same answer each way.
 */

type Client = Prisma.TransactionClient | PrismaClient;

const DAY_MS = 86_400_000;
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 60;

const unknownFeed = () =>
  new NotFoundError('No such calendar feed: it was revoked, or the URL is incomplete. Create a new one.');

/**
 * The range a feed covers, counted from the start of the current UTC day rather than from the fetch: the
 * shifts a feed lists are cut by the range (a rotation of one person has no hand-off, so its shift ends
 * at the look-ahead), and a range that moved with every fetch moved that end by the minutes between two
 * refreshes, so calendar apps rewrote the event each time. Now it moves once a day. Epoch days are UTC
 * days: no zone is involved.
 *
 * @example feedRange(new Date('2027-03-28T15:04:05Z')) → {from: 2027-02-26T00:00Z, to: 2027-05-27T00:00Z}
 */
export function feedRange(now: Date): { from: Date; to: Date } {
  const day = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return { from: new Date(day - FEED_PAST_DAYS * DAY_MS), to: new Date(day + FEED_FUTURE_DAYS * DAY_MS) };
}

export async function feedCalendar(secret: string, now = new Date()): Promise<string> {
  const client = db();
  const feed = await client.calendarFeed.findUnique({
    where: { tokenHash: hashFeedSecret(secret) },
    include: { createdBy: { select: { disabledAt: true } } },
  });
  // The lookup is by hash; the constant-time comparison guards against a future lookup that is not.
  // A disabled user's feeds stop with them, as their API tokens do.
  if (!feed || feed.revokedAt || feed.createdBy.disabledAt || !feedSecretMatches(secret, feed.tokenHash))
    throw unknownFeed();
  // Calendar apps poll every few minutes to hours: recording each fetch at most once a minute is enough.
  if (!feed.lastUsedAt || now.getTime() - feed.lastUsedAt.getTime() > 60_000)
    await client.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: now } });
  const range = feedRange(now);
  if (feed.scheduleId) return scheduleFeed(client, feed.scheduleId, range);
  if (feed.userId) return personFeed(client, feed.userId, range);
  throw unknownFeed();
}

async function scheduleFeed(client: Client, scheduleId: string, range: { from: Date; to: Date }) {
  const [schedule] = await loadSchedules(client, [scheduleId], { overridesSince: wholeRange(range).from });
  if (!schedule) throw unknownFeed();
  const shifts = wholeShifts(schedule.layers, schedule.overrides, range);
  const people = await peopleById(
    client,
    shifts.map((s) => s.userId),
  );
  return shiftsCalendar({
    name: `On call: ${schedule.name}`,
    shifts: shifts.map((s) => ({ ...s, scheduleId })),
    userNames: namesOf(people),
  });
}

async function personFeed(client: Client, userId: string, range: { from: Date; to: Date }) {
  const [{ shifts, scheduleNames }, people] = await Promise.all([
    personShifts(client, userId, range),
    peopleById(client, [userId]),
  ]);
  const who = people.get(userId);
  return shiftsCalendar({
    name: `My on-call shifts (${who?.name ?? who?.email ?? userId})`,
    shifts,
    userNames: namesOf(people),
    scheduleNames: Object.fromEntries(scheduleNames),
  });
}

const namesOf = (people: Map<string, { name: string | null; email: string }>) =>
  Object.fromEntries([...people].map(([id, p]) => [id, p.name ?? p.email]));
