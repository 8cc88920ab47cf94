import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { canManageTeam } from '@/lib/teams/access';
import { generateFeedSecret } from './feed-secret';
import type { FeedRow } from './schedule-schemas';
import { findSchedule } from './schedules';

/**
 * Secret iCal feed URLs, per schedule or per person. Anyone signed in may create a feed of a schedule
 * (it shows what they can already read) or of their own shifts; the secret is in the creation answer
 * only. A schedule's feeds are listed and revoked by their creator, and by an admin or a team admin of
 * the schedule's team; a person's feeds by that person. Revocation takes effect at the next fetch.
 */

type Tx = Prisma.TransactionClient;
type Created = { id: string; prefix: string; secret: string; path: string };
/** Whose feeds: one schedule's, or the caller's own shifts. */
type Owner = { scheduleIdOrSlug: string } | 'me';

const feedRow = (
  f: Prisma.CalendarFeedGetPayload<{ include: { createdBy: { select: { email: true } } } }>,
) => ({
  id: f.id,
  prefix: f.prefix,
  scheduleId: f.scheduleId,
  userId: f.userId,
  createdBy: f.createdBy.email,
  createdAt: f.createdAt.toISOString(),
  lastUsedAt: f.lastUsedAt?.toISOString() ?? null,
});

export async function createFeed(actor: Actor, owner: Owner): Promise<Created> {
  assertRole(actor, 'viewer');
  const { secret, hash, prefix } = generateFeedSecret();
  return db().$transaction(async (tx) => {
    const schedule = owner === 'me' ? null : await findSchedule(tx, owner.scheduleIdOrSlug);
    const feed = await tx.calendarFeed.create({
      data: {
        tokenHash: hash,
        prefix,
        scheduleId: schedule?.id ?? null,
        userId: schedule ? null : actor.id,
        createdById: actor.id,
      },
    });
    await audit(tx, actor, 'calendar_feed.created', schedule?.slug ?? actor.email, {
      feedId: feed.id,
      prefix,
    });
    return { id: feed.id, prefix, secret, path: `/api/v1/calendar/${secret}` };
  });
}

/** Whether the caller sees and revokes every feed of this schedule, or only the ones they created. */
async function seesAll(tx: Tx, actor: Actor, teamId: string | null) {
  return canManageTeam(actor, teamId, tx);
}

export async function listFeeds(actor: Actor, owner: Owner): Promise<FeedRow[]> {
  assertRole(actor, 'viewer');
  const client = db();
  let where: Prisma.CalendarFeedWhereInput;
  if (owner === 'me') where = { userId: actor.id };
  else {
    const schedule = await findSchedule(client, owner.scheduleIdOrSlug);
    where = (await seesAll(client, actor, schedule.teamId))
      ? { scheduleId: schedule.id }
      : { scheduleId: schedule.id, createdById: actor.id };
  }
  const feeds = await client.calendarFeed.findMany({
    where: { ...where, revokedAt: null },
    include: { createdBy: { select: { email: true } } },
    orderBy: { createdAt: 'desc' },
  });
  return feeds.map(feedRow);
}

export async function revokeFeed(actor: Actor, owner: Owner, feedId: string): Promise<void> {
  assertRole(actor, 'viewer');
  await db().$transaction(async (tx) => {
    const schedule = owner === 'me' ? null : await findSchedule(tx, owner.scheduleIdOrSlug);
    const feed = await tx.calendarFeed.findFirst({
      where: schedule ? { id: feedId, scheduleId: schedule.id } : { id: feedId, userId: actor.id },
    });
    const allowed =
      feed && (!schedule || feed.createdById === actor.id || (await seesAll(tx, actor, schedule.teamId)));
    // Someone else's feed is "not found": its existence is not the caller's business.
    if (!feed || !allowed) throw new NotFoundError(`No calendar feed "${feedId}" of yours here.`);
    if (feed.revokedAt) return;
    await tx.calendarFeed.update({ where: { id: feed.id }, data: { revokedAt: new Date() } });
    await audit(tx, actor, 'calendar_feed.revoked', schedule?.slug ?? actor.email, {
      feedId: feed.id,
      prefix: feed.prefix,
    });
  });
}
