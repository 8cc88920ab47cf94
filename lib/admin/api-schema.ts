import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { onCallCoverSchema } from '@/lib/schedules/cover-schema';

/**
 * Users, roles and API tokens as the admin API and screens see them, client-safe: the data layer
 * (./users.ts) returns these shapes, so the routes, the OpenAPI document and the pages cannot drift.
 */

const iso = z.string().describe('ISO 8601 time');

export const idParamsSchema = z.object({ id: z.string() });

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  // Always session or token here; link and chat actors (lib/actions) never reach this operation.
  via: z.enum(['session', 'token', 'link', 'slack', 'mattermost']),
  timeZone: z.string().describe('IANA time zone the console shows your times in'),
  onCall: onCallCoverSchema
    .omit({ since: true })
    .nullable()
    .describe(
      'Where you are on call now, and until when you stop being on call on any schedule (covers that overlap or meet are one); null when you are not',
    ),
});

const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  lastLoginAt: iso.nullable(),
  disabled: z.boolean(),
});
export type UserRow = z.infer<typeof userSchema>;

export const usersAnswerSchema = z.object({ users: z.array(userSchema) });

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the secret, to recognise it by. */
  prefix: z.string(),
  userEmail: z.string(),
  createdAt: iso,
  lastUsedAt: iso.nullable(),
  expiresAt: iso.nullable(),
  revokedAt: iso.nullable(),
});
export type TokenRow = z.infer<typeof tokenSchema>;

export const tokensAnswerSchema = z.object({ tokens: z.array(tokenSchema) });

export const setRoleSchema = z.object({ userId: z.string().min(1), role: z.enum(ROLES) });

/** `PATCH /api/v1/users/{id}`: a new role, disabled or enabled again, or both at once. */
export const updateUserSchema = z
  .strictObject({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() })
  .refine((b) => b.role !== undefined || b.disabled !== undefined, { error: 'Send role, disabled or both.' });
export type UpdateUserInput = z.output<typeof updateUserSchema> & { userId: string };

export const setDisabledSchema = z.object({
  userId: z.string().min(1),
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const createTokenSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'Give the token a name, e.g. "ack-bot".' }).max(80),
  /** Admins may create a token for another user; by default it is the caller's own. */
  userId: z.string().min(1).optional(),
  /** Fewer days than the default lifetime (`apiTokens.defaultExpiryDays` of VIGIL_CONFIG, 90), which is also the most. */
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});
export type CreateTokenInput = z.output<typeof createTokenSchema>;

/** The new token's secret: in this answer only, never stored. */
export const createdTokenSchema = z.object({ id: z.string(), token: z.string() });
