import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { INCIDENT_STATUSES } from '@/lib/incidents/incident-schemas';

/**
 * Signed, single-purpose action tokens for pages (issue 16): `<payload>.<mac>`, both base64url, where
 * the payload is compact JSON and the mac is HMAC-SHA256 over the payload text with the `action-links`
 * key (lib/secrets/keys.ts). Pure: the key and the clock are parameters, so this is tested without
 * AUTH_SECRET. A token names one action, one incident, one person and the incident's status when it
 * was issued; the caller checks that status against the incident's current one ("valid until the
 * incident changes state"), which also makes an acknowledge token act at most once.
 *
 *   signActionToken({action: 'ack', incidentId: 'c1', userId: 'u1', status: 'open', issuedAt: 1000,
 *     expiresAt: 87400}, key) → 'eyJ2IjoxLCJhIjoiYWNrIiwi….Qm9i…'
 *   verifyActionToken(thatToken, 'ack', key, 2000) → {ok: true, token: {action: 'ack', …}}
 *   verifyActionToken(thatToken, 'open', key, 2000) → {ok: false, reason: 'wrong_action'}
 */

const ACTIONS = ['ack', 'open', 'silence', 'escalate'] as const;
export type Action = (typeof ACTIONS)[number];

/** Times are whole seconds since the epoch, as in JWTs: shorter URLs, and a second is precise enough. */
export type ActionToken = {
  action: Action;
  incidentId: string;
  userId: string;
  /** The incident's status when the token was issued. */
  status: (typeof INCIDENT_STATUSES)[number];
  issuedAt: number;
  expiresAt: number;
  /**
   * 'push': the token rode in a Web Push notification, so an acknowledgement with it was a tap on the
   * notification, not a link opened from e-mail or chat. Signed like the rest: the timeline's "via
   * push notification" cannot be claimed by editing a URL.
   */
  sentBy?: 'push';
};

export type VerifyResult =
  | { ok: true; token: ActionToken }
  | { ok: false; reason: 'malformed' | 'tampered' | 'expired' | 'wrong_action' };

const VERSION = 1;

/** The wire form: one-letter keys keep a link that a phone shows and an SMS carries short. */
const payloadSchema = z
  .object({
    v: z.literal(VERSION),
    a: z.enum(ACTIONS),
    i: z.string().min(1).max(64),
    u: z.string().min(1).max(64),
    s: z.enum(INCIDENT_STATUSES),
    t: z.number().int().nonnegative(),
    e: z.number().int().positive(),
    c: z.literal('push').optional(),
  })
  .strict();

/** Longer than any token we issue (about 230 characters); anything longer is not parsed at all. */
const MAX_TOKEN_LENGTH = 512;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;

const mac = (payload: string, key: Buffer) => createHmac('sha256', key).update(payload).digest();

export function signActionToken(token: ActionToken, key: Buffer): string {
  const payload = Buffer.from(
    JSON.stringify({
      v: VERSION,
      a: token.action,
      i: token.incidentId,
      u: token.userId,
      s: token.status,
      t: token.issuedAt,
      e: token.expiresAt,
      ...(token.sentBy ? { c: token.sentBy } : {}),
    }),
  ).toString('base64url');
  return `${payload}.${mac(payload, key).toString('base64url')}`;
}

/**
 * Checks, in this order: the shape (malformed), the mac in constant time (tampered: a changed payload
 * or signature, or a token signed with another AUTH_SECRET), the payload (malformed), the expiry
 * (expired, at `nowSeconds`), the action (wrong_action). The mac is checked before the payload is
 * parsed, so nothing an attacker wrote is interpreted.
 */
export function verifyActionToken(
  text: string,
  expected: Action,
  key: Buffer,
  nowSeconds: number,
): VerifyResult {
  if (text.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(text)) return { ok: false, reason: 'malformed' };
  const [payload = '', signature = ''] = text.split('.');
  const presented = Buffer.from(signature, 'base64url');
  const wanted = mac(payload, key);
  if (presented.length !== wanted.length || !timingSafeEqual(presented, wanted))
    return { ok: false, reason: 'tampered' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const p = parsed.data;
  if (p.e <= nowSeconds) return { ok: false, reason: 'expired' };
  if (p.a !== expected) return { ok: false, reason: 'wrong_action' };
  return {
    ok: true,
    token: {
      action: p.a,
      incidentId: p.i,
      userId: p.u,
      status: p.s,
      issuedAt: p.t,
      expiresAt: p.e,
      ...(p.c ? { sentBy: p.c } : {}),
    },
  };
}

/** Whether a link is fresh enough to act without signing in: issued less than `freshForSeconds` ago. */
export const isFresh = (token: ActionToken, freshForSeconds: number, nowSeconds: number): boolean =>
  nowSeconds - token.issuedAt < freshForSeconds;
