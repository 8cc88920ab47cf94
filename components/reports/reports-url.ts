import { z } from 'zod';
import { dayRange } from '@/lib/reports/range-input';
import { MAX_REPORT_DAYS } from '@/lib/reports/report-schema';
import { timeZoneSchema } from '@/lib/schedules/schedule-schemas';

/**
 * The reports page's state is its URL, so a report can be shared, bookmarked and reloaded:
 * `/reports?from=2026-03-02&to=2026-03-29&zone=Europe%2FBrussels&by=team&measure=resolve`. `from` and
 * `to` are whole days, both included, in `zone`; a range carries its zone because days mean nothing
 * without one (a colleague in New York opening a Brussels link sees the same weeks). No range is the
 * rolling default (the current week and the three before it) in the reader's zone, so `/reports` stays a
 * useful bookmark. Defaults are left out. A hand-edited or stale value falls back to its default with a
 * note saying so, rather than failing the page or every report on it. Pure.
 *
 *   readReportsSearch(new URLSearchParams('from=2026-03-02&to=2026-03-29&by=team'), 'UTC')
 *     → {search: {days: {firstDay: '2026-03-02', lastDay: '2026-03-29'}, by: 'team', measure: 'acknowledge'}, notes: []}
 *   readReportsSearch(new URLSearchParams('by=severity'), 'UTC')
 *     → {search: {by: 'route', measure: 'acknowledge'}, notes: ['by=severity: group by route, team or alertname. Grouped by route.']}
 *   reportsHref({days: {firstDay: '2026-03-02', lastDay: '2026-03-29'}, zone: 'UTC', by: 'route', measure: 'resolve'})
 *     → '/reports?from=2026-03-02&to=2026-03-29&zone=UTC&measure=resolve'
 */

/** How the incident response report groups, as the URL spells it (the page shows "alert name"). */
const REPORT_GROUPINGS = ['route', 'team', 'alertname'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];
export const REPORT_MEASURES = ['acknowledge', 'resolve'] as const;
type ReportMeasure = (typeof REPORT_MEASURES)[number];

export type ReportDays = { firstDay: string; lastDay: string };

export type ReportsSearch = {
  /** Absent: the default range. */
  days?: ReportDays;
  /** Absent: the reader's profile zone. */
  zone?: string;
  by: ReportGrouping;
  measure: ReportMeasure;
};

const DEFAULTS = { by: 'route', measure: 'acknowledge' } as const;

const groupingSchema = z.enum(REPORT_GROUPINGS, {
  error: (issue) => `by=${String(issue.input)}: group by route, team or alertname.`,
});
const measureSchema = z.enum(REPORT_MEASURES, {
  error: (issue) => `measure=${String(issue.input)}: use acknowledge or resolve.`,
});
const daySchema = z.iso.date({
  error: (issue) => `"${String(issue.input)}" is not a day such as 2026-03-02.`,
});

/**
 * Why these days make no report in `zone`, or undefined when they do: the reports API's own limits
 * (`to` after `from`, at most MAX_REPORT_DAYS), on the instants it will be sent, so a range across a
 * daylight-saving change is measured as the API measures it. The range form asks this too.
 *
 *   rangeProblem({firstDay: '2026-03-29', lastDay: '2026-03-02'}, 'UTC') → 'The first day is after the last.'
 */
export function rangeProblem(days: ReportDays, zone: string): string | undefined {
  const first = daySchema.safeParse(days.firstDay);
  if (!first.success) return first.error.issues[0]?.message;
  const last = daySchema.safeParse(days.lastDay);
  if (!last.success) return last.error.issues[0]?.message;
  if (days.firstDay > days.lastDay) return 'The first day is after the last.';
  const { from, to } = dayRange(days.firstDay, days.lastDay, zone);
  if (Date.parse(to) - Date.parse(from) > MAX_REPORT_DAYS * 86_400_000)
    return `A report covers at most ${MAX_REPORT_DAYS} days.`;
  return undefined;
}

/**
 * The page's state from its URL; `notes` say, one sentence or two each, what was ignored and why. The
 * reader's zone is where a range without `zone` is counted, so its limits are checked there.
 */
export function readReportsSearch(
  params: Pick<URLSearchParams, 'get'>,
  readerZone: string,
): {
  search: ReportsSearch;
  notes: string[];
} {
  const notes: string[] = [];
  // An empty value (`?by=`) is no value, as a form left blank sends it.
  const param = (key: string) => params.get(key) || undefined;
  const read = <T>(schema: z.ZodType<T>, key: string, fallback: string): T | undefined => {
    const raw = param(key);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    notes.push(`${parsed.error.issues[0]?.message} ${fallback}`);
    return undefined;
  };
  const zone = read(timeZoneSchema, 'zone', 'Showing your time zone.');
  const search: ReportsSearch = {
    ...(zone ? { zone } : {}),
    by: read(groupingSchema, 'by', `Grouped by ${DEFAULTS.by}.`) ?? DEFAULTS.by,
    measure: read(measureSchema, 'measure', `Showing the time to ${DEFAULTS.measure}.`) ?? DEFAULTS.measure,
  };
  const from = param('from');
  const to = param('to');
  if (from === undefined && to === undefined) return { search, notes };
  const fallback = 'Showing the default range, the current week and the three before it.';
  if (from === undefined || to === undefined) {
    notes.push(`A range needs both from and to (days such as 2026-03-02). ${fallback}`);
    return { search, notes };
  }
  const days = { firstDay: from, lastDay: to };
  const problem = rangeProblem(days, zone ?? readerZone);
  if (problem) {
    notes.push(`from=${from}, to=${to}: ${problem} ${fallback}`);
    return { search, notes };
  }
  return { search: { ...search, days }, notes };
}

/** The page's URL for a state; defaults are left out. */
export function reportsHref(search: ReportsSearch): string {
  const params = new URLSearchParams();
  if (search.days) {
    params.set('from', search.days.firstDay);
    params.set('to', search.days.lastDay);
  }
  if (search.zone) params.set('zone', search.zone);
  if (search.by !== DEFAULTS.by) params.set('by', search.by);
  if (search.measure !== DEFAULTS.measure) params.set('measure', search.measure);
  return params.size ? `/reports?${params}` : '/reports';
}

/**
 * The reports API's query for a state (the incident response report adds `measure`): the days as the
 * instants that bound them in the zone, or no range for the server's default.
 *
 *   reportsApiQuery({days: {firstDay: '2026-03-23', lastDay: '2026-03-29'}, by: 'route', measure: 'acknowledge'}, 'Europe/Brussels')
 *     → {zone: 'Europe/Brussels', from: '2026-03-22T23:00:00.000Z', to: '2026-03-29T22:00:00.000Z'}
 */
export function reportsApiQuery(
  search: ReportsSearch,
  readerZone: string,
): { zone: string; from?: string; to?: string } {
  const zone = search.zone ?? readerZone;
  return search.days ? { ...dayRange(search.days.firstDay, search.days.lastDay, zone), zone } : { zone };
}
