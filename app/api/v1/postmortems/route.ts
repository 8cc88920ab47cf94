import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { listPostmortems } from '@/lib/postmortems/lists';

/** `GET /api/v1/postmortems`: every post-mortem, newest change first. */
export const GET = route('/api/v1/postmortems', async () => listPostmortems(await requireActor()));
