import { route } from '@/lib/http/route';
import { removePushDeviceOp } from '@/lib/push/api';
import { removeSubscription } from '@/lib/push/subscriptions';

export const DELETE = route(removePushDeviceOp, async ({ params }, { actor }) => {
  await removeSubscription(actor, params.id);
  return { ok: true as const };
});
