import { route } from '@/lib/api/route';
import { requireActor } from '@/lib/auth';
import { currentOverview } from '@/lib/overview/current';

/** Scrape targets of every Prometheus, grouped by job, jobs with down targets first. */
export const GET = route('/api/v1/targets', async () => {
  await requireActor();
  const { targets } = await currentOverview();
  return targets;
});
