import { route } from '@/lib/http/route';
import { listPushDevicesOp, registerPushDeviceOp } from '@/lib/push/api';
import { listSubscriptions, saveSubscription } from '@/lib/push/subscriptions';

export const GET = route(listPushDevicesOp, async (_input, { actor }) => ({
  devices: await listSubscriptions(actor),
}));

export const POST = route(registerPushDeviceOp, async ({ body }, { actor }) => saveSubscription(actor, body));
