import { z } from 'zod';

/**
 * Maintenance windows in the API (browser-safe: the form uses these too). The matchers, the time zone
 * and the recurrence rule are checked further on the server (windows.ts), with the libraries that know
 * them, and each problem is a field error.
 */

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const maintenanceWindowInputSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'Name the window' }).max(100),
  matchers: z
    .string()
    .trim()
    .min(1, { error: 'Add at least one matcher, e.g. service="checkout"' })
    .max(2000)
    .describe('amtool text, as a silence takes it: service="checkout", env=~"prod|staging"'),
  firstStart: z
    .string()
    .regex(LOCAL_DATE_TIME, { error: 'Give the first start as YYYY-MM-DDTHH:MM, local time' })
    .describe('Local start of the first occurrence, in timeZone'),
  timeZone: z.string().trim().min(1).max(64).describe('IANA time zone, e.g. Europe/Brussels'),
  durationSeconds: z
    .number()
    .int()
    .min(60, { error: 'A window lasts at least a minute' })
    .max(7 * 86_400, { error: 'A window lasts at most 7 days' }),
  rrule: z
    .string()
    .trim()
    .max(500)
    .default('')
    .describe('RFC 5545 RRULE without DTSTART, e.g. FREQ=WEEKLY;BYDAY=SU; empty for once'),
  clusters: z.array(z.string().min(1).max(100)).max(50).default([]).describe('[] = every cluster'),
  comment: z.string().trim().min(1, { error: 'Say what the maintenance is' }).max(1000),
  leadSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .default(3600)
    .describe('How long before each occurrence its silence is created'),
  paused: z.boolean().default(false),
});
export type MaintenanceWindowInput = z.infer<typeof maintenanceWindowInputSchema>;

export const maintenanceParamsSchema = z.object({ id: z.string().min(1) });

const interval = z.object({ start: z.iso.datetime(), end: z.iso.datetime() });

const maintenanceWindowSchema = z.object({
  id: z.string(),
  name: z.string(),
  matchers: z.string(),
  firstStart: z.string(),
  timeZone: z.string(),
  durationSeconds: z.number().int(),
  rrule: z.string(),
  clusters: z.array(z.string()),
  comment: z.string(),
  leadSeconds: z.number().int(),
  paused: z.boolean(),
  createdBy: z.string(),
  /** The next occurrences not yet ended (the first may be running). */
  upcoming: z.array(interval),
  /** Silences made for occurrences not yet ended, per cluster; `error` while one cannot be made. */
  silences: z.array(
    z.object({
      cluster: z.string(),
      start: z.iso.datetime(),
      end: z.iso.datetime(),
      silenceId: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
  /** Firing alerts its matchers match now, in its clusters: what it would suppress. */
  wouldSuppress: z.object({
    count: z.number().int(),
    alerts: z.array(z.object({ cluster: z.string(), fingerprint: z.string(), alertname: z.string() })),
  }),
});
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

export const maintenanceListSchema = z.object({ windows: z.array(maintenanceWindowSchema) });

export const maintenanceSavedSchema = z.object({
  window: maintenanceWindowSchema,
  /** Upcoming silences Vigil could not expire after a change (expire them on the silences page). */
  notExpired: z.array(z.string()),
});
