import { route } from '@/lib/http/route';
import { myPagesOp } from '@/lib/push/api';
import { myPagesSince } from '@/lib/push/tab-notifications';

export const GET = route(myPagesOp, async ({ query }, { actor }) => {
  // Taken before the query: a page created while it runs is in the next poll, never in neither.
  const now = new Date().toISOString();
  return { pages: await myPagesSince(actor, new Date(query.since)), now };
});
