import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { openActionItems } from '@/lib/postmortems/lists';

/** `GET /api/v1/postmortems/action-items`: open action items across incidents. */
export const GET = route('/api/v1/postmortems/action-items', async () =>
  openActionItems(await requireActor()),
);
