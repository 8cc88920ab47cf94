import { z } from 'zod';

/**
 * Teams as the API sees them (client-safe): the data layer (./teams.ts) answers these shapes, so the
 * routes, the OpenAPI document and the screens cannot drift.
 */

const iso = z.string().describe('ISO 8601 time');

/** In URLs and YAML: lower-case letters, digits and "-", e.g. "payments-sre". */
export const slugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
    error: 'Use lower-case letters, digits and "-" (not at either end), at most 64, e.g. "payments-sre".',
  });

/** A team or schedule by its id or its slug. */
export const idParamsSchema = z.object({ id: z.string().min(1).describe('The id or the slug') });
export const memberParamsSchema = z.object({ id: z.string().min(1), userId: z.string().min(1) });

const teamFields = {
  slug: slugSchema,
  name: z.string().trim().min(1, { error: 'Give the team a name, e.g. "Payments SRE".' }).max(120),
  description: z.string().trim().max(2000),
  /** Names of notification channels declared in VIGIL_CONFIG. */
  channels: z.array(z.string().min(1)).max(50),
};

export const teamInputSchema = z.strictObject({
  ...teamFields,
  description: teamFields.description.default(''),
  channels: teamFields.channels.default([]),
});
export type TeamInput = z.output<typeof teamInputSchema>;

/** Without the defaults: `.partial()` keeps them, and a PATCH of the name alone cleared the channels. */
export const teamPatchSchema = z.strictObject(teamFields).partial();
export type TeamPatch = z.output<typeof teamPatchSchema>;

export const addMemberSchema = z.strictObject({
  userId: z.string().min(1),
  isAdmin: z.boolean().default(false),
});
export type AddMemberInput = z.output<typeof addMemberSchema>;
export const setMemberSchema = z.strictObject({ isAdmin: z.boolean() });

const teamSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  channels: z.array(z.string()),
  memberCount: z.number().int(),
  scheduleCount: z.number().int(),
});
export type TeamSummary = z.infer<typeof teamSummarySchema>;
export const teamsAnswerSchema = z.object({ teams: z.array(teamSummarySchema) });

const memberSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  isAdmin: z.boolean().describe('A team admin manages the team’s members, schedules, policies and routes'),
  addedAt: iso,
});

export const teamDetailSchema = teamSummarySchema.omit({ memberCount: true, scheduleCount: true }).extend({
  createdAt: iso,
  members: z.array(memberSchema),
  schedules: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
  /** Whether the caller may change this team's members, schedules, policies and routes. */
  canManage: z.boolean(),
});
export type TeamDetail = z.infer<typeof teamDetailSchema>;

export const teamIdAnswerSchema = z.object({ id: z.string(), slug: z.string() });
export const okSchema = z.object({ ok: z.literal(true) });
