import 'server-only';
import type { z } from 'zod';
import { MatcherSyntaxError, parseFilter } from '@/lib/alertmanager/matchers';
import { openAcks } from '@/lib/alerts/ack-state';
import { ValidationError } from '@/lib/errors';
import { runbookLinks } from '@/lib/runbooks/catalog';
import type { SnapshotView } from '@/lib/snapshots/snapshot-source';
import { type ClusterSnapshot, sources, wantRouteGroups } from '@/lib/snapshots/sources';
import { type AckMap, withAcks } from './ack-overlay';
import { countBySeverity, countByState } from './alert-counts';
import { type IndexedAlert, indexAlerts } from './alert-items';
import type { AlertsResponse, alertsQuerySchema } from './api-schema';
import { alertPredicate, parseStates } from './filter';
import { type FlappingMap, withFlapping } from './flapping-overlay';
import { flappingAlerts } from './flapping-state';
import { groupAlerts, pageOf, parseGroupBy, type RouteIndex, routeIndex, summarizeGroups } from './grouping';
import { incidentLinks } from './incident-links';
import { type IncidentLinks, withIncidents } from './incident-overlay';
import { type AlertLabelsResponse, buildLabelIndex, type LabelIndex, labelSuggestions } from './label-index';

/**
 * The alerts API's data layer: every Alertmanager cluster's snapshot, filtered, grouped, ordered and
 * paged on the server, so the browser only ever receives the visible slice and the counts.
 *
 * What depends only on the snapshots (items, search text, the sort, the route-group and label indexes)
 * is computed once per set of snapshots and reused by every request until a poll brings new data; a
 * request then costs one pass over the alerts for the filter and one for the grouping.
 */

export type AlertsQuery = z.infer<typeof alertsQuerySchema>;
type ClusterView = SnapshotView<ClusterSnapshot>;

/** Everything derived from one set of cluster snapshots. */
export type AlertIndex = {
  /** Every alert of every cluster, in alert order (alert-items.ts compareAlerts). */
  alerts: IndexedAlert[];
  routes: RouteIndex;
  /** Per cluster name, the snapshot the index was built from. */
  clusters: ReadonlyMap<string, ClusterSnapshot>;
  /** Built on first use: cluster → fingerprint → alert. */
  byFingerprint(): ReadonlyMap<string, ReadonlyMap<string, IndexedAlert>>;
  /** Built on first use. */
  labels(): LabelIndex;
};

/** The answer of `GET /api/v1/alerts`. Throws ValidationError (422) for a bad filter, group_by or state. */
export async function queryAlerts(query: AlertsQuery): Promise<AlertsResponse> {
  if (query.group_by.trim() === '@route' && wantRouteGroups())
    await Promise.all([...sources().clusters.values()].map((source) => source.refresh()));
  const [views, acks, incidents, flapping] = await Promise.all([
    clusterViews(),
    openAcks(),
    incidentLinks(),
    flappingAlerts(),
  ]);
  return answerAlertsQuery(views, query, acks, incidents, flapping);
}

/** The answer of `GET /api/v1/alerts/labels`. */
export async function queryAlertLabels(query: {
  name?: string;
  prefix: string;
}): Promise<AlertLabelsResponse> {
  return labelSuggestions(alertIndexOf(await clusterViews()).labels(), query);
}

/** The current index and the views it was built from, for the detail view. */
export async function currentAlertIndex(): Promise<{ index: AlertIndex; views: ClusterView[] }> {
  const views = await clusterViews();
  return { index: alertIndexOf(views), views };
}

async function clusterViews(): Promise<ClusterView[]> {
  return Promise.all([...sources().clusters.values()].map((source) => source.get()));
}

/** Answers a query from given snapshot views (exported for tests; the routes use queryAlerts). */
export function answerAlertsQuery(
  views: readonly ClusterView[],
  query: AlertsQuery,
  acks: AckMap = NO_ACKS,
  incidents: IncidentLinks = NO_LINKS,
  flapping: FlappingMap = NO_FLAPPING,
): AlertsResponse {
  return {
    ...coreAnswer(alertIndexOf(views), { acks, incidents, flapping }, query),
    // Ages change by the second; they are cheap, so never cached.
    fetchedAt: oldestFetch(views),
    upstreams: views.map((v) => ({
      cluster: v.name,
      fetchedAt: v.updatedAt === undefined ? null : new Date(v.updatedAt).toISOString(),
      ageSeconds: v.ageSeconds === undefined ? null : Math.round(v.ageSeconds * 10) / 10,
      stale: v.stale,
      error: v.error ? { message: v.error.message, ...(v.error.hint ? { hint: v.error.hint } : {}) } : null,
      peers: v.data?.peers ?? [],
    })),
  };
}

const NO_ACKS: AckMap = new Map();
const NO_LINKS: IncidentLinks = new Map();
const NO_FLAPPING: FlappingMap = new Map();

/** What PostgreSQL adds to the snapshot's alerts; each map is replaced, never mutated, on a change. */
type Overlays = { acks: AckMap; incidents: IncidentLinks; flapping: FlappingMap };

type CoreAnswer = Pick<AlertsResponse, 'alerts' | 'groups' | 'counts' | 'page'>;

// The answers for the current index, acknowledgements and incident links, by query: any number of consoles showing the
// same view between two polls cost one pass over the alerts, and the others are served from here (at
// 10,000 alerts a pass is tens of milliseconds; 50 consoles at once would otherwise queue behind it).
let answers: { index: AlertIndex; overlays: Overlays; byQuery: Map<string, CoreAnswer> } | undefined;
const MAX_CACHED_ANSWERS = 64;

function coreAnswer(index: AlertIndex, overlays: Overlays, query: AlertsQuery): CoreAnswer {
  if (answers?.index !== index || !sameOverlays(answers.overlays, overlays))
    answers = { index, overlays, byQuery: new Map() };
  const key = JSON.stringify([query.filter, query.group_by, query.state, query.offset, query.limit]);
  const cached = answers.byQuery.get(key);
  if (cached) return cached;
  const answer = computeAnswer(index, overlays, query);
  if (answers.byQuery.size >= MAX_CACHED_ANSWERS)
    answers.byQuery.delete(answers.byQuery.keys().next().value ?? '');
  answers.byQuery.set(key, answer);
  return answer;
}

function computeAnswer(index: AlertIndex, overlays: Overlays, query: AlertsQuery): CoreAnswer {
  const groupBy = parseGroupBy(query.group_by);
  const states = parseStates(query.state);
  const { matchers, text } = parseFilterField(query.filter);
  const alerts = overlaidAlerts(index, overlays);
  const keep = alertPredicate({ matchers, text, states });
  const matching = alerts.filter(keep);
  const groups = groupAlerts(matching, groupBy, index.routes);
  return {
    alerts: pageOf(groups, query.offset, query.limit),
    groups: summarizeGroups(groups),
    counts: {
      total: alerts.length,
      matching: matching.length,
      bySeverity: countBySeverity(matching.map((a) => a.item)),
      byState: countByState(alerts.map((a) => a.item)),
    },
    page: { offset: query.offset, limit: query.limit },
  };
}

function parseFilterField(filter: string) {
  try {
    return parseFilter(filter);
  } catch (error) {
    if (error instanceof MatcherSyntaxError)
      throw new ValidationError('The filter is not valid.', { filter: error.message });
    throw error;
  }
}

function oldestFetch(views: readonly ClusterView[]): string | null {
  const times = views.flatMap((v) => (v.updatedAt === undefined ? [] : [v.updatedAt]));
  return times.length === 0 ? null : new Date(Math.min(...times)).toISOString();
}

// One entry: all requests between two polls share it. Snapshots are replaced, never mutated, on each
// poll (SnapshotSource assigns the fetched object), so identity tells whether anything changed.
let cached: { snapshots: (ClusterSnapshot | undefined)[]; index: AlertIndex } | undefined;

// The alerts with their acknowledgements and incidents, reused while none of them changes.
let overlaid: { index: AlertIndex; overlays: Overlays; alerts: readonly IndexedAlert[] } | undefined;

function overlaidAlerts(index: AlertIndex, overlays: Overlays): readonly IndexedAlert[] {
  if (overlaid?.index !== index || !sameOverlays(overlaid.overlays, overlays))
    overlaid = {
      index,
      overlays,
      alerts: withFlapping(
        withIncidents(withAcks(index.alerts, overlays.acks), overlays.incidents),
        overlays.flapping,
      ),
    };
  return overlaid.alerts;
}

function sameOverlays(a: Overlays, b: Overlays): boolean {
  return a.acks === b.acks && a.incidents === b.incidents && a.flapping === b.flapping;
}

/** The index of these views' snapshots, reused while they are the same objects. */
export function alertIndexOf(views: readonly ClusterView[]): AlertIndex {
  const snapshots = views.map((v) => v.data);
  if (
    cached &&
    cached.snapshots.length === snapshots.length &&
    cached.snapshots.every((s, i) => s === snapshots[i])
  )
    return cached.index;
  const index = buildAlertIndex(views);
  cached = { snapshots, index };
  return index;
}

function buildAlertIndex(views: readonly ClusterView[]): AlertIndex {
  const withData = views.flatMap((v) => (v.data ? [{ cluster: v.name, data: v.data }] : []));
  // Runbook files are re-read (by mtime) here, so a new runbook links on the next poll.
  const alerts = indexAlerts(
    withData.flatMap((c) => c.data.alerts),
    runbookLinks(),
  );
  let byFingerprint: Map<string, Map<string, IndexedAlert>> | undefined;
  let labels: LabelIndex | undefined;
  return {
    alerts,
    routes: routeIndex(withData.map((c) => ({ cluster: c.cluster, routeGroups: c.data.routeGroups }))),
    clusters: new Map(withData.map((c) => [c.cluster, c.data])),
    byFingerprint() {
      if (!byFingerprint) {
        byFingerprint = new Map(withData.map((c) => [c.cluster, new Map()]));
        for (const a of alerts) byFingerprint.get(a.item.cluster)?.set(a.item.fingerprint, a);
      }
      return byFingerprint;
    },
    labels() {
      labels ??= buildLabelIndex(alerts.map((a) => a.item.labels));
      return labels;
    },
  };
}
