import 'server-only';
import { currentViews } from '@/lib/snapshots/sources';
import type { Overview } from './api-schema';
import { buildOverview } from './build-overview';

export async function currentOverview(): Promise<Overview> {
  return buildOverview(await currentViews());
}
