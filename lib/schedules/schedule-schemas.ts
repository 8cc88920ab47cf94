import { z } from 'zod';
import { whenFieldsParsed } from '@/lib/api/when-fields-parsed';
import { slugSchema } from '@/lib/teams/team-schemas';
import { canonicalTimeZone } from '@/lib/time-zone';
import { hhmmSchema, restrictionsSchema, rotationSchema } from './layer-schemas';
import { MAX_RANGE_DAYS } from './shifts';
import { localToEpochMs, parseLocalDate, parseLocalTime } from './zoned';

/**
 * Schedules, layers, shifts and overrides as the API sees them (client-safe): the data layer answers
 * these shapes, so the routes, the OpenAPI document and the screens cannot drift.
 */

const iso = z.string().describe('ISO 8601 time');
const instant = z.iso
  .datetime({ offset: true, error: 'Use an ISO 8601 time with its offset, e.g. "2027-03-28T09:00:00Z".' })
  .transform((s) => new Date(s));

/** Stored as its canonical IANA id ("europe/brussels" → "Europe/Brussels"); EST and the like refused. */
export const timeZoneSchema = z
  .string()
  .trim()
  .transform((typed, ctx) => {
    const { zone, problem } = canonicalTimeZone(typed);
    if (zone !== undefined) return zone;
    ctx.issues.push({ code: 'custom', message: problem, input: typed });
    return z.NEVER;
  })
  .describe('IANA time zone, e.g. "Europe/Brussels"');

/**
 * timeZoneSchema for zones read back from the database (the on-call YAML's export, and its import, which
 * compares with that export): ids accepted before EST-style zones and offsets were refused stay readable
 * and keep their meaning, so one such layer cannot break the export and import of every team's config.
 */
export const storedTimeZoneSchema = z
  .string()
  .trim()
  .transform((typed, ctx) => {
    const { zone, problem } = canonicalTimeZone(typed, { legacy: 'keep' });
    if (zone !== undefined) return zone;
    ctx.issues.push({ code: 'custom', message: problem, input: typed });
    return z.NEVER;
  })
  .describe('IANA time zone, e.g. "Europe/Brussels"');

/** The earliest startDate a layer takes (see its refinement). */
const MIN_START_YEAR = 1970;

/** The longest a layer's N-hour or N-day rotation may be: a year. */
const MAX_ROTATION_LENGTH = { hours: 8760, days: 366 } as const;

const layerInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: 'Give the layer a name, e.g. "Primary".' }).max(120),
    rotation: rotationSchema,
    rotationLength: z.number().int().min(1).default(1).describe('N for "hours" and "days"; 1 otherwise'),
    handoffTime: hhmmSchema,
    timeZone: timeZoneSchema,
    startDate: z
      .string()
      .refine((s) => parseLocalDate(s) !== null, {
        error: 'Use a real date "YYYY-MM-DD", e.g. "2027-01-04".',
      })
      // Before standard time zones (Brussels: 1892) a zone keeps its local mean time, so an hourly
      // layer of 0001-01-01 hands off at :42:30 UTC; nobody means a rotation that old.
      .refine((s) => (parseLocalDate(s)?.year ?? MIN_START_YEAR) >= MIN_START_YEAR, {
        error: `Use a date from ${MIN_START_YEAR}-01-01 on, e.g. "2027-01-04"; the rotation counts from it.`,
      })
      .describe('Local date of the first hand-off; a weekly rotation hands off on its weekday'),
    endsAt: instant.nullable().default(null),
    participants: z
      .array(z.string().min(1))
      .min(1, { error: 'Name at least one participant (user ids, in rotation order).' })
      .max(200),
    restrictions: restrictionsSchema.default([]),
  })
  .superRefine((layer, ctx) => {
    if (layer.rotation === 'hours' || layer.rotation === 'days') {
      const max = MAX_ROTATION_LENGTH[layer.rotation];
      if (layer.rotationLength > max)
        ctx.addIssue({
          code: 'custom',
          path: ['rotationLength'],
          message: `At most ${max} ${layer.rotation}.`,
        });
    } else if (layer.rotationLength !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['rotationLength'],
        message: `A ${layer.rotation} rotation has rotationLength 1; use "hours" or "days" for other lengths.`,
      });
  })
  .superRefine((layer, ctx) => {
    // A layer that ends at or before its first hand-off never has anyone on call.
    const date = parseLocalDate(layer.startDate);
    const time = parseLocalTime(layer.handoffTime);
    if (!layer.endsAt || !date || !time) return;
    const firstHandoff = localToEpochMs(date, time, layer.timeZone);
    if (layer.endsAt.getTime() <= firstHandoff)
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: `The layer ends before its first hand-off (${layer.startDate} ${layer.handoffTime} ${layer.timeZone}), so it would never have anyone on call; end it later or start it earlier.`,
      });
  }, whenFieldsParsed);

export const scheduleInputSchema = z.strictObject({
  slug: slugSchema,
  name: z.string().trim().min(1, { error: 'Give the schedule a name, e.g. "Payments primary".' }).max(120),
  description: z.string().trim().max(2000).default(''),
  teamId: z.string().min(1).nullable().default(null).describe('The owning team (id or slug); null: none'),
  timeZone: timeZoneSchema,
  layers: z
    .array(layerInputSchema)
    .max(20)
    .default([])
    .describe('The whole list, lowest first: a later layer overrides earlier ones where it has someone'),
});
export type ScheduleInput = z.output<typeof scheduleInputSchema>;

export const scheduleParamsSchema = z.object({ id: z.string().min(1).describe('The id or the slug') });

const personSchema = z.object({ userId: z.string(), name: z.string().nullable(), email: z.string() });

const onCallSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  since: iso,
  until: iso.describe('When this person’s continuous cover ends, as far as the schedule says'),
  continues: z
    .boolean()
    .describe(
      'True when the cover runs on past `until`, the end of the 35 days looked ahead: no hand-off is due',
    ),
  source: z.enum(['layer', 'override']),
});

const scheduleSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  timeZone: z.string(),
  team: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  onCallNow: onCallSchema.nullable(),
});
export type ScheduleSummary = z.infer<typeof scheduleSummarySchema>;
export const schedulesAnswerSchema = z.object({ schedules: z.array(scheduleSummarySchema) });

const layerSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  rotation: rotationSchema,
  rotationLength: z.number().int(),
  handoffTime: z.string(),
  timeZone: z.string(),
  startDate: z.string(),
  endsAt: iso.nullable(),
  restrictions: restrictionsSchema,
  participants: z.array(personSchema),
});

export const overrideSchema = z.object({
  id: z.string(),
  scheduleId: z.string(),
  userId: z.string(),
  name: z.string().nullable(),
  email: z.string(),
  startsAt: iso,
  endsAt: iso,
  reason: z.string(),
  createdById: z.string().nullable(),
  createdAt: iso,
});
export type OverrideRow = z.infer<typeof overrideSchema>;

export const scheduleDetailSchema = scheduleSummarySchema.extend({
  layers: z.array(layerSchema),
  upcomingOverrides: z.array(overrideSchema).describe('Overrides that have not ended, soonest first'),
  canManage: z.boolean().describe('Whether the caller may change this schedule'),
});
export type ScheduleDetail = z.infer<typeof scheduleDetailSchema>;

export const scheduleIdAnswerSchema = z.object({ id: z.string(), slug: z.string() });

/** from/to of a range query: ISO times, at most MAX_RANGE_DAYS apart. */
export const rangeQuerySchema = z
  .object({ from: instant.optional(), to: instant.optional() })
  .superRefine(({ from, to }, ctx) => {
    if (from && to && to <= from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from.' });
    if (from && to && to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Ask for at most ${MAX_RANGE_DAYS} days at once.`,
      });
  }, whenFieldsParsed);

const shiftSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  start: iso,
  end: iso,
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('layer'), layerId: z.string() }),
    z.object({ kind: z.literal('override'), overrideId: z.string() }),
  ]),
});

export const shiftsAnswerSchema = z.object({
  from: iso,
  to: iso,
  final: z.array(shiftSchema).describe('Who is on call after layers and overrides, in time order'),
  layers: z
    .array(z.object({ layerId: z.string(), name: z.string(), shifts: z.array(shiftSchema) }))
    .describe('Each layer’s own shifts (restrictions applied), highest layer first'),
});

export const onCallQuerySchema = z.object({ at: instant.optional() });
export const onCallAnswerSchema = z.object({
  at: iso,
  schedules: z.array(
    z.object({ id: z.string(), slug: z.string(), name: z.string(), onCall: onCallSchema.nullable() }),
  ),
});

export const overrideInputSchema = z
  .strictObject({
    userId: z.string().min(1).describe('Who covers'),
    startsAt: instant,
    endsAt: instant,
    reason: z.string().trim().max(500).default(''),
  })
  .refine((o) => o.endsAt > o.startsAt, {
    ...whenFieldsParsed,
    path: ['endsAt'],
    error: 'The end must be after the start.',
  })
  .refine((o) => o.endsAt.getTime() - o.startsAt.getTime() <= MAX_RANGE_DAYS * 86_400_000, {
    ...whenFieldsParsed,
    path: ['endsAt'],
    error: `An override lasts at most ${MAX_RANGE_DAYS} days; change the layer for longer.`,
  });
export type OverrideInputBody = z.output<typeof overrideInputSchema>;

export const overrideParamsSchema = z.object({ id: z.string().min(1), overrideId: z.string().min(1) });
export const overridesAnswerSchema = z.object({ overrides: z.array(overrideSchema) });
export const okSchema = z.object({ ok: z.literal(true) });

export const swapInputSchema = z
  .strictObject({
    startsAt: instant,
    endsAt: instant,
    targetUserId: z
      .string()
      .min(1)
      .nullable()
      .default(null)
      .describe('Who is asked; null: anyone on the schedule may accept'),
    note: z.string().trim().max(500).default(''),
  })
  .refine((o) => o.endsAt > o.startsAt, {
    ...whenFieldsParsed,
    path: ['endsAt'],
    error: 'The end must be after the start.',
  })
  .refine((o) => o.endsAt.getTime() - o.startsAt.getTime() <= MAX_RANGE_DAYS * 86_400_000, {
    ...whenFieldsParsed,
    path: ['endsAt'],
    error: `Ask for at most ${MAX_RANGE_DAYS} days at once.`,
  });
export type SwapInput = z.output<typeof swapInputSchema>;

export const swapSchema = z.object({
  id: z.string(),
  schedule: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  requester: personSchema,
  target: personSchema.nullable().describe('null: open to anyone on the schedule'),
  startsAt: iso,
  endsAt: iso,
  note: z.string(),
  status: z.enum(['open', 'accepted', 'declined', 'cancelled']),
  acceptedBy: personSchema.nullable(),
  overrideId: z.string().nullable().describe('The override an acceptance created'),
  createdAt: iso,
  decidedAt: iso.nullable(),
});
export type SwapRow = z.infer<typeof swapSchema>;

export const swapsAnswerSchema = z.object({
  forMe: z.array(swapSchema).describe('Open requests asked of me, or open to anyone on a schedule I am on'),
  mine: z.array(swapSchema).describe('My requests: open, or decided in the last 30 days'),
});
export const swapParamsSchema = z.object({ id: z.string().min(1) });

const feedSchema = z.object({
  id: z.string(),
  prefix: z.string().describe('The first characters of the secret, to recognise it by'),
  scheduleId: z.string().nullable(),
  userId: z.string().nullable(),
  createdBy: z.string().describe('E-mail of who created it'),
  createdAt: iso,
  lastUsedAt: iso.nullable(),
});
export type FeedRow = z.infer<typeof feedSchema>;
export const feedsAnswerSchema = z.object({ feeds: z.array(feedSchema) });
export const createdFeedSchema = z.object({
  id: z.string(),
  prefix: z.string(),
  secret: z.string().describe('Shown in this answer only: only its SHA-256 is stored'),
  path: z.string().describe('The feed’s path (/api/v1/calendar/<secret>); prefix it with the console’s URL'),
});
export const feedParamsSchema = z.object({ id: z.string().min(1), feedId: z.string().min(1) });
export const myFeedParamsSchema = z.object({ feedId: z.string().min(1) });
export const calendarParamsSchema = z.object({ secret: z.string().min(1).max(200) });
