import { route } from '@/lib/http/route';
import { revokeMyFeedOp } from '@/lib/schedules/api';
import { revokeFeed } from '@/lib/schedules/calendar-feeds';

export const DELETE = route(revokeMyFeedOp, async ({ params }, { actor }) => {
  await revokeFeed(actor, 'me', params.feedId);
  return { ok: true as const };
});
