import 'server-only';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import { yieldToEventLoop } from '@/lib/event-loop';
import { runbookCatalog } from '@/lib/runbooks/catalog';
import { resolveRunbook } from '@/lib/runbooks/link';
import { flappingSpells } from './flapping-report';
import { alertnamesMatcher, historyHref, labelMatchers } from './history-link';
import * as q from './queries';
import { reportRange } from './range';
import { REPORT_META } from './report-meta';
import type { Report, ReportColumn, ReportName, ReportRow } from './report-schema';
import { type ResponseSample, responseTimes } from './response-times';
import { topN } from './stats';
import { countsByKey, weeklyCounts, weeklyValues } from './weekly';
import { weeksBetween } from './weeks';

/**
 * The noise reports' data layer (GET /api/v1/reports/{report}, its CSV and the /reports page): runs a
 * report's queries (lib/reports/queries.ts), aggregates what SQL did not (percentiles, flapping spells,
 * the runbook lookup) and returns the common report shape (report-schema.ts).
 */

const TOP = 20;
/** Alert names read for the no-runbook report before the runbook lookup keeps the uncovered ones. */
const MAX_NAMES = 5_000;

type Range = q.Range;
type Built = Pick<Report, 'columns' | 'rows' | 'chart'>;

const FIRING_COLUMNS = (first: ReportColumn): ReportColumn[] => [
  first,
  { key: 'firings', label: 'Firings', kind: 'count' },
  { key: 'lastSeen', label: 'Last seen', kind: 'time' },
];
const ALERTNAME: ReportColumn = { key: 'alertname', label: 'Alert name', kind: 'text' };
const FIRINGS_CHART = { kind: 'bars', unit: 'count', label: 'Firings per week' } as const;

/** Rows of firings per alert name (noisiest, never acknowledged, no runbook). */
async function alertnameRows(
  range: Range,
  weeks: string[],
  totals: q.NameTotal[],
  unacknowledged: boolean,
): Promise<ReportRow[]> {
  const byName = countsByKey(
    await q.alertnameWeeks(
      range,
      totals.map((t) => t.alertname),
      unacknowledged,
    ),
  );
  return totals.map((t) => ({
    name: t.alertname,
    cells: { alertname: t.alertname, firings: t.firings, lastSeen: t.lastSeen.toISOString() },
    weekly: weeklyCounts(weeks, byName.get(t.alertname)),
    history: historyHref(alertnamesMatcher([t.alertname]), range.from.getTime(), range.to.getTime()),
  }));
}

async function noisiestAlerts(range: Range, weeks: string[]): Promise<Built> {
  const totals = await q.alertnameTotals(range, { unacknowledged: false, limit: TOP });
  return {
    columns: FIRING_COLUMNS(ALERTNAME),
    rows: await alertnameRows(range, weeks, totals, false),
    chart: FIRINGS_CHART,
  };
}

async function neverAcknowledged(range: Range, weeks: string[]): Promise<Built> {
  const totals = await q.alertnameTotals(range, { unacknowledged: true, limit: TOP });
  return {
    columns: FIRING_COLUMNS(ALERTNAME),
    rows: await alertnameRows(range, weeks, totals, true),
    chart: FIRINGS_CHART,
  };
}

async function noRunbook(range: Range, weeks: string[]): Promise<Built> {
  const { links } = runbookCatalog();
  const totals = await q.alertnameTotals(range, { unacknowledged: false, limit: MAX_NAMES });
  const uncovered = totals
    .filter(
      (t) =>
        !resolveRunbook(links, { alertname: t.alertname }, t.runbookUrl ? { runbook_url: t.runbookUrl } : {}),
    )
    .slice(0, TOP);
  return {
    columns: FIRING_COLUMNS(ALERTNAME),
    rows: await alertnameRows(range, weeks, uncovered, false),
    chart: FIRINGS_CHART,
  };
}

async function noisiestLabelSets(range: Range, weeks: string[]): Promise<Built> {
  const totals = await q.labelSetTotals(range, TOP);
  const byFingerprint = countsByKey(
    await q.fingerprintWeeks(
      range,
      totals.map((t) => t.fingerprint),
    ),
  );
  const rows = totals.map((t) => {
    const labels = labelMatchers(t.labels);
    return {
      name: labels,
      cells: { labels, firings: t.firings, lastSeen: t.lastSeen.toISOString() },
      weekly: weeklyCounts(weeks, byFingerprint.get(t.fingerprint)),
      history: historyHref(labels, range.from.getTime(), range.to.getTime()),
    };
  });
  return {
    columns: FIRING_COLUMNS({ key: 'labels', label: 'Labels', kind: 'text' }),
    rows,
    chart: FIRINGS_CHART,
  };
}

async function flapping(range: Range, weeks: string[]): Promise<Built> {
  const { windowSeconds, threshold } = config().flapping;
  const candidates = await q.flappingCandidates(range, windowSeconds, threshold);
  const rows: (ReportRow & { flaps: number })[] = [];
  for (const c of candidates) {
    const spells = flappingSpells(
      c.changes,
      { windowMs: windowSeconds * 1000, threshold },
      range.zone,
      range.from.getTime(),
    );
    // Up to 200 alerts × 10,000 changes: give other requests a turn between alerts.
    await yieldToEventLoop();
    if (spells.flaps === 0 || spells.lastFlapMs === null) continue;
    const labels = labelMatchers(c.labels);
    rows.push({
      flaps: spells.flaps,
      name: labels,
      cells: {
        labels,
        cluster: c.cluster,
        flaps: spells.flaps,
        peak: spells.peak,
        lastFlap: new Date(spells.lastFlapMs).toISOString(),
      },
      weekly: weeklyCounts(weeks, spells.weekly),
      history: historyHref(labels, range.from.getTime(), range.to.getTime()),
    });
  }
  return {
    columns: [
      { key: 'labels', label: 'Alert', kind: 'text' },
      { key: 'cluster', label: 'Cluster', kind: 'text' },
      { key: 'flaps', label: 'Flapping changes', kind: 'count' },
      { key: 'peak', label: `Most changes in ${windowSeconds / 60} min`, kind: 'count' },
      { key: 'lastFlap', label: 'Last flapped', kind: 'time' },
    ],
    rows: topN(
      rows,
      TOP,
      (r) => r.flaps,
      (r) => r.name,
    ).map(({ flaps: _, ...row }) => row),
    chart: { kind: 'bars', unit: 'count', label: 'Flapping changes per week' },
  };
}

const seconds = (from: Date, to: Date | null) =>
  to ? Math.max(0, (to.getTime() - from.getTime()) / 1000) : null;

const RESPONSE_KEY = {
  'incident-response-by-route': { column: 'Route', key: (s: q.IncidentSample) => s.route ?? '(no route)' },
  'incident-response-by-team': { column: 'Team', key: (s: q.IncidentSample) => s.team ?? '(no team)' },
  'incident-response-by-alertname': {
    column: 'Alert name',
    key: (s: q.IncidentSample) => s.alertname ?? '(declared, no alert)',
  },
} as const;

async function incidentResponse(
  range: Range,
  weeks: string[],
  by: keyof typeof RESPONSE_KEY,
  measure: Measure,
): Promise<Built> {
  const incidents = await q.incidentSamples(range);
  const samples: ResponseSample[] = incidents.map((i) => ({
    key: RESPONSE_KEY[by].key(i),
    startMs: i.openedAt.getTime(),
    ackSeconds: seconds(i.openedAt, i.acknowledgedAt),
    resolveSeconds: seconds(i.openedAt, i.resolvedAt),
    alertname: i.alertname,
  }));
  const rows = responseTimes(samples, range.zone)
    .slice(0, TOP)
    .map((g) => ({
      name: g.key,
      cells: {
        key: g.key,
        incidents: g.total.count,
        ackP50: g.total.ack.p50,
        ackP90: g.total.ack.p90,
        resolveP50: g.total.resolve.p50,
        resolveP90: g.total.resolve.p90,
      },
      weekly: weeklyValues(weeks, g.weekly, (w) => (measure === 'resolve' ? w.resolve.p50 : w.ack.p50)),
      // The alerts that opened the group's incidents: what "the history behind" a route or team is.
      history: historyHref(alertnamesMatcher(g.alertnames), range.from.getTime(), range.to.getTime()),
    }));
  return {
    columns: [
      { key: 'key', label: RESPONSE_KEY[by].column, kind: 'text' },
      { key: 'incidents', label: 'Incidents', kind: 'count' },
      { key: 'ackP50', label: 'Acknowledge p50', kind: 'seconds' },
      { key: 'ackP90', label: 'Acknowledge p90', kind: 'seconds' },
      { key: 'resolveP50', label: 'Resolve p50', kind: 'seconds' },
      { key: 'resolveP90', label: 'Resolve p90', kind: 'seconds' },
    ],
    rows,
    chart: {
      kind: 'lines',
      unit: 'seconds',
      label: `Time to ${measure === 'resolve' ? 'resolve' : 'acknowledge'}, p50 per week`,
    },
  };
}

async function alertAcknowledgement(range: Range, weeks: string[]): Promise<Built> {
  const samples = (await q.alertAckSamples(range)).map((s) => ({
    key: s.alertname,
    startMs: s.startsAt.getTime(),
    ackSeconds: seconds(s.startsAt, s.firstAck),
    resolveSeconds: null,
    alertname: s.alertname,
  }));
  const rows = responseTimes(samples, range.zone)
    .slice(0, TOP)
    .map((g) => ({
      name: g.key,
      cells: {
        alertname: g.key,
        acknowledged: g.total.count,
        ackP50: g.total.ack.p50,
        ackP90: g.total.ack.p90,
      },
      weekly: weeklyValues(weeks, g.weekly, (w) => w.ack.p50),
      history: historyHref(alertnamesMatcher([g.key]), range.from.getTime(), range.to.getTime()),
    }));
  return {
    columns: [
      ALERTNAME,
      { key: 'acknowledged', label: 'Acknowledged firings', kind: 'count' },
      { key: 'ackP50', label: 'Acknowledge p50', kind: 'seconds' },
      { key: 'ackP90', label: 'Acknowledge p90', kind: 'seconds' },
    ],
    rows,
    chart: { kind: 'lines', unit: 'seconds', label: 'Time to acknowledge, p50 per week' },
  };
}

type Measure = 'acknowledge' | 'resolve';

function build(name: ReportName, range: Range, weeks: string[], measure: Measure): Promise<Built> {
  switch (name) {
    case 'noisiest-alerts':
      return noisiestAlerts(range, weeks);
    case 'noisiest-label-sets':
      return noisiestLabelSets(range, weeks);
    case 'flapping':
      return flapping(range, weeks);
    case 'incident-response-by-route':
    case 'incident-response-by-team':
    case 'incident-response-by-alertname':
      return incidentResponse(range, weeks, name, measure);
    case 'alert-acknowledgement':
      return alertAcknowledgement(range, weeks);
    case 'never-acknowledged':
      return neverAcknowledged(range, weeks);
    case 'no-runbook':
      return noRunbook(range, weeks);
  }
}

/** The reader's zone (their profile), for reports asked without `zone`. */
export async function readerZone(actor: Actor): Promise<string> {
  const user = await db().user.findUnique({ where: { id: actor.id }, select: { timeZone: true } });
  return user?.timeZone ?? 'UTC';
}

/** One report over the range the query names (see reportRange). */
export async function runReport(
  actor: Actor,
  name: ReportName,
  query: { from?: Date; to?: Date; zone?: string; measure?: Measure },
  now = new Date(),
): Promise<Report> {
  assertRole(actor, 'viewer');
  const range = reportRange(query, query.zone ?? (await readerZone(actor)), now);
  const weeks = weeksBetween(range.from.getTime(), range.to.getTime(), range.zone);
  const built = await build(name, range, weeks, query.measure ?? 'acknowledge');
  return {
    report: name,
    ...REPORT_META[name],
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    zone: range.zone,
    weeks,
    ...built,
  };
}
