import 'server-only';
import { db } from '@/lib/db';
import { log } from '@/lib/log';
import { checksAddressesOnConnect, resolvedDestinationProblem } from '@/lib/net/destination';
import { refusingInternal } from '@/lib/net/guarded-post';
import { pushDestinations } from './destination';
import type { PushMessage } from './payload';
import { PushError, sendPush } from './send';
import { type LoadedSubscription, loadSubscriptions } from './subscriptions';
import { getVapidKeys } from './vapid';

/**
 * Sends a message to subscriptions and keeps their record: a success clears the failure count, a
 * "gone" (404/410, the browser unsubscribed) deletes the subscription, anything else is counted with
 * its reason so /people/me shows why a device stopped receiving pages.
 */

export type PushResult = {
  subscriptionId: string;
  label: string;
  delivered: boolean;
  error: string | null;
  removed: boolean;
};

export async function pushToSubscription(
  subscription: LoadedSubscription,
  message: PushMessage,
  options: { deadlineMs?: number } = {},
): Promise<PushResult> {
  const base = { subscriptionId: subscription.id, label: subscription.label };
  try {
    // Checked again before each send: the allow-list, or what the endpoint's name resolves to, may have
    // changed since the browser registered. One reading of the policy serves the check and the send.
    const policy = pushDestinations();
    const problem = await resolvedDestinationProblem(subscription.target.endpoint, policy);
    if (problem)
      throw new PushError(
        'rejected',
        `not sent: the push endpoint on ${new URL(subscription.target.endpoint).host} ${problem}`,
      );
    await sendPush(subscription.target, message, {
      vapid: await getVapidKeys(),
      ...(checksAddressesOnConnect(subscription.target.endpoint, policy)
        ? { lookup: refusingInternal() }
        : {}),
      ...options,
    });
    await db().pushSubscription.updateMany({
      where: { id: subscription.id },
      data: { lastSuccessAt: new Date(), failures: 0, lastError: null },
    });
    return { ...base, delivered: true, error: null, removed: false };
  } catch (error) {
    if (!(error instanceof PushError)) throw error;
    const removed = error.outcome === 'gone';
    if (removed) await db().pushSubscription.deleteMany({ where: { id: subscription.id } });
    else
      await db().pushSubscription.updateMany({
        where: { id: subscription.id },
        data: { failures: { increment: 1 }, lastError: error.message.slice(0, 500) },
      });
    log.warn(
      { subscriptionId: subscription.id, outcome: error.outcome, status: error.status },
      'web push failed',
    );
    return { ...base, delivered: false, error: error.message, removed };
  }
}

/** Sends to every browser of a person, one after another (a person has a handful at most). */
export async function pushToUser(userId: string, message: PushMessage): Promise<PushResult[]> {
  const results: PushResult[] = [];
  for (const subscription of await loadSubscriptions(userId))
    results.push(await pushToSubscription(subscription, message));
  return results;
}
