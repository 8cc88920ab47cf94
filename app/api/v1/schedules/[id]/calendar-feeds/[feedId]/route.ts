import { route } from '@/lib/http/route';
import { revokeScheduleFeedOp } from '@/lib/schedules/api';
import { revokeFeed } from '@/lib/schedules/calendar-feeds';

export const DELETE = route(revokeScheduleFeedOp, async ({ params }, { actor }) => {
  await revokeFeed(actor, { scheduleIdOrSlug: params.id }, params.feedId);
  return { ok: true as const };
});
