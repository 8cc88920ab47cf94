import { route } from '@/lib/http/route';
import { createScheduleFeedOp, listScheduleFeedsOp } from '@/lib/schedules/api';
import { createFeed, listFeeds } from '@/lib/schedules/calendar-feeds';

export const GET = route(listScheduleFeedsOp, async ({ params }, { actor }) => ({
  feeds: await listFeeds(actor, { scheduleIdOrSlug: params.id }),
}));

/** → `{id, prefix, secret, path}`; the secret is in this answer only. */
export const POST = route(createScheduleFeedOp, async ({ params }, { actor }) =>
  createFeed(actor, { scheduleIdOrSlug: params.id }),
);
