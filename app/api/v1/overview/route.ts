import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { currentOverview } from '@/lib/overview/current';

/** Tiles, targets, rule health and banners, from the snapshots (no upstream request). */
export const GET = route('/api/v1/overview', async () => {
  await requireActor();
  return currentOverview();
});
