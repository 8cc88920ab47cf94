import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { upstreamHealth } from '@/lib/upstreams/health';

export const GET = route('/api/v1/upstreams', async () => {
  await requireActor();
  return upstreamHealth();
});
