/**
 * What a push service's answer means for the subscription (RFC 8030 §5, §7; the Web Push protocol):
 *
 *   201/202 → 'ok'
 *   404/410 → 'gone'      the browser unsubscribed or the subscription expired: delete it
 *   413     → 'rejected'  payload too large (our bug, not the device's)
 *   429/5xx → 'retry'     the push service is busy or down: the device is still there
 *   other   → 'rejected'  e.g. 400/401/403, a VAPID key the subscription was not made with
 */
export type PushOutcome = 'ok' | 'gone' | 'retry' | 'rejected';

export function classifyPushStatus(status: number): PushOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 404 || status === 410) return 'gone';
  if (status === 429 || status >= 500) return 'retry';
  return 'rejected';
}
