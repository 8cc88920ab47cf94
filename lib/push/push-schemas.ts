import { z } from 'zod';

/** Shapes of the push API (lib/push/api.ts), safe for the browser. */

const base64url = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+=*$/, {
      error: `${what} must be URL-safe base64, as PushSubscription.toJSON() gives it`,
    })
    .min(min)
    .max(max);

/**
 * What `PushSubscription.toJSON()` gives in the browser, plus a label. Push services are https
 * (Chrome's FCM, Mozilla's autopush, Apple's): a http endpoint or one with credentials is refused, so a
 * caller cannot make the server post to an internal address in the clear.
 */
export const registerPushSchema = z.object({
  endpoint: z
    .url({ protocol: /^https$/, error: 'endpoint must be the https URL of a push service' })
    .max(2000)
    .refine((u) => !new URL(u).username && !new URL(u).password, {
      error: 'endpoint must not carry credentials',
    }),
  keys: z.object({
    // An uncompressed P-256 point (65 bytes → 87 characters) and a 16-byte secret (22 characters).
    p256dh: base64url('keys.p256dh', 80, 100),
    auth: base64url('keys.auth', 20, 30),
  }),
  label: z.string().trim().max(120).optional(),
});
export type RegisterPush = z.infer<typeof registerPushSchema>;

export const pushDeviceSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** The push service's host ("fcm.googleapis.com"): which browser family, without the capability URL. */
  service: z.string(),
  createdAt: z.string(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  failures: z.number().int(),
});
export type PushDevice = z.infer<typeof pushDeviceSchema>;

export const pushDevicesSchema = z.object({ devices: z.array(pushDeviceSchema) });
export const pushDeviceParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const vapidPublicKeySchema = z.object({ publicKey: z.string() });

export const pushTestAnswerSchema = z.object({
  delivered: z.boolean(),
  /** Why not, in words the person can act on (null when delivered). */
  error: z.string().nullable(),
  /** The push service answered "gone": the device was removed from the list. */
  removed: z.boolean(),
});

export const tabNotificationsSchema = z.strictObject({
  enabled: z.boolean(),
  sound: z.boolean(),
});
export type TabNotifications = z.infer<typeof tabNotificationsSchema>;

export const myPagesQuerySchema = z.object({
  /** ISO instant: pages created after it. */
  since: z.iso.datetime({ offset: true, error: 'since must be an ISO instant, e.g. 2026-12-04T23:00:00Z' }),
});

export const myPagesSchema = z.object({
  pages: z.array(
    z.object({
      id: z.string(),
      incidentId: z.string().nullable(),
      title: z.string(),
      severity: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  /** The server's clock: the `since` of the next poll, so a browser's skewed clock misses nothing. */
  now: z.string(),
});
