import { isDeepStrictEqual } from 'node:util';
import type {
  ImportResult,
  KindChanges,
  OncallDocument,
  OverrideEntry,
  PolicyEntry,
  RouteEntry,
  ScheduleEntry,
  TeamEntry,
} from './document';

/**
 * What an import changes, pure: the database's configuration as a document (`current`, as export reads
 * it) against the file's (`incoming`). Teams and schedules are matched by slug, policies and routes by
 * name (the default route by `default: true`, whatever its name). An entry is created, updated (any
 * field differs; for a route also its place in the order) or unchanged. Layers, levels, members and
 * matchers belong to their entry and are replaced with it. Overrides are only added (those of the file
 * not yet there and not ended); without `prune`, nothing absent from the file is deleted.
 *
 *   current {teams: [sre]}, incoming {teams: [sre (renamed), db]} → teams created [db], updated [sre]
 */

export type PlanOptions = {
  prune: boolean;
  /** Policies import must not change: the default one, from VIGIL_CONFIG. */
  readOnlyPolicies: ReadonlySet<string>;
  now: Date;
};

type SchedulePlan = {
  entry: ScheduleEntry;
  /** Whether the schedule itself (fields, layers) changes, beside its overrides. */
  changed: boolean;
  addOverrides: OverrideEntry[];
  removeOverrides: OverrideEntry[];
};

export type ImportPlan = {
  teams: { write: TeamEntry[]; delete: string[] };
  schedules: { create: SchedulePlan[]; update: SchedulePlan[]; delete: string[] };
  policies: { write: PolicyEntry[]; delete: string[] };
  /** Every route to write, and the final order of the non-default routes (names). */
  routes: { write: RouteEntry[]; order: string[]; delete: string[] };
  result: Omit<ImportResult, 'dryRun'>;
};

const DEFAULT_ROUTE_KEY = '\u0000default';
const routeKey = (r: RouteEntry) => (r.default ? DEFAULT_ROUTE_KEY : r.name);
const overrideKey = (o: OverrideEntry) => `${o.user.toLowerCase()}|${o.startsAt}|${o.endsAt}`;

export function planImport(
  current: OncallDocument,
  incoming: OncallDocument,
  options: PlanOptions,
): ImportPlan {
  const result: Omit<ImportResult, 'dryRun'> = {
    teams: changes(),
    schedules: changes(),
    policies: changes(),
    routes: changes(),
    skipped: [],
  };

  const teams = compare(current.teams, incoming.teams, (t) => t.slug, result.teams, options.prune);

  const schedules: ImportPlan['schedules'] = { create: [], update: [], delete: [] };
  const currentSchedules = new Map(current.schedules.map((s) => [s.slug, s]));
  for (const entry of incoming.schedules) {
    const before = currentSchedules.get(entry.slug);
    const future = entry.overrides.filter((o) => new Date(o.endsAt) > options.now);
    const had = new Set((before?.overrides ?? []).map(overrideKey));
    const listed = new Set(future.map(overrideKey));
    const plan: SchedulePlan = {
      entry: { ...entry, overrides: future },
      changed: !before || !isDeepStrictEqual(withoutOverrides(before), withoutOverrides(entry)),
      addOverrides: future.filter((o) => !had.has(overrideKey(o))),
      removeOverrides: options.prune
        ? (before?.overrides ?? []).filter((o) => !listed.has(overrideKey(o)))
        : [],
    };
    if (!before) {
      schedules.create.push(plan);
      result.schedules.created.push(entry.slug);
    } else if (plan.changed || plan.addOverrides.length > 0 || plan.removeOverrides.length > 0) {
      schedules.update.push(plan);
      result.schedules.updated.push(entry.slug);
    } else result.schedules.unchanged.push(entry.slug);
  }
  if (options.prune) {
    const listed = new Set(incoming.schedules.map((s) => s.slug));
    schedules.delete = current.schedules.map((s) => s.slug).filter((slug) => !listed.has(slug));
    result.schedules.deleted = schedules.delete;
  }

  const writable = incoming.policies.filter((p) => {
    if (!options.readOnlyPolicies.has(p.name)) return true;
    const before = current.policies.find((c) => c.name === p.name);
    if (before && isDeepStrictEqual(before, p)) result.policies.unchanged.push(p.name);
    else
      result.skipped.push({
        kind: 'policies',
        name: p.name,
        reason:
          'The default policy comes from VIGIL_CONFIG (escalation.levels) and is applied at start-up: change it there.',
      });
    return false;
  });
  const policies = compare(
    current.policies.filter((p) => !options.readOnlyPolicies.has(p.name)),
    writable,
    (p) => p.name,
    result.policies,
    options.prune,
  );

  const routes = planRoutes(current.routes, incoming.routes, options.prune, result.routes);
  return { teams, schedules, policies, routes, result };
}

function changes(): KindChanges {
  return { created: [], updated: [], unchanged: [], deleted: [] };
}

function withoutOverrides(s: ScheduleEntry): Omit<ScheduleEntry, 'overrides'> {
  const { overrides: _, ...rest } = s;
  return rest;
}

/** Entries by key: created, updated or unchanged; with prune, the current ones absent are deleted. */
function compare<T>(
  current: readonly T[],
  incoming: readonly T[],
  key: (item: T) => string,
  into: KindChanges,
  prune: boolean,
): { write: T[]; delete: string[] } {
  const before = new Map(current.map((c) => [key(c), c]));
  const write: T[] = [];
  for (const entry of incoming) {
    const old = before.get(key(entry));
    if (old === undefined) into.created.push(key(entry));
    else if (isDeepStrictEqual(old, entry)) {
      into.unchanged.push(key(entry));
      continue;
    } else into.updated.push(key(entry));
    write.push(entry);
  }
  const listed = new Set(incoming.map(key));
  const gone = prune ? current.map(key).filter((k) => !listed.has(k)) : [];
  into.deleted = gone;
  return { write, delete: gone };
}

/**
 * Routes in the file's order come first, then (without prune) the routes the file does not list, in
 * their current order; the default route is tried last whatever the order. A route whose place changes
 * is updated.
 */
function planRoutes(
  current: readonly RouteEntry[],
  incoming: readonly RouteEntry[],
  prune: boolean,
  into: KindChanges,
): ImportPlan['routes'] {
  const listed = new Set(incoming.map(routeKey));
  const currentOrder = current.filter((r) => !r.default).map((r) => r.name);
  const order = [
    ...incoming.filter((r) => !r.default).map((r) => r.name),
    ...(prune ? [] : currentOrder.filter((name) => !listed.has(name))),
  ];
  const before = new Map(current.map((r) => [routeKey(r), r]));
  const write: RouteEntry[] = [];
  for (const entry of incoming) {
    const old = before.get(routeKey(entry));
    const moved = !entry.default && currentOrder.indexOf(entry.name) !== order.indexOf(entry.name);
    if (old === undefined) into.created.push(entry.name);
    else if (isDeepStrictEqual(old, entry) && !moved) {
      into.unchanged.push(entry.name);
      continue;
    } else into.updated.push(entry.name);
    write.push(entry);
  }
  // The routes the file leaves out keep their settings, but may move down the order.
  for (const name of order) {
    if (listed.has(name) || currentOrder.indexOf(name) === order.indexOf(name)) continue;
    const old = before.get(name);
    if (old) {
      into.updated.push(name);
      write.push(old);
    }
  }
  const gone = prune ? current.filter((r) => !r.default && !listed.has(r.name)).map((r) => r.name) : [];
  into.deleted = gone;
  return { write, order, delete: gone };
}
