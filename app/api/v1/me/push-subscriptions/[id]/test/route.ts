import { route } from '@/lib/http/route';
import { admitTestSend } from '@/lib/notify/test-send-limit';
import { testPushDeviceOp } from '@/lib/push/api';
import { pushToSubscription } from '@/lib/push/deliver';
import { loadOwnSubscription } from '@/lib/push/subscriptions';

/**
 * A test push: no acknowledge action (there is nothing to acknowledge); a tap opens this page. 429
 * beyond the test-send limits (lib/notify/test-send-limit.ts).
 */
export const POST = route(testPushDeviceOp, async ({ params }, { actor }) => {
  admitTestSend(actor.id, `push:${params.id}`);
  const result = await pushToSubscription(await loadOwnSubscription(actor, params.id), {
    kind: 'test',
    title: 'Vigil test page',
    body: 'Pages to you will arrive on this device like this one.',
    url: '/people/me',
  });
  return { delivered: result.delivered, error: result.error, removed: result.removed };
});
