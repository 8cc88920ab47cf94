import 'server-only';
import type { AlertEventInput } from '@/lib/alerts/alert-event';
import { auditSystem } from '@/lib/audit';
import type { Prisma } from '@/lib/generated/prisma/client';
import { loadRouter } from '@/lib/routing/load';
import { matchRoute, type RouteRule } from '@/lib/routing/match';
import { insertIncidentAlerts } from './bulk-insert';
import { incidentLabel } from './incident-ref';
import { highestSeverity } from './incident-status';
import { recordEvent, recordEvents } from './record-event';

/**
 * Incidents and the alert events that arrive (webhook and poller, alert-ingest.ts): alerts whose route
 * (lib/routing: first matching route, the default last) auto-opens open an incident with that route's
 * team and escalation policy, and the alerts linked to incidents have their firings and
 * resolutions recorded on the timeline. Runs inside the transaction that stores the events, so a failure
 * stores nothing and the webhook answers 503 (Alertmanager retries); an advisory lock per alert makes
 * retries, HA peers sending the same notification, and the poller all agree on one incident per alert.
 */

type Tx = Prisma.TransactionClient;
type Labels = Record<string, string>;

/**
 * The title of an incident opened for one alert.
 *
 *   incidentTitle({alertname: 'InstanceDown', instance: 'db-1:9100'}) → 'InstanceDown on db-1:9100'
 *   incidentTitle({alertname: 'HighLatency'}) → 'HighLatency'
 */
export function incidentTitle(labels: Labels): string {
  const name = labels.alertname || 'Alert';
  return labels.instance ? `${name} on ${labels.instance}` : name;
}

/** `labels.severity`, or "none" like the alert list. */
export const incidentSeverity = (labels: Labels) => labels.severity || 'none';

export type LinkedAlertInput = {
  cluster: string;
  fingerprint: string;
  alertname: string;
  labels: Labels;
  startsAt: Date;
};

/** What an incident opened by a route takes from it. */
type OpeningRoute = Pick<RouteRule, 'id' | 'name' | 'teamId' | 'policyId'>;

/**
 * Writes a new incident, its alerts and its `incident.opened` timeline event in `tx`. The number comes
 * from the table's sequence, so concurrent creations get distinct numbers. An incident opened by a
 * route gets that route's policy and team; any other gets the default escalation policy (synchronised
 * at start-up) when there is one.
 */
export async function insertIncident(
  tx: Tx,
  input: {
    title: string;
    severity: string;
    createdById: string | null;
    alerts: readonly LinkedAlertInput[];
    auto: boolean;
    at?: Date;
    /** The Alertmanager group it was opened for, so the group's later alerts join it. */
    groupKey?: string;
    /** The route that took its first alert. */
    route?: OpeningRoute;
  },
): Promise<{ id: string; number: number; ref: string }> {
  const at = input.at ?? new Date();
  const { route } = input;
  const policyId = route
    ? route.policyId
    : ((await tx.escalationPolicy.findFirst({ where: { isDefault: true }, select: { id: true } }))?.id ??
      null);
  const incident = await tx.incident.create({
    data: {
      title: input.title,
      severity: input.severity,
      createdById: input.createdById,
      escalationPolicyId: policyId,
      routeId: route?.id ?? null,
      teamId: route?.teamId ?? null,
      openedAt: at,
      // Escalation looks at it on its next pass (and stores when its first level is due).
      nextEscalationAt: at,
    },
    select: { id: true, number: true },
  });
  await insertIncidentAlerts(
    tx,
    input.alerts.map((a) => ({ incidentId: incident.id, ...a })),
  );
  const [first] = input.alerts;
  await recordEvent(tx, {
    incidentId: incident.id,
    type: 'incident.opened',
    at,
    actorId: input.createdById,
    data: {
      auto: input.auto,
      alerts: input.alerts.length,
      ...(input.groupKey ? { groupKey: input.groupKey } : {}),
      ...(route ? { route: route.name } : {}),
      ...(input.auto && first ? alertData(first) : {}),
    },
  });
  return { ...incident, ref: incidentLabel(incident.number) };
}

const alertData = (a: { cluster: string; fingerprint: string; alertname: string; labels: Labels }) => ({
  cluster: a.cluster,
  fingerprint: a.fingerprint,
  alertname: a.alertname,
  instance: a.labels.instance ?? null,
});

/** Holds the per-alert lock until the transaction ends, in one order so two batches cannot deadlock. */
export async function lockAlerts(tx: Tx, keys: readonly string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM (SELECT k FROM unnest(${sorted.map((k) => `incident-alert:${k}`)}::text[]) AS k ORDER BY k) AS s`;
}

export type IncidentEffects = { opened: string[]; fired: number; resolved: number };

/**
 * Applies stored alert events to incidents, idempotently (each effect checks the state it changes):
 * - with `autoOpen`, a firing alert whose route auto-opens, without an unresolved incident and without
 *   an incident for this same firing (startsAt), opens one (`incident.opened`, auto);
 * - a linked alert firing again (a later startsAt) is marked firing again: `alert.fired`;
 * - a linked alert resolving sets `IncidentAlert.resolvedAt`: `alert.resolved`.
 * Without `autoOpen` (the poller) it only records firings and resolutions.
 *
 * Alerts to open an incident for are gathered per Alertmanager notification group (`group`, the
 * webhook's groupKey) and route: a flood of 300 InstanceDown alerts is one incident with 300 alerts,
 * not 300 incidents paging 300 times; later alerts of the same group and route join that incident
 * while it is unresolved. The routes are read once per batch (one small query), not per alert.
 */
export async function applyAlertEventsToIncidents(
  tx: Tx,
  events: readonly AlertEventInput[],
  { autoOpen, group }: { autoOpen: boolean; group?: string },
): Promise<IncidentEffects> {
  const effects: IncidentEffects = { opened: [], fired: 0, resolved: 0 };
  if (events.length === 0) return effects;
  const key = (e: { cluster: string; fingerprint: string }) => `${e.cluster}/${e.fingerprint}`;
  const routeOf = await autoOpenRoutes(tx, autoOpen ? events : []);
  const candidates = new Set(routeOf.keys());
  const linkedKeys = new Set(
    (
      await linkedAlerts(
        tx,
        events.map((e) => e.fingerprint),
      )
    ).map(key),
  );
  const relevant = events.filter((e) => linkedKeys.has(key(e)) || candidates.has(e));
  if (relevant.length === 0) return effects;

  // The group's lock too: two notifications of one group at once must not open two incidents.
  await lockAlerts(tx, [...relevant.map(key), ...(group && candidates.size ? [`group:${group}`] : [])]);
  const linksByKey = new Map<string, Link[]>();
  for (const link of await linksWithStatus(
    tx,
    relevant.map((e) => e.fingerprint),
  ))
    linksByKey.set(key(link), [...(linksByKey.get(key(link)) ?? []), link]);
  // Oldest first, and a firing before the resolution of the same start, so a batch replays in order.
  const ordered = [...relevant].sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || (a.status === 'firing' ? -1 : 1),
  );
  // The replay changes the links in memory; the changed ones and the timeline are written once at the end.
  const changed = new Set<Link>();
  const timeline: Parameters<typeof recordEvents>[1][number][] = [];
  const toOpen: ToOpen[] = [];
  for (const event of ordered) {
    const startsAt = new Date(event.startsAt);
    const mine = linksByKey.get(key(event)) ?? [];
    if (event.status === 'resolved') {
      for (const link of mine) {
        if (link.resolvedAt || link.startsAt > startsAt) continue;
        const at = event.endsAt ? new Date(event.endsAt) : new Date();
        link.resolvedAt = at;
        changed.add(link);
        timeline.push({ incidentId: link.incidentId, type: 'alert.resolved', at, data: alertData(event) });
        effects.resolved++;
      }
      continue;
    }
    for (const link of mine) {
      if (link.incidentStatus === 'resolved' || link.startsAt >= startsAt) continue;
      link.startsAt = startsAt;
      link.resolvedAt = null;
      changed.add(link);
      timeline.push({
        incidentId: link.incidentId,
        type: 'alert.fired',
        at: startsAt,
        data: alertData(event),
      });
      effects.fired++;
    }
    const covered = mine.some(
      (l) => l.incidentStatus !== 'resolved' || l.startsAt.getTime() === startsAt.getTime(),
    );
    const route = routeOf.get(event);
    if (!route || covered) continue;
    toOpen.push({ event, startsAt, route });
  }
  await updateLinks(tx, [...changed]);
  await recordEvents(tx, timeline);
  const byRoute = new Map<RouteRule, ToOpen[]>();
  for (const o of toOpen) {
    const list = byRoute.get(o.route);
    if (list) list.push(o);
    else byRoute.set(o.route, [o]);
  }
  for (const [route, alerts] of byRoute)
    effects.opened.push(...(await openForGroup(tx, alerts, route, group)));
  return effects;
}

type ToOpen = { event: AlertEventInput; startsAt: Date; route: RouteRule };

/** The firing events whose route auto-opens, with that route; the routes are read only when needed. */
async function autoOpenRoutes(
  tx: Tx,
  events: readonly AlertEventInput[],
): Promise<Map<AlertEventInput, RouteRule>> {
  const routeOf = new Map<AlertEventInput, RouteRule>();
  const firing = events.filter((e) => e.status === 'firing');
  if (firing.length === 0) return routeOf;
  const router = await loadRouter(tx);
  for (const event of firing) {
    const route = matchRoute(router, event.labels)?.route;
    if (route?.autoOpen) routeOf.set(event, route);
  }
  return routeOf;
}

/** An alert's link to an incident, with the incident's status. */
type Link = {
  incidentId: string;
  cluster: string;
  fingerprint: string;
  startsAt: Date;
  resolvedAt: Date | null;
  incidentStatus: string;
};

// Raw SQL over arrays, not `findMany({where: {fingerprint: {in: […]}}})`: Prisma's query compiler puts
// every value of the list into the plan it compiles on the main thread (see bulk-insert.ts).

async function linkedAlerts(tx: Tx, fingerprints: readonly string[]) {
  return tx.$queryRaw<{ cluster: string; fingerprint: string }[]>`
    SELECT cluster, fingerprint FROM incident_alerts WHERE fingerprint = ANY(${[...new Set(fingerprints)]}::text[])`;
}

async function linksWithStatus(tx: Tx, fingerprints: readonly string[]): Promise<Link[]> {
  return tx.$queryRaw<Link[]>`
    SELECT a.incident_id AS "incidentId", a.cluster, a.fingerprint, a.starts_at AS "startsAt",
      a.resolved_at AS "resolvedAt", i.status::text AS "incidentStatus"
    FROM incident_alerts a JOIN incidents i ON i.id = a.incident_id
    WHERE a.fingerprint = ANY(${[...new Set(fingerprints)]}::text[])`;
}

async function updateLinks(tx: Tx, links: readonly Link[]): Promise<void> {
  if (links.length === 0) return;
  await tx.$executeRaw`
    UPDATE incident_alerts AS a SET starts_at = v.starts_at, resolved_at = v.resolved_at
    FROM unnest(
      ${links.map((l) => l.incidentId)}::text[],
      ${links.map((l) => l.fingerprint)}::text[],
      ${links.map((l) => l.startsAt.toISOString())}::timestamp(3)[],
      ${links.map((l) => l.resolvedAt?.toISOString() ?? null)}::timestamp(3)[]
    ) AS v(incident_id, fingerprint, starts_at, resolved_at)
    WHERE a.incident_id = v.incident_id AND a.fingerprint = v.fingerprint`;
}

/**
 * Opens one incident for these alerts of one notification group taken by one route, or adds them to
 * the group's incident of that route while it is unresolved (found by the groupKey its `incident.opened`
 * event records; an incident opened before routes existed has none and is joined too).
 */
async function openForGroup(
  tx: Tx,
  toOpen: readonly ToOpen[],
  route: RouteRule,
  group: string | undefined,
): Promise<string[]> {
  const alerts = toOpen.map(({ event, startsAt }) => ({
    cluster: event.cluster,
    fingerprint: event.fingerprint,
    alertname: event.alertname,
    labels: event.labels,
    startsAt,
  }));
  const fired = (incidentId: string) =>
    recordEvents(
      tx,
      toOpen.map(({ event, startsAt }) => ({
        incidentId,
        type: 'alert.fired' as const,
        at: startsAt,
        data: alertData(event),
      })),
    );
  const existing = group
    ? await tx.timelineEvent.findFirst({
        where: {
          type: 'incident.opened',
          data: { path: ['groupKey'], equals: group },
          incident: { status: { not: 'resolved' }, OR: [{ routeId: route.id }, { routeId: null }] },
        },
        orderBy: { at: 'desc' },
        select: { incidentId: true },
      })
    : null;
  if (existing) {
    await insertIncidentAlerts(
      tx,
      alerts.map((a) => ({ incidentId: existing.incidentId, ...a })),
    );
    await fired(existing.incidentId);
    return [];
  }
  const [first] = toOpen;
  if (!first) return [];
  const incident = await insertIncident(tx, {
    title:
      toOpen.length === 1
        ? incidentTitle(first.event.labels)
        : `${first.event.alertname || 'Alerts'}: ${toOpen.length} alerts`,
    severity: highestSeverity(toOpen.map(({ event }) => incidentSeverity(event.labels))),
    createdById: null,
    alerts,
    auto: true,
    groupKey: group,
    route,
  });
  await fired(incident.id);
  await auditSystem(tx, 'incident.opened', incident.ref, {
    auto: true,
    alerts: toOpen.length,
    ...alertData(first.event),
  });
  return [incident.id];
}
