import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import {
  myPagesQuerySchema,
  myPagesSchema,
  pushDeviceParamsSchema,
  pushDeviceSchema,
  pushDevicesSchema,
  pushTestAnswerSchema,
  registerPushSchema,
  tabNotificationsSchema,
  vapidPublicKeySchema,
} from './push-schemas';

// The push API (see lib/api/operation.ts): Web Push devices of the caller and in-tab notifications.
// This module exports operations only.

const noBody = { body: z.object({}), bodyOptional: true } as const;

export const vapidPublicKeyOp = defineOperation({
  method: 'GET',
  path: '/api/v1/push/vapid-public-key',
  tag: 'account',
  summary: 'The VAPID public key browsers subscribe to Web Push with (applicationServerKey)',
  role: 'viewer',
  response: { schema: vapidPublicKeySchema },
});

export const listPushDevicesOp = defineOperation({
  method: 'GET',
  path: '/api/v1/me/push-subscriptions',
  tag: 'account',
  summary: 'Your browsers registered for Web Push (no endpoints or keys: those stay on the server)',
  role: 'viewer',
  response: { schema: pushDevicesSchema },
});

export const registerPushDeviceOp = defineOperation({
  method: 'POST',
  path: '/api/v1/me/push-subscriptions',
  tag: 'account',
  summary: 'Register this browser for Web Push pages',
  description:
    'The body is `PushSubscription.toJSON()` from the browser (an https endpoint and its `p256dh`/`auth` keys) and an optional label. The same endpoint registered again updates its row (and moves it to the caller). Endpoint and keys are stored encrypted.',
  role: 'viewer',
  body: registerPushSchema,
  response: { status: 201, schema: pushDeviceSchema },
  invalidates: ['account'],
});

export const removePushDeviceOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/me/push-subscriptions/{id}',
  tag: 'account',
  summary: 'Stop sending Web Push pages to one of your browsers',
  role: 'viewer',
  params: pushDeviceParamsSchema,
  response: { schema: z.object({ ok: z.literal(true) }) },
  invalidates: ['account'],
  errors: { 404: 'No such device of yours' },
});

export const testPushDeviceOp = defineOperation({
  method: 'POST',
  path: '/api/v1/me/push-subscriptions/{id}/test',
  tag: 'account',
  summary: 'Send a test push to one of your browsers',
  description:
    'Answers whether the push service accepted it; a device the push service calls gone (404/410) is removed.',
  role: 'viewer',
  params: pushDeviceParamsSchema,
  ...noBody,
  response: { schema: pushTestAnswerSchema },
  invalidates: ['account'],
  errors: {
    429: 'More than 5 tests a minute, or a second test of this one within 10 s; Retry-After says when to try again',
    404: 'No such device of yours',
  },
});

export const getTabNotificationsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/me/tab-notifications',
  tag: 'account',
  summary:
    'Whether an open console tab shows browser notifications (and plays a sound) for your pages and new critical alerts',
  role: 'viewer',
  response: { schema: tabNotificationsSchema },
});

export const setTabNotificationsOp = defineOperation({
  method: 'PUT',
  path: '/api/v1/me/tab-notifications',
  tag: 'account',
  summary: 'Switch in-tab notifications (and their sound) on or off for you',
  role: 'viewer',
  body: tabNotificationsSchema,
  response: { schema: tabNotificationsSchema },
  invalidates: ['account'],
});

export const myPagesOp = defineOperation({
  method: 'GET',
  path: '/api/v1/me/pages',
  tag: 'account',
  summary: 'Pages to you created after `since`, one per incident, newest first (at most 20)',
  role: 'viewer',
  query: myPagesQuerySchema,
  response: { schema: myPagesSchema },
});
