import { z } from 'zod';
import { whenFieldsParsed } from '@/lib/api/when-fields-parsed';
import { timeZoneSchema } from '@/lib/schedules/schedule-schemas';

/**
 * The noise reports' names, query and answer, client-safe. Every report answers the same shape — named
 * columns, one row per alert (or route, team, label set) with its weekly values and its history link —
 * so one table, one chart and one CSV writer serve them all.
 */

const REPORT_NAMES = [
  'noisiest-alerts',
  'noisiest-label-sets',
  'flapping',
  'incident-response-by-route',
  'incident-response-by-team',
  'incident-response-by-alertname',
  'alert-acknowledgement',
  'never-acknowledged',
  'no-runbook',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const reportParamsSchema = z.object({ report: z.enum(REPORT_NAMES) });

/** About a year: the reports read a busy team's year of events at most, in bounded queries. */
export const MAX_REPORT_DAYS = 366;

const instant = z.iso
  .datetime({ offset: true, error: 'Use an ISO instant such as 2026-11-02T00:00:00+01:00 or …Z.' })
  .transform((v) => new Date(v));

export const reportQuerySchema = z
  .object({
    /** Default: Monday 00:00 (in `zone`) three weeks before the current week. */
    from: instant.optional(),
    /** Default: now. */
    to: instant.optional(),
    /** Default: the caller's time zone (their profile), else UTC. */
    zone: timeZoneSchema.optional(),
    /**
     * The incident response reports' weekly series: p50 time to acknowledge (default) or to resolve.
     * The other reports have one measure and ignore it.
     */
    measure: z.enum(['acknowledge', 'resolve']).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, {
    ...whenFieldsParsed,
    error: '`from` must be before `to`.',
    path: ['to'],
  })
  .refine((q) => !q.from || !q.to || q.to.getTime() - q.from.getTime() <= MAX_REPORT_DAYS * 86_400_000, {
    ...whenFieldsParsed,
    error: `A report covers at most ${MAX_REPORT_DAYS} days: narrow from/to.`,
    path: ['from'],
  });

const columnSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** How to show a value: text, a count, a duration in seconds, an ISO instant. */
  kind: z.enum(['text', 'count', 'seconds', 'time']),
});
export type ReportColumn = z.infer<typeof columnSchema>;

const rowSchema = z.object({
  /** What the chart's legend calls the row. */
  name: z.string(),
  cells: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** One value per week of `weeks` (null where there is nothing to measure). */
  weekly: z.array(z.number().nullable()),
  /** `/history?filter=…&from=…&to=…`: the events behind the row. */
  history: z.string(),
});
export type ReportRow = z.infer<typeof rowSchema>;

export const reportSchema = z.object({
  report: z.enum(REPORT_NAMES),
  title: z.string(),
  description: z.string(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  zone: z.string(),
  /** The Mondays (local dates in `zone`) of the weeks the range overlaps, oldest first. */
  weeks: z.array(z.string()),
  columns: z.array(columnSchema),
  rows: z.array(rowSchema),
  /** What `weekly` measures: bars of counts, or lines of durations. */
  chart: z.object({ kind: z.enum(['bars', 'lines']), unit: z.enum(['count', 'seconds']), label: z.string() }),
});
export type Report = z.infer<typeof reportSchema>;
