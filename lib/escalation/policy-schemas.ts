import { z } from 'zod';
import { whenFieldsParsed } from '@/lib/api/when-fields-parsed';

/**
 * Escalation policies in the API (`/api/v1/policies`). Client-safe. A level's `delaySeconds` counts
 * from the incident's opening (or the policy's restart) and never decreases from one level to the
 * next; answers also say `waitBeforeNextSeconds`, the difference, which is how people read a policy
 * ("wait 10 minutes, then page the lead").
 *
 *   levels [{name: 'On-call', delaySeconds: 0, scheduleIds: ['s1']}, {name: 'Lead', delaySeconds: 600, userIds: ['u1']}]
 *   → answered with waitBeforeNextSeconds 600 and null
 */

const id = z.string().trim().min(1).max(100);
const channelName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/i, { error: 'a channel name from VIGIL_CONFIG, such as sre-mail' });

const WEEK = 7 * 86_400;

const policyLevelInputSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'Give the level a name' }).max(100),
    delaySeconds: z
      .number()
      .int()
      .min(0)
      .max(WEEK)
      .describe('Seconds after the incident opened (or the policy started over) before this level fires'),
    targets: z.array(channelName).max(20).default([]).describe('Channel names from VIGIL_CONFIG'),
    scheduleIds: z
      .array(id)
      .max(20)
      .default([])
      .describe('Page whoever is on call on these schedules (ids or slugs)'),
    userIds: z.array(id).max(50).default([]).describe('Page these users'),
  })
  .strict()
  .refine((l) => l.targets.length + l.scheduleIds.length + l.userIds.length > 0, {
    error: 'A level must page someone: name a channel, a schedule or a user',
  });

const levelsSchema = z
  .array(policyLevelInputSchema)
  .min(1, { error: 'A policy needs at least one level' })
  .max(20)
  .superRefine((levels, ctx) => {
    levels.forEach((l, i) => {
      const before = levels[i - 1];
      if (before && l.delaySeconds < before.delaySeconds)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'delaySeconds'],
          message: `must be at least the previous level's (${before.delaySeconds} s): delays count from the opening`,
        });
    });
  });

/** The shortest wait before a policy starts over (see repeatWaitProblem). */
const MIN_REPEAT_AFTER_SECONDS = 60;

/**
 * A policy that repeats restarts at L1 `repeatAfterSeconds` after its last level fired (step.ts,
 * nextRestartAt); with no wait, every round's level 1 (often delay 0) fires the moment the last level
 * did, `repeat` times over — a burst of pages nobody could answer in between. Client-safe, so the
 * schema and the data layer (which sees the stored values a partial update keeps) say the same.
 *
 *   (0, 0) → null;   (2, 60) → null;   (2, 0) → 'With repeat 2, wait at least 60 s …'
 */
export function repeatWaitProblem(repeat: number, repeatAfterSeconds: number): string | null {
  if (repeat === 0 || repeatAfterSeconds >= MIN_REPEAT_AFTER_SECONDS) return null;
  return `With repeat ${repeat}, wait at least ${MIN_REPEAT_AFTER_SECONDS} s before starting over (repeatAfterSeconds), so people can answer a round; or set repeat to 0.`;
}

function checkRepeatWaits(p: { repeat?: number; repeatAfterSeconds?: number }, ctx: z.RefinementCtx): void {
  if (p.repeat === undefined || p.repeatAfterSeconds === undefined) return;
  const problem = repeatWaitProblem(p.repeat, p.repeatAfterSeconds);
  if (problem) ctx.addIssue({ code: 'custom', path: ['repeatAfterSeconds'], message: problem });
}

const policyFields = {
  name: z.string().trim().min(1, { error: 'Give the policy a name' }).max(100),
  description: z.string().trim().max(2000),
  teamId: id.nullable().describe('The team whose admins manage it, by id or slug (null: admins only)'),
  repeat: z.number().int().min(0).max(9).describe('How many more times the levels run from the first'),
  repeatAfterSeconds: z
    .number()
    .int()
    .min(0)
    .max(WEEK)
    .describe('The wait after the last level before the policy starts over'),
  levels: levelsSchema,
};

export const createPolicySchema = z
  .object({
    ...policyFields,
    description: policyFields.description.default(''),
    teamId: policyFields.teamId.default(null),
    repeat: policyFields.repeat.default(0),
    repeatAfterSeconds: policyFields.repeatAfterSeconds.default(1800),
  })
  .strict()
  .superRefine(checkRepeatWaits, whenFieldsParsed);
export type CreatePolicyInput = z.infer<typeof createPolicySchema>;

/** Only the fields given change; `levels`, when given, replace all the levels. */
export const updatePolicySchema = z
  .object(policyFields)
  .partial()
  .strict()
  .superRefine(checkRepeatWaits, whenFieldsParsed);
export type UpdatePolicyInput = z.infer<typeof updatePolicySchema>;

export const policyParamsSchema = z.object({ id });

const policyLevelSchema = z.object({
  level: z.number().int(),
  name: z.string(),
  delaySeconds: z.number().int(),
  /** The next level's delay minus this one's; null for the last level. */
  waitBeforeNextSeconds: z.number().int().nullable(),
  targets: z.array(z.string()),
  scheduleIds: z.array(z.string()),
  userIds: z.array(z.string()),
});

export const policySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  teamId: z.string().nullable(),
  repeat: z.number().int(),
  repeatAfterSeconds: z.number().int(),
  isDefault: z.boolean(),
  /** "config": the default policy, from VIGIL_CONFIG (read-only here); "api": made through the API. */
  managedBy: z.enum(['config', 'api']),
  /** How many routes send alerts to it (it cannot be deleted while any does). */
  routes: z.number().int(),
  levels: z.array(policyLevelSchema),
  updatedAt: z.string().describe('ISO 8601 time'),
});
export type PolicyView = z.infer<typeof policySchema>;

export const policyListSchema = z.object({ policies: z.array(policySchema) });
export const policyDeletedSchema = z.object({ deleted: z.literal(true) });

/**
 * What a level can page, for the policy editor and the policy page: the channels VIGIL_CONFIG declares
 * (name and type; their URLs and addresses stay on the server), every schedule, and the active users.
 */
export const policyTargetsSchema = z.object({
  channels: z.array(z.object({ name: z.string(), type: z.string() })),
  schedules: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
  users: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
});
export type PolicyTargets = z.infer<typeof policyTargetsSchema>;
