import { formatMatcher } from '@/lib/alertmanager/matchers';
import { ValidationError } from '@/lib/errors';
import type { RouteGroup } from '@/lib/snapshots/sources';
import { countBySeverity } from './alert-counts';
import { compareStrings, type IndexedAlert } from './alert-items';
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
};

/**
 * Splits alerts (in alert order) into groups and orders the groups: those of alerts without the
 * grouping label (`{<label>: ""}`) or in no route group ("@ungrouped") last, the others by their worst
 * severity, then their oldest alert (older first), then key. Keys are matchers for label groups
 * (`alertname="InstanceDown"`, so the UI can turn a group into a filter), `receiver:{labels}` for route
 * groups, "@all" without grouping.
 *
 *   groupAlerts([critical db-1 (08:00), warning web (07:00), critical db-2 (08:05)], {kind:'label', name:'instance'}, …)
 *   → [instance="db-1", instance="db-2", instance="web"]
 */
export function groupAlerts(
  alerts: readonly IndexedAlert[],
  groupBy: GroupBy,
  routes: RouteIndex,
): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  const groupOf = keyFunction(groupBy, routes);
  for (const alert of alerts) {
    const spec = groupOf(alert);
    let group = groups.get(spec.key);
    if (!group) {
      group = { ...spec, alerts: [], worstRank: alert.rank, oldestMs: alert.startMs };
      groups.set(spec.key, group);
    }
    group.alerts.push(alert);
    // Alerts arrive worst first, so the first alert fixed worstRank; the oldest can come later.
    if (alert.startMs < group.oldestMs) group.oldestMs = alert.startMs;
  }
  return [...groups.values()].sort(compareGroups);
}

type GroupSpec = Pick<AlertGroup, 'key' | 'labels' | 'receiver' | 'last'>;

function keyFunction(groupBy: GroupBy, routes: RouteIndex): (alert: IndexedAlert) => GroupSpec {
  switch (groupBy.kind) {
    case 'none': {
      const all: GroupSpec = { key: ALL_KEY, labels: {}, last: false };
      return () => all;
    }
    case 'route': {
      const ungrouped: GroupSpec = { key: UNGROUPED_KEY, labels: {}, last: true };
      const specs = new Map<string, GroupSpec>();
      return ({ item }) => {
        const ref = routes.get(routeMember(item.cluster, item.fingerprint));
        if (!ref) return ungrouped;
        let spec = specs.get(ref.key);
        if (!spec) {
          spec = { ...ref, last: false };
          specs.set(ref.key, spec);
        }
        return spec;
      };
    }
    case 'label': {
      const { name } = groupBy;
      // One spec per value: thousands of alerts share a handful of alertnames.
      const specs = new Map<string, GroupSpec>();
      return ({ item }) => {
        const value = item.labels[name] ?? '';
        let spec = specs.get(value);
        if (!spec) {
          spec = {
            key: formatMatcher({ name, op: '=', value }),
            labels: { [name]: value },
            last: value === '',
          };
          specs.set(value, spec);
        }
        return spec;
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
 * The summaries of ordered groups, with each group's position in the flat list (for paging to it).
 *
 *   summarizeGroups([{key:'alertname="A"', alerts:[critical, warning], …}, {key:'alertname="B"', alerts:[info], …}])
 *   → [{key:'alertname="A"', count:2, bySeverity:{critical:1, warning:1}, offset:0, …},
 *      {key:'alertname="B"', count:1, bySeverity:{info:1}, offset:2, …}]
 */
export function summarizeGroups(groups: readonly AlertGroup[]): AlertGroupSummary[] {
  let offset = 0;
  return groups.map((g) => {
    const summary: AlertGroupSummary = {
      key: g.key,
      labels: g.labels,
      ...(g.receiver === undefined ? {} : { receiver: g.receiver }),
      count: g.alerts.length,
      bySeverity: countBySeverity(g.alerts.map((a) => a.item)),
      offset,
    };
    offset += g.alerts.length;
    return summary;
  });
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
