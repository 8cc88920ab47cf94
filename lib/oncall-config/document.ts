import { z } from 'zod';
import { hhmmSchema, restrictionsSchema, rotationSchema } from '@/lib/schedules/layer-schemas';
import { storedTimeZoneSchema } from '@/lib/schedules/schedule-schemas';
import { parseLocalDate } from '@/lib/schedules/zoned';
import { slugSchema } from '@/lib/teams/team-schemas';

/**
 * The on-call configuration as a YAML document (`GET/POST /api/v1/oncall-config`), client-safe. No ids:
 * teams and schedules are named by slug, policies and routes by name, people by e-mail, channels by
 * their VIGIL_CONFIG name. Parsing fills every default, so an exported document and the same document
 * parsed back compare equal field by field (plan.ts relies on it).
 *
 *   teams: [{slug: sre, name: SRE, members: [{email: ana@example.com, admin: true}]}]
 *   schedules: [{slug: sre-primary, team: sre, timeZone: Europe/Brussels, layers: [{rotation: weekly, …,
 *     participants: [ana@example.com, ben@example.com]}]}]
 *   policies: [{name: sre, levels: [{name: On-call, delaySeconds: 0, schedules: [sre-primary]}]}]
 *   routes: [{name: sre, matchers: ['team="sre"'], team: sre, policy: sre}]
 */

const email = z.string().trim().min(3).max(320).describe('A user’s e-mail');
const name = z.string().trim().min(1).max(120);
const instant = z.iso
  .datetime({ offset: true, error: 'Use an ISO 8601 time with its offset, e.g. "2027-03-28T09:00:00Z".' })
  // One spelling of each instant, so "…+01:00" and the same "…Z" compare equal.
  .transform((s) => new Date(s).toISOString());
const channelName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/i, { error: 'a channel name from VIGIL_CONFIG, such as sre-mail' });
const WEEK = 7 * 86_400;

const memberSchema = z.object({ email, admin: z.boolean().default(false) }).strict();

const teamSchema = z
  .object({
    slug: slugSchema,
    name,
    description: z.string().trim().max(2000).default(''),
    channels: z.array(channelName).max(50).default([]),
    members: z.array(memberSchema).max(500).default([]),
  })
  .strict();

const layerSchema = z
  .object({
    name,
    rotation: rotationSchema,
    rotationLength: z.number().int().min(1).max(8760).default(1),
    handoffTime: hhmmSchema,
    timeZone: storedTimeZoneSchema,
    startDate: z.string().refine((s) => parseLocalDate(s) !== null, {
      error: 'Use a real date "YYYY-MM-DD", e.g. "2027-01-04".',
    }),
    endsAt: instant.nullable().default(null),
    restrictions: restrictionsSchema.default([]),
    participants: z.array(email).min(1, { error: 'Name at least one participant by e-mail.' }).max(200),
  })
  .strict()
  .refine((l) => l.rotation === 'hours' || l.rotation === 'days' || l.rotationLength === 1, {
    path: ['rotationLength'],
    error: 'A daily or weekly rotation has rotationLength 1; use "hours" or "days" for other lengths.',
  });

const overrideSchema = z
  .object({ user: email, startsAt: instant, endsAt: instant, reason: z.string().trim().max(500).default('') })
  .strict()
  .refine((o) => o.endsAt > o.startsAt, { path: ['endsAt'], error: 'endsAt must be after startsAt.' });

const scheduleSchema = z
  .object({
    slug: slugSchema,
    name,
    description: z.string().trim().max(2000).default(''),
    team: slugSchema.nullable().default(null),
    timeZone: storedTimeZoneSchema,
    layers: z.array(layerSchema).max(20).default([]),
    overrides: z.array(overrideSchema).max(1000).default([]),
  })
  .strict();

const levelSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    delaySeconds: z.number().int().min(0).max(WEEK),
    channels: z.array(channelName).max(20).default([]),
    schedules: z.array(slugSchema).max(20).default([]),
    users: z.array(email).max(50).default([]),
  })
  // "A level must page someone" is checked on the policies import writes (apply.ts), not here: the
  // default policy's levels come from VIGIL_CONFIG, where a level may name nobody yet, and the export
  // of any database must read back.
  .strict();

const policySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(2000).default(''),
    team: slugSchema.nullable().default(null),
    repeat: z.number().int().min(0).max(9).default(0),
    repeatAfterSeconds: z.number().int().min(0).max(WEEK).default(1800),
    levels: z
      .array(levelSchema)
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
      }),
  })
  .strict();

const routeSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9][a-z0-9_.-]*$/i, { error: 'letters, digits, "-", "_" or "."' }),
    default: z.boolean().default(false).describe('The default route: no matchers, tried last'),
    matchers: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
    team: slugSchema.nullable().default(null),
    policy: z.string().trim().min(1).max(100),
    autoOpen: z.boolean().default(true),
    urgency: z.enum(['high', 'low']).default('high'),
  })
  .strict()
  .refine((r) => r.default === (r.matchers.length === 0), {
    path: ['matchers'],
    error: 'A route needs a matcher; only the default route (default: true) has none.',
  });

/** Unique keys per list: a second team "sre" in one file is an error, not a silent overwrite. */
function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: `${what} "${k}" appears twice` });
      seen.add(k);
    });
  };
}

export const oncallDocumentSchema = z
  .object({
    version: z.literal(1).default(1).describe('The format version'),
    teams: z
      .array(teamSchema)
      .max(1000)
      .default([])
      .superRefine(uniqueBy((t) => t.slug, 'team')),
    schedules: z
      .array(scheduleSchema)
      .max(1000)
      .default([])
      .superRefine(uniqueBy((s) => s.slug, 'schedule')),
    policies: z
      .array(policySchema)
      .max(1000)
      .default([])
      .superRefine(uniqueBy((p) => p.name, 'policy')),
    routes: z
      .array(routeSchema)
      .max(1000)
      .default([])
      .superRefine(uniqueBy((r) => r.name, 'route'))
      .refine((routes) => routes.filter((r) => r.default).length <= 1, {
        error: 'At most one route is the default.',
      }),
  })
  .strict();

export type OncallDocument = z.output<typeof oncallDocumentSchema>;
export type TeamEntry = OncallDocument['teams'][number];
export type ScheduleEntry = OncallDocument['schedules'][number];
export type OverrideEntry = ScheduleEntry['overrides'][number];
export type PolicyEntry = OncallDocument['policies'][number];
export type RouteEntry = OncallDocument['routes'][number];

/** `POST /api/v1/oncall-config`: the YAML travels as a JSON string, as every body of the API is JSON. */
export const importBodySchema = z
  .object({
    yaml: z
      .string()
      .max(2 * 1024 * 1024)
      .describe('The YAML document, as GET /api/v1/oncall-config writes it'),
    dryRun: z.boolean().default(false).describe('Say what would change, change nothing'),
    prune: z
      .boolean()
      .default(false)
      .describe(
        'Also delete teams, schedules, policies, routes and future overrides that the file does not list (never the default policy or route)',
      ),
  })
  .strict();

const namesSchema = z.array(z.string());
const kindChangesSchema = z.object({
  created: namesSchema,
  updated: namesSchema,
  unchanged: namesSchema,
  deleted: namesSchema.describe('Only with prune: true'),
});
export type KindChanges = z.infer<typeof kindChangesSchema>;

export const importResultSchema = z.object({
  dryRun: z.boolean().describe('true: nothing was written'),
  teams: kindChangesSchema,
  schedules: kindChangesSchema,
  policies: kindChangesSchema,
  routes: kindChangesSchema,
  skipped: z
    .array(z.object({ kind: z.enum(['policies', 'routes']), name: z.string(), reason: z.string() }))
    .describe('Entries of the file that import does not apply (the default policy comes from VIGIL_CONFIG)'),
});
export type ImportResult = z.infer<typeof importResultSchema>;
