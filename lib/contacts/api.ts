import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import {
  contactOkSchema,
  contactParamsSchema,
  contactRowSchema,
  contactsAnswerSchema,
  contactTestAnswerSchema,
  createContactSchema,
  updateContactSchema,
} from './contact-schemas';
import { notificationRulesSchema } from './rule-schemas';

// People's contact methods (see lib/api/operation.ts). Each person manages only their own; answers carry
// display strings, never a URL, token or number. This module exports operations only.

const KINDS_DESCRIPTION =
  'One of: `email` {address}; `slack` {url} (incoming webhook) or {botToken, slackUserId} (bot direct message); ' +
  '`mattermost` {url}; `teams` {url} (workflow webhook); `ntfy` {topicUrl, token?}; `sms` / `voice` {phone} (E.164). ' +
  'Webhook and topic URLs must be https unless an admin allows the host (contactMethods.allowHttpHosts).';

export const listMyContactsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/me/contact-methods',
  tag: 'account',
  summary: 'Your contact methods',
  role: 'viewer',
  response: { schema: contactsAnswerSchema },
});

export const createMyContactOp = defineOperation({
  method: 'POST',
  path: '/api/v1/me/contact-methods',
  tag: 'account',
  summary: 'Add a way to reach you; its secrets are stored encrypted and never shown again',
  description: KINDS_DESCRIPTION,
  role: 'viewer',
  body: createContactSchema,
  response: { status: 201, schema: contactRowSchema },
  invalidates: ['account'],
});

export const updateMyContactOp = defineOperation({
  method: 'PATCH',
  path: '/api/v1/me/contact-methods/{id}',
  tag: 'account',
  summary: 'Rename a contact method, or replace its settings (same kind; it must then be tested again)',
  description: KINDS_DESCRIPTION,
  role: 'viewer',
  params: contactParamsSchema,
  body: updateContactSchema,
  response: { schema: contactRowSchema },
  invalidates: ['account'],
  errors: { 404: 'No such contact method of yours' },
});

export const deleteMyContactOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/me/contact-methods/{id}',
  tag: 'account',
  summary: 'Delete a contact method',
  role: 'viewer',
  params: contactParamsSchema,
  response: { schema: contactOkSchema },
  invalidates: ['account'],
  errors: { 404: 'No such contact method of yours' },
});

export const testMyContactOp = defineOperation({
  method: 'POST',
  path: '/api/v1/me/contact-methods/{id}/test',
  tag: 'account',
  summary: 'Send a test message to a contact method now; a success marks it verified',
  description:
    'Answers 200 whether or not the send worked: `ok` says which, and `message` says what to fix. Waits at most 10 s.',
  role: 'viewer',
  params: contactParamsSchema,
  body: z.object({}),
  bodyOptional: true,
  response: { schema: contactTestAnswerSchema },
  invalidates: ['account'],
  errors: {
    429: 'More than 5 tests a minute, or a second test of this one within 10 s; Retry-After says when to try again',
    404: 'No such contact method of yours',
  },
});

export const listUserContactsOp = defineOperation({
  method: 'GET',
  path: '/api/v1/users/{id}/contact-methods',
  tag: 'account',
  summary: 'A person’s contact methods (admin): kinds, labels, display strings and verification',
  role: 'admin',
  params: contactParamsSchema,
  response: { schema: contactsAnswerSchema },
  errors: { 404: 'No such user' },
});

const RULES_DESCRIPTION =
  'Per urgency (a route sets it), ordered "after N minutes, use method M" steps; `method` is a contact ' +
  'method id of yours, `push` (your registered browsers) or `email` (your account address). An empty list: ' +
  'every verified method at once, else your account e-mail.';

export const getMyRulesOp = defineOperation({
  method: 'GET',
  path: '/api/v1/me/notification-rules',
  tag: 'account',
  summary: 'How you want to be paged',
  description: RULES_DESCRIPTION,
  role: 'viewer',
  response: { schema: notificationRulesSchema },
});

export const replaceMyRulesOp = defineOperation({
  method: 'PUT',
  path: '/api/v1/me/notification-rules',
  tag: 'account',
  summary: 'Replace your notification rules',
  description: RULES_DESCRIPTION,
  role: 'viewer',
  body: notificationRulesSchema,
  response: { schema: notificationRulesSchema },
  invalidates: ['account'],
});
