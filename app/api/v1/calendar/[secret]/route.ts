import { route } from '@/lib/http/route';
import { calendarFeedOp } from '@/lib/schedules/api';
import { feedCalendar } from '@/lib/schedules/calendar';

/** The secret in the path is the credential; route() logs this path with the secret redacted. */
export const GET = route(
  calendarFeedOp,
  async ({ params }) =>
    new Response(await feedCalendar(params.secret), {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        // A shared cache must not keep a feed: it would outlive the feed's revocation.
        'cache-control': 'private, no-store',
      },
    }),
);
