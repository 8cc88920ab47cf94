import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature` is `v0=` + hex HMAC-SHA256 of `v0:{X-Slack-Request-Timestamp}:{raw body}` with
 * the app's signing secret. A timestamp more than five minutes from now either way is refused, as
 * Slack advises, so a captured request cannot be sent again later; within those five minutes the
 * caller refuses replays by remembering the signature (lib/actions/replays.ts). Pure.
 *
 *   verifySlackSignature({secret: 's', timestamp: '1700000000', body: 'payload=…',
 *     signature: 'v0=5f1c…'}, 1700000010) → {ok: true}
 */

export const SLACK_MAX_SKEW_SECONDS = 5 * 60;

export type SlackVerdict = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'bad_signature' };

export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function verifySlackSignature(
  request: { secret: string; timestamp: string | null; signature: string | null; body: string },
  nowSeconds: number,
): SlackVerdict {
  const { secret, timestamp, signature, body } = request;
  if (!timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'stale' };
  if (Math.abs(nowSeconds - Number(timestamp)) > SLACK_MAX_SKEW_SECONDS)
    return { ok: false, reason: 'stale' };
  const wanted = Buffer.from(slackSignature(secret, timestamp, body));
  const presented = Buffer.from(signature);
  return presented.length === wanted.length && timingSafeEqual(presented, wanted)
    ? { ok: true }
    : { ok: false, reason: 'bad_signature' };
}
