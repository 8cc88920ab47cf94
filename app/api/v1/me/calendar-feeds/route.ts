import { route } from '@/lib/http/route';
import { createMyFeedOp, listMyFeedsOp } from '@/lib/schedules/api';
import { createFeed, listFeeds } from '@/lib/schedules/calendar-feeds';

export const GET = route(listMyFeedsOp, async (_input, { actor }) => ({
  feeds: await listFeeds(actor, 'me'),
}));

/** → `{id, prefix, secret, path}`; the secret is in this answer only. */
export const POST = route(createMyFeedOp, async (_input, { actor }) => createFeed(actor, 'me'));
