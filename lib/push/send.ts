import 'server-only';
import type { LookupFunction } from 'node:net';
import webpush from 'web-push';
import { InternalAddressError, type PostAnswer, PostTimeoutError, post } from '@/lib/net/guarded-post';
import { buildPushPayload, type PushMessage, pushOptions } from './payload';
import { classifyPushStatus, type PushOutcome } from './push-status';
import type { VapidKeys } from './vapid';

/**
 * Sends one Web Push. web-push (3.6.7) does the cryptography — the RFC 8291 aes128gcm encryption of the
 * payload for the browser's keys and the RFC 8292 VAPID JWT — through `generateRequestDetails`; the
 * request itself goes through lib/net/guarded-post.ts here, because web-push's own sender speaks https
 * only and limits idle socket time rather than the whole send, and because the connection must check the
 * addresses it connects to (`lookup`: DNS rebinding). No message here contains the endpoint: it is a
 * capability URL (whoever knows it can push to the device), so errors name the push service's host.
 */

/** A browser's subscription as PushManager.subscribe() returns it (keys URL-safe base64). */
export type PushTarget = { endpoint: string; keys: { p256dh: string; auth: string } };

/** Connection to the last byte of the answer; push services answer in well under a second. */
const PUSH_DEADLINE_MS = 10_000;

export class PushError extends Error {
  constructor(
    /** gone: delete the subscription; retry: try later; rejected: fix the cause; timeout/network: try later. */
    readonly outcome: Exclude<PushOutcome, 'ok'> | 'timeout' | 'network',
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'PushError';
  }
}

export async function sendPush(
  target: PushTarget,
  message: PushMessage,
  {
    vapid,
    deadlineMs = PUSH_DEADLINE_MS,
    lookup,
  }: {
    vapid: VapidKeys;
    deadlineMs?: number;
    /** How the connection resolves the host: refusingInternal() for an endpoint no admin listed. */
    lookup?: LookupFunction;
  },
): Promise<void> {
  const host = new URL(target.endpoint).host;
  const { TTL, urgency, topic } = pushOptions(message);
  const details = webpush.generateRequestDetails(target, JSON.stringify(buildPushPayload(message)), {
    TTL,
    urgency,
    topic,
    contentEncoding: 'aes128gcm',
    vapidDetails: vapid,
  });
  let answer: PostAnswer;
  try {
    // The (short) answer is read within the same deadline; its text helps diagnose a rejection.
    answer = await post(details.endpoint, {
      headers: details.headers as Record<string, string>,
      body: details.body ? new Uint8Array(details.body) : null,
      deadlineMs,
      lookup,
    });
  } catch (error) {
    if (error instanceof PostTimeoutError)
      throw new PushError('timeout', `push service ${host} did not answer within ${deadlineMs / 1000} s`);
    if (error instanceof InternalAddressError)
      throw new PushError(
        'rejected',
        `not sent: the push endpoint's host ${error.message}; an admin may list it in push.allowHosts in VIGIL_CONFIG`,
      );
    const code = (error as { code?: string }).code ?? (error as Error).message;
    throw new PushError(
      'network',
      `push service ${host} unreachable (${code}); check this server's outbound https`,
    );
  }
  const outcome = classifyPushStatus(answer.status);
  if (outcome !== 'ok')
    throw new PushError(
      outcome,
      explain(outcome, host, answer.status, answer.text.slice(0, 200)),
      answer.status,
    );
}

function explain(outcome: PushOutcome, host: string, status: number, text: string): string {
  const said = text ? `: ${text.replace(/\s+/g, ' ')}` : '';
  switch (outcome) {
    case 'gone':
      return `push service ${host} answered ${status}: the browser unsubscribed; enable push on that device again`;
    case 'retry':
      return `push service ${host} answered ${status} (busy or down)${said}`;
    default:
      return `push service ${host} refused the push with ${status}${said}; if the VAPID keys changed, enable push on that device again`;
  }
}
