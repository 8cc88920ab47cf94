import { meSchema } from '@/lib/admin/api-schema';
import { defineOperation } from '@/lib/api/operation';
import { profileParamsSchema, profileSchema, updateMeSchema } from './people-schemas';

// The people API (see lib/api/operation.ts): your own settings and anyone's profile. This module exports
// operations only.

export const updateMeOp = defineOperation({
  method: 'PATCH',
  path: '/api/v1/me',
  tag: 'account',
  summary: 'Change your name or time zone',
  description: '`timeZone` is an IANA name ("Europe/Brussels"); an unknown one is a 422 naming it.',
  role: 'viewer',
  body: updateMeSchema,
  response: { schema: meSchema },
  invalidates: ['account', 'teams', 'schedules'],
});

export const profileOp = defineOperation({
  method: 'GET',
  path: '/api/v1/users/{id}/profile',
  tag: 'teams',
  summary: 'A person: role, time zone, teams, whether on call now and their shifts of the next 14 days',
  role: 'viewer',
  params: profileParamsSchema,
  response: { schema: profileSchema },
  errors: { 404: 'No such user' },
});
