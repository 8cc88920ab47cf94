import 'server-only';
import { openAcks } from '@/lib/alerts/ack-state';
import { currentViews } from '@/lib/snapshots/sources';
import type { Overview } from './api-schema';
import { buildOverview } from './build-overview';

export async function currentOverview(): Promise<Overview> {
  const [views, acks] = await Promise.all([currentViews(), openAcks()]);
  return buildOverview({ ...views, acks });
}
