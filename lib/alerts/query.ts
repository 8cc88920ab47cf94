import 'server-only';
import type { z } from 'zod';
import { MatcherSyntaxError, parseFilter } from '@/lib/alertmanager/matchers';
import { openAcks } from '@/lib/alerts/ack-state';
import { type JsonBytes, jsonBytes } from '@/lib/api/json-bytes';
import { ValidationError } from '@/lib/errors';
import { filterInSlices, forEachInSlices, yieldToEventLoop } from '@/lib/event-loop';
import { runbookLinks } from '@/lib/runbooks/catalog';
import type { SnapshotView } from '@/lib/snapshots/snapshot-source';
import { type ClusterSnapshot, sources, wantRouteGroups } from '@/lib/snapshots/sources';
import { type AckMap, withAcks } from './ack-overlay';
import { type IndexedAlert, indexAhead, indexAlerts } from './alert-items';
import type { AlertsResponse, alertsQuerySchema } from './api-schema';
import { alertSelection, parseStates } from './filter';
import { type FlappingMap, withFlapping } from './flapping-overlay';
import { flappingAlerts } from './flapping-state';
import { alertGrouper, pageOf, parseGroupBy, type RouteIndex, routeIndex, summarizeGroups } from './grouping';
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
  /** Built on first use: cluster → fingerprint → alert. */
  byFingerprint(): ReadonlyMap<string, ReadonlyMap<string, IndexedAlert>>;
  /** Built on first use. */
  labels(): LabelIndex;
};

/** The answer of `GET /api/v1/alerts`. Throws ValidationError (422) for a bad filter, group_by or state. */
export async function queryAlerts(query: AlertsQuery): Promise<AlertsResponse> {
  const { views, answer } = await currentAnswer(query);
  return { ...answer.core, ...upstreamPart(views) };
}

/**
 * The same answer serialised for the route: the filtered, grouped page is serialised once per poll
 * and query, and only the upstreams' ages (which change by the second) per request.
 */
export async function queryAlertsJson(query: AlertsQuery): Promise<JsonBytes> {
  const { views, answer } = await currentAnswer(query);
  const tail = JSON.stringify(upstreamPart(views));
  return jsonBytes(Buffer.concat([answer.head(), Buffer.from(`,${tail.slice(1)}`)]));
}

async function currentAnswer(query: AlertsQuery) {
  if (query.group_by.trim() === '@route' && wantRouteGroups())
    await Promise.all([...sources().clusters.values()].map((source) => source.refresh()));
  const { views, index, overlays } = await currentInputs();
  return { views, answer: await coreAnswer(index, overlays, query) };
}

async function currentInputs(): Promise<{ views: ClusterView[]; index: AlertIndex; overlays: Overlays }> {
  const [views, acks, incidents, flapping] = await Promise.all([
    clusterViews(),
    openAcks(),
    incidentLinks(),
    flappingAlerts(),
  ]);
  return { views, index: await alertIndexOf(views), overlays: { acks, incidents, flapping } };
}

/**
 * Indexes the current snapshots' alerts (in slices) and lays the overlays over them, ahead of the first
 * alerts API request that needs them (after each poll, lib/server/poll-hooks.ts). That request
 * otherwise did both beside its filter's first pass; at 10,000 alerts the sort alone is a 4–11 ms task.
 */
export async function prepareAlertsList(): Promise<void> {
  const { index, overlays } = await currentInputs();
  await overlaidAlerts(index, overlays);
}

/** The answer of `GET /api/v1/alerts/labels`. */
export async function queryAlertLabels(query: {
  name?: string;
  prefix: string;
}): Promise<AlertLabelsResponse> {
  return labelSuggestions((await alertIndexOf(await clusterViews())).labels(), query);
}

/** The current index and the views it was built from, for the detail view. */
export async function currentAlertIndex(): Promise<{ index: AlertIndex; views: ClusterView[] }> {
  const views = await clusterViews();
  return { index: await alertIndexOf(views), views };
}

async function clusterViews(): Promise<ClusterView[]> {
  return Promise.all([...sources().clusters.values()].map((source) => source.get()));
}

/** Answers a query from given snapshot views (exported for tests; the routes use queryAlerts). */
export async function answerAlertsQuery(
  views: readonly ClusterView[],
  query: AlertsQuery,
  acks: AckMap = NO_ACKS,
  incidents: IncidentLinks = NO_LINKS,
  flapping: FlappingMap = NO_FLAPPING,
): Promise<AlertsResponse> {
  const answer = await coreAnswer(await alertIndexOf(views), { acks, incidents, flapping }, query);
  return { ...answer.core, ...upstreamPart(views) };
}

/** Where the answer comes from and how old it is; ages change by the second, so never cached. */
function upstreamPart(views: readonly ClusterView[]): Pick<AlertsResponse, 'fetchedAt' | 'upstreams'> {
  return {
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

/** A computed answer, and its JSON without the closing brace (made on first use, then kept). */
type CachedAnswer = { core: CoreAnswer; head(): Buffer };

/**
 * What this module reuses between requests, on globalThis: the production build holds this module once
 * per route bundle and once for start-up, and the index the poll hook builds ahead (prepareAlertsList,
 * start-up's bundle) must be the one the alerts route then finds. With a copy each, every bundle built
 * its own index after each poll (a probe at 50,000 alerts: 1.9 s more main-thread CPU, 72 MB more
 * resident memory at the end).
 */
type QueryState = {
  // The answers for the current index, acknowledgements and incident links, by query: any number of
  // consoles showing the same view between two polls cost one pass over the alerts and one
  // serialisation, and the others are served from here (at 10,000 alerts a pass is tens of
  // milliseconds; 50 consoles at once would otherwise queue behind it). Requests arriving while the
  // pass runs wait for that one pass.
  answers?: { index: AlertIndex; overlays: Overlays; byQuery: Map<string, Promise<CachedAnswer>> };
  // One entry: all requests between two polls share it, and polls that changed no alert too. The poll
  // keeps a cluster's alert array when nothing in it changed (lib/alertmanager/alerts-reader.ts) and
  // replaces it otherwise, so identity tells whether anything changed. Requests that arrive while it is
  // being built wait for that one build.
  index?: { inputs: IndexInput[]; index: Promise<AlertIndex> };
  // The alerts with their acknowledgements, incidents and flapping, reused while none of them changes.
  // Built a slice at a time: the first request after a poll or a change of acknowledgements built it for
  // 10,000 alerts in one task of 10–15 ms, beside the index and the filter (a CPU profile of the bench's
  // regex filter). Requests meanwhile wait for that one build.
  overlaid?: {
    index: AlertIndex;
    overlays: Overlays;
    result: Promise<readonly IndexedAlert[]>;
  };
};
const QUERY_STATE = Symbol.for('vigil.alerts-query');
const queryStore = globalThis as unknown as Record<symbol, QueryState | undefined>;
function state(): QueryState {
  queryStore[QUERY_STATE] ??= {};
  return queryStore[QUERY_STATE];
}

const MAX_CACHED_ANSWERS = 64;

function coreAnswer(index: AlertIndex, overlays: Overlays, query: AlertsQuery): Promise<CachedAnswer> {
  const s = state();
  if (s.answers?.index !== index || !sameOverlays(s.answers.overlays, overlays))
    s.answers = { index, overlays, byQuery: new Map() };
  const byQuery = s.answers.byQuery;
  const key = JSON.stringify([query.filter, query.group_by, query.state, query.offset, query.limit]);
  const cached = byQuery.get(key);
  if (cached) return cached;
  const answer = computeAnswer(index, overlays, query).then((core) => {
    let head: Buffer | undefined;
    return { core, head: () => (head ??= Buffer.from(JSON.stringify(core).slice(0, -1))) };
  });
  if (byQuery.size >= MAX_CACHED_ANSWERS) byQuery.delete(byQuery.keys().next().value ?? '');
  byQuery.set(key, answer);
  // A refused query (a bad filter) is answered again, not remembered.
  answer.catch(() => {
    if (byQuery.get(key) === answer) byQuery.delete(key);
  });
  return answer;
}

async function computeAnswer(index: AlertIndex, overlays: Overlays, query: AlertsQuery): Promise<CoreAnswer> {
  const groupBy = parseGroupBy(query.group_by);
  const states = parseStates(query.state);
  const { matchers, text } = parseFilterField(query.filter);
  const alerts = await overlaidAlerts(index, overlays);
  // The filter's RE2 matchers over 10,000 alerts take tens of milliseconds, and so does grouping by a
  // label with a value per alert: both in slices, so that the liveness probe, the webhook and other
  // consoles are answered meanwhile. The same pass counts, by state, every alert the matchers and text
  // find (the state toggles' counts; their sum is the total): counts taken apart from the filter said
  // "active 15" beside 7 listed, and counted the heartbeat the page leaves out with a matcher
  // (components/alerts/heartbeat.ts).
  const selection = alertSelection({ matchers, text, states });
  const matching = await filterInSlices(alerts, selection.shows);
  const grouper = alertGrouper(groupBy, index.routes);
  await forEachInSlices(matching, grouper.add);
  const groups = grouper.groups();
  const page = { offset: query.offset, limit: query.limit };
  return {
    alerts: pageOf(groups, page.offset, page.limit),
    groups: summarizeGroups(groups, page),
    counts: {
      total: Object.values(selection.byState).reduce((sum, n) => sum + n, 0),
      matching: matching.length,
      groups: groups.length,
      bySeverity: grouper.bySeverity(),
      byState: selection.byState,
    },
    page,
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

/** What an index is built from, per cluster. */
type IndexInput = { name: string; alerts?: readonly unknown[]; routeGroups?: readonly unknown[] };

const sameInput = (a: IndexInput, b: IndexInput) =>
  a.name === b.name &&
  a.alerts === b.alerts &&
  // Route groups are read only while someone groups by route; otherwise each poll has a new empty list.
  (a.routeGroups === b.routeGroups || (a.routeGroups?.length === 0 && b.routeGroups?.length === 0));

const OVERLAY_SLICE = 1000;

function overlaidAlerts(index: AlertIndex, overlays: Overlays) {
  const s = state();
  if (s.overlaid?.index !== index || !sameOverlays(s.overlaid.overlays, overlays)) {
    const result = overlayInSlices(index.alerts, overlays);
    const entry = { index, overlays, result };
    s.overlaid = entry;
    result.catch(() => {
      if (s.overlaid === entry) s.overlaid = undefined;
    });
  }
  return s.overlaid.result;
}

async function overlayInSlices(alerts: readonly IndexedAlert[], overlays: Overlays) {
  const out: IndexedAlert[] = [];
  for (let i = 0; i < alerts.length; i += OVERLAY_SLICE) {
    if (i > 0) await yieldToEventLoop();
    const slice = alerts.slice(i, i + OVERLAY_SLICE);
    out.push(
      ...withFlapping(withIncidents(withAcks(slice, overlays.acks), overlays.incidents), overlays.flapping),
    );
  }
  return out;
}

function sameOverlays(a: Overlays, b: Overlays): boolean {
  return a.acks === b.acks && a.incidents === b.incidents && a.flapping === b.flapping;
}

/** The index of these views' alerts, reused while they are the same. */
export function alertIndexOf(views: readonly ClusterView[]): Promise<AlertIndex> {
  const inputs = views.map((v) => ({
    name: v.name,
    alerts: v.data?.alerts,
    routeGroups: v.data?.routeGroups,
  }));
  const s = state();
  const cached = s.index;
  if (
    cached &&
    cached.inputs.length === inputs.length &&
    cached.inputs.every((c, i) => sameInput(c, inputs[i] as IndexInput))
  )
    return cached.index;
  const index = buildAlertIndex(views);
  const entry = { inputs, index };
  s.index = entry;
  // A build that failed is not kept: the next request builds again.
  index.catch(() => {
    if (s.index === entry) s.index = undefined;
  });
  return index;
}

async function buildAlertIndex(views: readonly ClusterView[]): Promise<AlertIndex> {
  const withData = views.flatMap((v) => (v.data ? [{ cluster: v.name, data: v.data }] : []));
  const all = withData.flatMap((c) => c.data.alerts);
  // Runbook files are re-read (by mtime) here, so a new runbook links on the next poll.
  const runbooks = runbookLinks();
  // In slices, with the event loop free between them: indexing 10,000 new alerts in one go takes
  // 60–300 ms. A request that comes while the poll hook (prepareAlertsList) builds shares this build.
  // What either indexed is kept with its alert, so the pass below only sorts.
  await indexAhead(all, runbooks);
  const alerts = indexAlerts(all, runbooks);
  let byFingerprint: Map<string, Map<string, IndexedAlert>> | undefined;
  let labels: LabelIndex | undefined;
  return {
    alerts,
    routes: routeIndex(withData.map((c) => ({ cluster: c.cluster, routeGroups: c.data.routeGroups }))),
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
