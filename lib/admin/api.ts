import { z } from 'zod';
import { defineOperation } from '@/lib/api/operation';
import {
  createdTokenSchema,
  createTokenSchema,
  idParamsSchema,
  meSchema,
  tokensAnswerSchema,
  updateUserSchema,
  usersAnswerSchema,
} from './api-schema';
import { auditExportQuerySchema, auditPageSchema, auditQuerySchema } from './audit-schema';

// Operations of the account and admin API (see lib/api/operation.ts); this module exports operations only.

const AUDIT_FILTER_DESCRIPTIONS: Record<string, string> = {
  actor: "A substring of the actor's e-mail, any case",
  action: 'An exact action (`user.role_changed`), or a family when it ends with a dot (`api_token.`)',
  target: 'A substring of the target, any case',
  from: 'Entries at or after this ISO 8601 time (UTC when it has no offset)',
  to: 'Entries at or before this ISO 8601 time (UTC when it has no offset)',
  success: '`true` for mutations that succeeded, `false` for refused or failed ones',
  cursor: '`nextCursor` of the previous page',
  limit: 'Page size (at most 500)',
};

export const meOp = defineOperation({
  method: 'GET',
  path: '/api/v1/me',
  tag: 'account',
  summary: 'The caller',
  role: 'viewer',
  response: { schema: meSchema },
});

export const listTokensOp = defineOperation({
  method: 'GET',
  path: '/api/v1/tokens',
  tag: 'admin',
  summary: "API tokens: an admin's lists all, anyone else's their own",
  role: 'viewer',
  response: { schema: tokensAnswerSchema },
});

export const createTokenOp = defineOperation({
  method: 'POST',
  path: '/api/v1/tokens',
  tag: 'admin',
  summary: 'Create an API token; its secret is in this answer only',
  description:
    'Only a signed-in session creates tokens: a call with an API token is refused (403). Every token expires: after `expiresInDays`, or by default after `apiTokens.defaultExpiryDays` of VIGIL_CONFIG (90), which is also the most.',
  role: 'responder',
  body: createTokenSchema,
  response: { status: 201, schema: createdTokenSchema },
  invalidates: ['admin'],
  errors: { 404: 'No such user' },
});

export const revokeTokenOp = defineOperation({
  method: 'DELETE',
  path: '/api/v1/tokens/{id}',
  tag: 'admin',
  summary: 'Revoke an API token (your own; an admin any)',
  role: 'viewer',
  params: idParamsSchema,
  response: { schema: z.object({ revoked: z.literal(true) }) },
  invalidates: ['admin'],
  errors: { 404: 'No such token' },
});

export const listUsersOp = defineOperation({
  method: 'GET',
  path: '/api/v1/users',
  tag: 'admin',
  summary: 'Users and their roles',
  role: 'admin',
  response: { schema: usersAnswerSchema },
});

export const updateUserOp = defineOperation({
  method: 'PATCH',
  path: '/api/v1/users/{id}',
  tag: 'admin',
  summary: "Change a user's role, or disable or enable their account",
  description:
    'A disabled user cannot sign in, their sessions and API tokens stop working at the next request, and escalation skips them; enabling gives all of it back. Nobody may demote or disable themselves.',
  role: 'admin',
  params: idParamsSchema,
  body: updateUserSchema,
  response: { schema: z.object({ updated: z.literal(true) }) },
  invalidates: ['admin'],
  errors: { 404: 'No such user' },
});

export const auditLogOp = defineOperation({
  method: 'GET',
  path: '/api/v1/audit',
  tag: 'admin',
  summary: 'The audit log: every mutation, who made it, when and from which address; newest first',
  description:
    'Paged by keyset: pass `nextCursor` as `cursor` for the next, older page (null on the last). Empty parameters mean "any".',
  role: 'admin',
  query: auditQuerySchema,
  queryDescriptions: AUDIT_FILTER_DESCRIPTIONS,
  response: { schema: auditPageSchema },
});

export const auditExportOp = defineOperation({
  method: 'GET',
  path: '/api/v1/audit/export',
  tag: 'admin',
  summary: 'Every audit entry matching the filters, as a CSV download (streamed)',
  description:
    "Columns: id, at, actor_email, via, action, target, details (compact JSON), ip, success. RFC 4180 with a UTF-8 byte-order mark; cells a spreadsheet would run as a formula start with `'`.",
  role: 'admin',
  query: auditExportQuerySchema,
  queryDescriptions: AUDIT_FILTER_DESCRIPTIONS,
  response: {
    contentType: 'text/csv; charset=utf-8',
    description: 'An attachment named vigil-audit-<date>.csv, newest entry first',
  },
});
