import { route } from '@/lib/http/route';
import { targetsOp } from '@/lib/overview/api';
import { currentOverview } from '@/lib/overview/current';

/** Scrape targets of every Prometheus, grouped by job, jobs with down targets first. */
export const GET = route(targetsOp, async () => (await currentOverview()).targets);
