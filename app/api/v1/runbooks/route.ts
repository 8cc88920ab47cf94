import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { runbookListQuerySchema } from '@/lib/runbooks/api-schema';
import { listRunbooks } from '@/lib/runbooks/runbooks';
import { parseInput } from '@/lib/validation';

/** The runbooks (viewer): `?q=` searches titles, alert names, owners and text. */
export const GET = route('/api/v1/runbooks', async (request) => {
  const actor = await requireActor();
  const { q } = parseInput(runbookListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return listRunbooks(actor, q);
});
