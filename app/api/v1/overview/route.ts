import { route } from '@/lib/http/route';
import { overviewOp } from '@/lib/overview/api';
import { currentOverview } from '@/lib/overview/current';

/** Tiles, targets, rule health and banners, from the snapshots (no upstream request). */
export const GET = route(overviewOp, () => currentOverview());
