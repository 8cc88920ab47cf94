import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { recentLogs } from '@/lib/runbooks/logs';

/**
 * The newest lines of a LogQL log query from Loki (viewer): `?query=&since=&limit=`, for runbooks'
 * `<LogQL>`. The browser never talks to Loki itself.
 */
export const GET = route('/api/v1/logs', async (request) => {
  await requireActor();
  return recentLogs(Object.fromEntries(new URL(request.url).searchParams));
});
