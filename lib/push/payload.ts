import { createHash } from 'node:crypto';

/**
 * What a Web Push carries, built from a message by pure functions: the JSON the service worker
 * (public/sw.js) reads, and the push service's delivery options (RFC 8030: TTL, Urgency, Topic).
 */

export type PushMessage = {
  /** page: someone is paged; followup: acknowledged/resolved; test: "send a test" on /people/me. */
  kind: 'page' | 'followup' | 'test';
  title: string;
  body: string;
  /** The incident it is about: notifications about one incident replace each other (tag and Topic). */
  incidentId?: string | null;
  /** Where a tap on the notification opens the console: a path of the console ("/incidents/…"). */
  url: string;
  /**
   * The signed acknowledge link (issueActionLinks(...).acknowledgeUrl, branch h/actions, `<base>/a/<token>`):
   * the service worker POSTs where that link's page posts (ackPostUrl) when the person taps
   * "Acknowledge". Without one the notification has no action.
   */
  ackUrl?: string | null;
};

/** The JSON in the push, as public/sw.js reads it. */
export type PushPayload = {
  title: string;
  body: string;
  tag: string;
  url: string;
  actions: { action: 'ack'; title: string }[];
  /** Where the service worker POSTs to acknowledge (no body; the token in the path is the credential). */
  ackUrl?: string;
};

/**
 * Push services must accept 4096 bytes of encrypted payload (RFC 8030 §7.2); aes128gcm adds 86 bytes of
 * header, a 16-byte tag and a padding delimiter, so ~3990 bytes of JSON fit. We keep well under it and
 * shorten the body first: a page's title and links matter more than its last lines.
 */
export const MAX_PAYLOAD_BYTES = 3000;

/**
 *   buildPushPayload({kind: 'page', title: 'INC-7 Disk full', body: 'db-1 at 97%', incidentId: 'c1',
 *                     url: '/incidents/c1', ackUrl: 'https://vigil/a/tok'})
 *   → {title: 'INC-7 Disk full', body: 'db-1 at 97%', tag: 'incident-c1', url: '/incidents/c1',
 *      actions: [{action: 'ack', title: 'Acknowledge'}], ackUrl: 'https://vigil/api/v1/actions/tok'}
 */
export function buildPushPayload(message: PushMessage): PushPayload {
  const payload: PushPayload = {
    title: message.title,
    body: message.body,
    tag: message.incidentId ? `incident-${message.incidentId}` : `vigil-${message.kind}`,
    url: message.url,
    // Acknowledging a follow-up ("resolved") makes no sense; a page without a signed link cannot be.
    actions: message.kind !== 'followup' && message.ackUrl ? [{ action: 'ack', title: 'Acknowledge' }] : [],
    ...(message.kind !== 'followup' && message.ackUrl ? { ackUrl: ackPostUrl(message.ackUrl) } : {}),
  };
  return fitPayload(payload);
}

/**
 * A signed acknowledge link is a page (`GET /a/<token>` asks to confirm); the tap on "Acknowledge" POSTs
 * where that page posts, `POST /api/v1/actions/<token>` (branch h/actions). A URL of another shape is
 * taken to be the POST target already.
 *
 *   ackPostUrl('https://vigil.example/a/eyJ2') → 'https://vigil.example/api/v1/actions/eyJ2'
 */
export function ackPostUrl(acknowledgeUrl: string): string {
  const url = new URL(acknowledgeUrl);
  const token = /^\/a\/([^/]+)$/.exec(url.pathname)?.[1];
  if (token) url.pathname = `/api/v1/actions/${token}`;
  return url.href;
}

/** Shortens body, then title, with an ellipsis until the JSON fits in MAX_PAYLOAD_BYTES. */
function fitPayload(payload: PushPayload): PushPayload {
  const fits = (p: PushPayload) => Buffer.byteLength(JSON.stringify(p)) <= MAX_PAYLOAD_BYTES;
  let fitted = payload;
  for (const field of ['body', 'title'] as const) {
    if (fits(fitted)) return fitted;
    // Characters (not UTF-16 units, so no emoji is cut in half); JSON escapes make their byte cost
    // vary, so the longest prefix that fits is found by bisection rather than computed.
    const chars = [...fitted[field]];
    const cut = (n: number) => ({ ...fitted, [field]: `${chars.slice(0, n).join('')}…` });
    let [low, high] = [0, chars.length];
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(cut(mid))) low = mid;
      else high = mid - 1;
    }
    fitted = cut(low);
  }
  if (!fits(fitted)) throw new Error('push payload too large even with no body and title: shorten the link');
  return fitted;
}

export type PushOptions = { TTL: number; urgency: 'high' | 'normal'; topic: string };

/**
 * Delivery options. A page is urgent (a phone in power-saving mode wakes for `high` only) and worth
 * delivering for an hour: an older page is stale, and its incident has moved on or been re-paged. The
 * Topic lets the push service replace a not-yet-delivered push about the same incident with the newer
 * one (RFC 8030 §5.4): a phone offline during a page and its acknowledgement gets only the latter.
 * Topics are at most 32 URL-safe base64 characters, so the incident id is hashed.
 *
 *   pushOptions({kind: 'page', incidentId: 'c1', …}) → {TTL: 3600, urgency: 'high', topic: '<32 chars>'}
 */
export function pushOptions(message: PushMessage): PushOptions {
  const subject = message.incidentId ? `incident:${message.incidentId}` : `vigil:${message.kind}`;
  return {
    TTL: message.kind === 'page' ? 3600 : message.kind === 'test' ? 300 : 1800,
    urgency: message.kind === 'followup' ? 'normal' : 'high',
    topic: createHash('sha256').update(subject).digest('base64url').slice(0, 32),
  };
}
