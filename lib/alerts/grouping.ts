import { compareStrings } from '@/lib/alertmanager/alert-order';
import { formatMatcher } from '@/lib/alertmanager/matchers';
import { ValidationError } from '@/lib/errors';
import type { RouteGroup } from '@/lib/snapshots/sources';
import { severityBucket } from './alert-counts';
import type { IndexedAlert } from './alert-items';
import type { AlertGroupSummary, AlertItem } from './api-schema';

/**
 * Grouping and ordering of the alerts view. Pure. Input alerts come already in the console's alert
 * order (alert-items.ts compareAlerts), which grouping keeps inside each group.
 */

/** `group_by`: a label name, Alertmanager's route groups, or one group of everything. */
export type GroupBy = { kind: 'label'; name: string } | { kind: 'route' } | { kind: 'none' };

const ROUTE_GROUPING = '@route';
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 *   parseGroupBy('alertname') → {kind:'label', name:'alertname'}
 *   parseGroupBy('@route') → {kind:'route'};  parseGroupBy('') → {kind:'none'}
 *   parseGroupBy('not a label') → throws ValidationError({group_by: …})
 */
export function parseGroupBy(value: string): GroupBy {
  const v = value.trim();
  if (v === '') return { kind: 'none' };
  if (v === ROUTE_GROUPING) return { kind: 'route' };
  if (LABEL_NAME.test(v)) return { kind: 'label', name: v };
  throw new ValidationError('Some fields are invalid.', {
    group_by: `"${v}" is not a label name; use a label such as alertname, "@route" for Alertmanager's route groups, or nothing for no grouping`,
  });
}

/** Which route group an alert is listed in, by `routeMember(cluster, fingerprint)`. */
export type RouteIndex = ReadonlyMap<
  string,
  { key: string; receiver: string; labels: Record<string, string> }
>;

const routeMember = (cluster: string, fingerprint: string) => `${cluster}\0${fingerprint}`;

/**
 * Indexes the route groups of every cluster. With `continue: true` routes an alert sits in several
 * groups; it is listed in the first one only, in the order Alertmanager lists them (sorted by group
 * labels, then receiver: stable from one poll to the next), so each alert appears once and counts add up.
 * Groups of different clusters with the same receiver and labels are one group of the view.
 *
 *   routeIndex([{cluster:'eu', routeGroups:[{receiver:'pager', labels:{alertname:'X'}, fingerprints:['a']}]}])
 *   → Map {'eu\0a' → {key:'pager:{alertname="X"}', receiver:'pager', labels:{alertname:'X'}}}
 */
export function routeIndex(
  clusters: Iterable<{ cluster: string; routeGroups: readonly RouteGroup[] }>,
): RouteIndex {
  const index = new Map<string, { key: string; receiver: string; labels: Record<string, string> }>();
  for (const { cluster, routeGroups } of clusters)
    for (const group of routeGroups) {
      const ref = { key: routeGroupKey(group), receiver: group.receiver, labels: group.labels };
      for (const fingerprint of group.fingerprints) {
        const member = routeMember(cluster, fingerprint);
        if (!index.has(member)) index.set(member, ref);
      }
    }
  return index;
}

/** @example {receiver:'pager', labels:{job:'db', alertname:'X'}} → 'pager:{alertname="X",job="db"}' */
function routeGroupKey({ receiver, labels }: Pick<RouteGroup, 'receiver' | 'labels'>): string {
  const matchers = Object.keys(labels)
    .sort()
    .map((name) => formatMatcher({ name, op: '=', value: labels[name] ?? '' }));
  return `${receiver}:{${matchers.join(',')}}`;
}

const UNGROUPED_KEY = '@ungrouped';
const ALL_KEY = '@all';

export type AlertGroup = {
  key: string;
  labels: Record<string, string>;
  receiver?: string;
  /** In alert order. */
  alerts: IndexedAlert[];
  /** Alerts without the label, or in no route group: listed after every other group. */
  last: boolean;
  worstRank: number;
  oldestMs: number;
  /** Its alerts by severity bucket, counted as they are added. */
  bySeverity: Record<string, number>;
};

/**
 * Splits alerts (in alert order) into groups, one alert at a time, so that a caller can feed a long
 * list in slices with the event loop free in between (grouping 10,000 alerts by a label with a value
 * per alert, such as instance, takes 50–150 ms in one go). `groups()` orders what was added: those of
 * alerts without the grouping label (`{<label>: ""}`) or in no route group ("@ungrouped") last, the
 * others by their worst severity, then their oldest alert (older first), then key. Keys are matchers
 * for label groups (`alertname="InstanceDown"`, so the UI can turn a group into a filter),
 * `receiver:{labels}` for route groups, "@all" without grouping.
 */
export function alertGrouper(
  groupBy: GroupBy,
  routes: RouteIndex,
): {
  add(alert: IndexedAlert): void;
  groups(): AlertGroup[];
  /** Every alert added, by severity bucket (keys in the order they first came). */
  bySeverity(): Record<string, number>;
} {
  const groups = new Map<string, AlertGroup>();
  const total: Record<string, number> = {};
  const grouping = groupingOf(groupBy, routes);
  return {
    add(alert) {
      // Looked up by a plain string, and the group's key and labels made only for its first alert: at
      // one group per alert (grouped by instance) this is what the pass costs.
      const id = grouping.id(alert);
      let group = groups.get(id);
      if (!group) {
        const spec = grouping.spec(alert);
        group = {
          key: spec.key,
          labels: spec.labels,
          receiver: spec.receiver,
          alerts: [],
          last: spec.last,
          worstRank: alert.order.rank,
          oldestMs: alert.order.startMs,
          bySeverity: {},
        };
        groups.set(id, group);
      }
      group.alerts.push(alert);
      // Alerts arrive worst first, so the first alert fixed worstRank; the oldest can come later.
      if (alert.order.startMs < group.oldestMs) group.oldestMs = alert.order.startMs;
      const bucket = severityBucket(alert.item.labels);
      group.bySeverity[bucket] = (group.bySeverity[bucket] ?? 0) + 1;
      total[bucket] = (total[bucket] ?? 0) + 1;
    },
    groups: () => [...groups.values()].sort(compareGroups),
    bySeverity: () => ({ ...total }),
  };
}

/**
 * All of `alerts` grouped at once (alertGrouper).
 *
 *   groupAlerts([critical db-1 (08:00), warning web (07:00), critical db-2 (08:05)], {kind:'label', name:'instance'}, …)
 *   → [instance="db-1", instance="db-2", instance="web"]
 */
export function groupAlerts(
  alerts: readonly IndexedAlert[],
  groupBy: GroupBy,
  routes: RouteIndex,
): AlertGroup[] {
  const grouper = alertGrouper(groupBy, routes);
  for (const alert of alerts) grouper.add(alert);
  return grouper.groups();
}

type GroupSpec = Pick<AlertGroup, 'key' | 'labels' | 'receiver' | 'last'>;

/** Which group an alert is in (`id`, unique per group), and that group's key and labels (`spec`). */
type Grouping = { id(alert: IndexedAlert): string; spec(alert: IndexedAlert): GroupSpec };

function groupingOf(groupBy: GroupBy, routes: RouteIndex): Grouping {
  switch (groupBy.kind) {
    case 'none':
      return { id: () => ALL_KEY, spec: () => ({ key: ALL_KEY, labels: {}, last: false }) };
    case 'route': {
      const refOf = ({ item }: IndexedAlert) => routes.get(routeMember(item.cluster, item.fingerprint));
      return {
        // Route group keys are `receiver:{…}`, so none equals "@ungrouped".
        id: (alert) => refOf(alert)?.key ?? UNGROUPED_KEY,
        spec: (alert) => {
          const ref = refOf(alert);
          return ref ? { ...ref, last: false } : { key: UNGROUPED_KEY, labels: {}, last: true };
        },
      };
    }
    case 'label': {
      const { name } = groupBy;
      const labelValue = ({ item }: IndexedAlert) => item.labels[name] ?? '';
      return {
        id: labelValue,
        spec: (alert) => {
          const value = labelValue(alert);
          return {
            key: formatMatcher({ name, op: '=', value }),
            labels: { [name]: value },
            last: value === '',
          };
        },
      };
    }
  }
}

function compareGroups(a: AlertGroup, b: AlertGroup): number {
  return (
    Number(a.last) - Number(b.last) ||
    a.worstRank - b.worstRank ||
    a.oldestMs - b.oldestMs ||
    compareStrings(a.key, b.key)
  );
}

/**
 * The summaries of the ordered groups that alerts `offset` to `offset + limit` of the flat list fall in
 * (all of them without a window), with each group's position in that list (for paging to it). Only the
 * page's groups: grouped by a label with a value per alert, the whole list would be one summary per
 * alert, sent with every page.
 *
 *   summarizeGroups([{key:'alertname="A"', alerts:[critical, warning], …}, {key:'alertname="B"', alerts:[info], …}])
 *   → [{key:'alertname="A"', count:2, bySeverity:{critical:1, warning:1}, offset:0, …},
 *      {key:'alertname="B"', count:1, bySeverity:{info:1}, offset:2, …}]
 *   summarizeGroups(same, {offset: 2, limit: 1}) → [{key:'alertname="B"', …, offset:2}]
 */
export function summarizeGroups(
  groups: readonly AlertGroup[],
  page: { offset: number; limit: number } = { offset: 0, limit: Number.POSITIVE_INFINITY },
): AlertGroupSummary[] {
  const summaries: AlertGroupSummary[] = [];
  let offset = 0;
  for (const g of groups) {
    const end = offset + g.alerts.length;
    if (offset >= page.offset + page.limit) break;
    if (end > page.offset)
      summaries.push({
        key: g.key,
        labels: g.labels,
        ...(g.receiver === undefined ? {} : { receiver: g.receiver }),
        count: g.alerts.length,
        bySeverity: { ...g.bySeverity },
        offset,
      });
    offset = end;
  }
  return summaries;
}

/**
 * Alerts `offset` to `offset + limit` of the groups laid end to end, each labelled with its group's key.
 *
 *   pageOf([{key:'g1', alerts:[a, b]}, {key:'g2', alerts:[c]}], 1, 2) → [b (groupKey 'g1'), c (groupKey 'g2')]
 */
export function pageOf(groups: readonly AlertGroup[], offset: number, limit: number): AlertItem[] {
  const page: AlertItem[] = [];
  let start = 0;
  for (const group of groups) {
    const end = start + group.alerts.length;
    if (end > offset)
      for (let i = Math.max(0, offset - start); i < group.alerts.length && page.length < limit; i++) {
        const alert = group.alerts[i];
        if (alert) page.push({ ...alert.item, groupKey: group.key });
      }
    if (page.length >= limit) break;
    start = end;
  }
  return page;
}
