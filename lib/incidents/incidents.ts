import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { latestAcknowledgement } from './acknowledgement';
import { claimAlerts, firingAlerts } from './alert-claims';
import { alertRunbooks } from './alert-runbooks';
import { incidentSeverity, incidentTitle, insertIncident, type LinkedAlertInput } from './auto-open';
import { escalationOnStatusChange } from './escalation-arming';
import { averages, mttaSeconds, mttrSeconds } from './incident-metrics';
import { incidentLabel, parseIncidentRef } from './incident-ref';
import type {
  AcknowledgeIncidentBody,
  CreateIncidentBody,
  IncidentDetail,
  IncidentList,
  IncidentListQuery,
  IncidentStatus,
  IncidentSummary,
  PageDelivery,
  UpdateIncidentBody,
} from './incident-schemas';
import { highestSeverity, statusTimes } from './incident-status';
import { mutate, type Tx } from './mutation';
import { incidentEscalation } from './next-escalation';
import { recordEvent, recordEvents } from './record-event';
import { timelineSentence } from './timeline';
import type { ActionVia, TimelineData, TimelineEvent } from './timeline-events';

/**
 * Incidents: opened from alerts (by a responder, or automatically, auto-open.ts), moved through
 * open → acknowledged → mitigated → resolved with the time of each step, with a commander. Every change
 * writes a timeline event and an audit row in one transaction; viewers read, responders write.
 */

type Labels = Record<string, string>;
type Person = { id: string; name: string | null; email: string } | null;

const personName = (p: { name: string | null; email: string }) => p.name || p.email;
const person = (p: Person) => (p ? { id: p.id, name: personName(p) } : null);

const summarySelect = {
  id: true,
  number: true,
  title: true,
  severity: true,
  status: true,
  escalationLevel: true,
  openedAt: true,
  acknowledgedAt: true,
  mitigatedAt: true,
  resolvedAt: true,
  commander: { select: { id: true, name: true, email: true } },
  _count: { select: { alerts: true } },
} satisfies Prisma.IncidentSelect;

type SummaryRow = Prisma.IncidentGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): IncidentSummary {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    number: row.number,
    ref: incidentLabel(row.number),
    title: row.title,
    severity: row.severity,
    status: row.status,
    commander: person(row.commander),
    escalationLevel: row.escalationLevel,
    openedAt: row.openedAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    mitigatedAt: iso(row.mitigatedAt),
    resolvedAt: iso(row.resolvedAt),
    alertCount: row._count.alerts,
    mttaSeconds: mttaSeconds(row),
    mttrSeconds: mttrSeconds(row),
  };
}

/** `GET /api/v1/incidents?status=&severity=&q=&limit=`: newest first, with MTTA/MTTR averages. */
export async function listIncidents(actor: Actor, q: IncidentListQuery): Promise<IncidentList> {
  assertRole(actor, 'viewer');
  const text = q.q ? parseIncidentRef(q.q) : undefined;
  const rows = await db().incident.findMany({
    where: {
      ...(q.status === 'all'
        ? {}
        : q.status === 'active'
          ? { status: { not: 'resolved' } }
          : { status: q.status }),
      // Typed by hand in the list's filter: "Critical" means the severity "critical".
      ...(q.severity ? { severity: { equals: q.severity, mode: 'insensitive' as const } } : {}),
      ...(q.q
        ? {
            OR: [
              { title: { contains: q.q, mode: 'insensitive' as const } },
              ...(text && 'number' in text ? [{ number: text.number }] : []),
            ],
          }
        : {}),
    },
    orderBy: { openedAt: 'desc' },
    take: q.limit,
    select: summarySelect,
  });
  const incidents = rows.map(toSummary);
  return { incidents, averages: averages(rows) };
}

/** The incident with its alerts, notes and timeline (every event, oldest first). NotFoundError if none. */
export async function getIncident(actor: Actor, ref: string): Promise<IncidentDetail> {
  assertRole(actor, 'viewer');
  const row = await db().incident.findUnique({
    where: parseIncidentRef(ref),
    select: {
      ...summarySelect,
      nextEscalationAt: true,
      escalationPolicyId: true,
      route: { select: { id: true, name: true, isDefault: true } },
      team: { select: { id: true, slug: true, name: true } },
      createdBy: { select: { id: true, name: true, email: true } },
      alerts: { orderBy: { addedAt: 'asc' } },
      notes: {
        orderBy: { createdAt: 'asc' },
        include: { author: { select: { id: true, name: true, email: true } } },
      },
      timeline: {
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        include: { actor: { select: { name: true, email: true } } },
      },
      notifications: {
        where: { userId: { not: null } },
        orderBy: { createdAt: 'desc' },
        take: 200,
        include: { user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
  if (!row) throw new NotFoundError(`There is no incident ${ref}.`);
  const runbooks = await alertRunbooks(
    row.alerts.map((a) => ({ fingerprint: a.fingerprint, labels: a.labels as Labels })),
    incidentLabel(row.number),
  );
  const alerts = row.alerts.map((a, i) => ({
    cluster: a.cluster,
    fingerprint: a.fingerprint,
    alertname: a.alertname,
    labels: a.labels as Labels,
    startsAt: a.startsAt.toISOString(),
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    runbook: runbooks[i] ?? null,
  }));
  return {
    ...toSummary(row),
    createdBy: person(row.createdBy),
    alerts,
    suggestResolve: row.status !== 'resolved' && alerts.length > 0 && alerts.every((a) => a.resolvedAt),
    ...(await incidentEscalation(row)),
    route: row.route,
    team: row.team,
    notes: row.notes.map((n) => ({
      id: n.id,
      body: n.body,
      author: { id: n.author.id, name: personName(n.author) },
      createdAt: n.createdAt.toISOString(),
      editedAt: n.editedAt?.toISOString() ?? null,
    })),
    timeline: row.timeline.map((e) => {
      const actorLabel = e.actor ? personName(e.actor) : null;
      const data = (e.data ?? {}) as Record<string, unknown>;
      return {
        id: e.id.toString(),
        type: e.type,
        at: e.at.toISOString(),
        actor: actorLabel,
        sentence: timelineSentence({ type: e.type, actor: actorLabel, data }),
        data,
        starred: e.starred,
      };
    }),
    pages: row.notifications.flatMap((n) => (n.user ? [pageDelivery({ ...n, user: n.user })] : [])),
    acknowledgement: latestAcknowledgement(
      row.status,
      row.timeline.map((e) => ({
        type: e.type,
        at: e.at.toISOString(),
        by: e.actor && e.actorId ? { id: e.actorId, name: personName(e.actor) } : null,
        data: (e.data ?? {}) as Record<string, unknown>,
      })),
    ),
  };
}

const PAGE_KINDS = { escalation: 'page', followup: 'followup', reminder: 'reminder' } as const;

function pageDelivery(n: {
  id: string;
  user: { id: string; name: string | null; email: string };
  channel: string;
  kind: string;
  payload: unknown;
  status: PageDelivery['status'];
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}): PageDelivery {
  const level = (n.payload as { level?: { level?: unknown } } | null)?.level?.level;
  return {
    id: n.id,
    person: { id: n.user.id, name: personName(n.user) },
    method: n.channel,
    kind: PAGE_KINDS[n.kind as keyof typeof PAGE_KINDS] ?? 'page',
    level: typeof level === 'number' && n.kind === 'escalation' ? level : null,
    status: n.status,
    attempts: n.attempts,
    lastError: n.lastError,
    at: (n.sentAt ?? n.createdAt).toISOString(),
  };
}

/**
 * `POST /api/v1/incidents` `{title?, severity?, alerts?: [fingerprint | {fingerprint, cluster?}]}`: opens
 * an incident for alerts that fire now, or declares one without any (alerts can be linked later,
 * alert-claims.ts). The title defaults to the alert's name and instance (or the shared alert name and
 * a count), the severity to the highest of the alerts'. ConflictError when an alert already belongs to
 * an incident that is not resolved: one open incident per alert.
 */
export async function createIncident(actor: Actor, body: CreateIncidentBody): Promise<IncidentSummary> {
  assertRole(actor, 'responder');
  const alerts = await firingAlerts(body.alerts);
  const created = await mutate('the incident', async (tx) => {
    await claimAlerts(tx, alerts, 'open that incident instead');
    const incident = await insertIncident(tx, {
      title: body.title ?? defaultTitle(alerts),
      severity:
        body.severity ??
        (alerts.length > 0 ? highestSeverity(alerts.map((a) => incidentSeverity(a.labels))) : 'none'),
      createdById: actor.id,
      alerts,
      auto: false,
    });
    await audit(tx, actor, 'incident.opened', incident.ref, {
      alerts: alerts.map((a) => `${a.cluster}/${a.fingerprint}`),
    });
    return tx.incident.findUniqueOrThrow({ where: { id: incident.id }, select: summarySelect });
  });
  return toSummary(created);
}

/** One incident's summary, as the list and the mutations answer it. */
export async function incidentSummary(id: string): Promise<IncidentSummary> {
  return toSummary(await db().incident.findUniqueOrThrow({ where: { id }, select: summarySelect }));
}

function defaultTitle(alerts: readonly LinkedAlertInput[]): string {
  const [first] = alerts;
  if (!first) return 'Incident';
  if (alerts.length === 1) return incidentTitle(first.labels);
  const names = [...new Set(alerts.map((a) => a.alertname))];
  return names.length === 1
    ? `${names[0]} (${alerts.length} alerts)`
    : `${names.slice(0, 3).join(', ')}${names.length > 3 ? '…' : ''} (${alerts.length} alerts)`;
}

/** Locks the incident row for the transaction and returns it; NotFoundError if there is none. */
export async function lockIncident(tx: Tx, ref: string) {
  const found = await tx.incident.findUnique({ where: parseIncidentRef(ref), select: { id: true } });
  if (!found) throw new NotFoundError(`There is no incident ${ref}.`);
  await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${found.id} FOR UPDATE`;
  return tx.incident.findUniqueOrThrow({
    where: { id: found.id },
    include: { commander: { select: { id: true, name: true, email: true } } },
  });
}

/**
 * `PATCH /api/v1/incidents/{id}` `{status?, commander?, title?, severity?}`: each change that changes
 * something gets its timeline event (`incident.status_changed`, `incident.acknowledged` when the status
 * becomes acknowledged, `incident.commander_changed`, `incident.updated`) and one audit row.
 * `commander` is a user id or e-mail, null to clear.
 */
export async function updateIncident(
  actor: Actor,
  ref: string,
  body: UpdateIncidentBody,
): Promise<IncidentSummary> {
  assertRole(actor, 'responder');
  const row = await mutate('the incident change', async (tx) => {
    const incident = await lockIncident(tx, ref);
    const now = new Date();
    const data: Prisma.IncidentUpdateInput = {};
    const changes: Record<string, string | null> = {};
    const events: TimelineEvent[] = [];

    if (body.status !== undefined && body.status !== incident.status) {
      const arming = escalationOnStatusChange(incident, body.status, now);
      Object.assign(data, {
        status: body.status,
        ...statusTimes(incident, body.status, now),
        ...arming.data,
      });
      changes.status = body.status;
      events.push({ type: 'incident.status_changed', data: { from: incident.status, to: body.status } });
      if (arming.rearmed) events.push({ type: 'escalation.rearmed', data: arming.rearmed });
    }
    if (body.commander !== undefined) {
      const commander = body.commander === null ? null : await findUser(tx, body.commander);
      if ((commander?.id ?? null) !== incident.commanderId) {
        data.commander = commander ? { connect: { id: commander.id } } : { disconnect: true };
        changes.commander = commander?.email ?? null;
        events.push({
          type: 'incident.commander_changed',
          data: {
            from: incident.commander ? personName(incident.commander) : null,
            to: commander ? personName(commander) : null,
          },
        });
      }
    }
    const edited: Record<string, string> = {};
    if (body.title !== undefined && body.title !== incident.title) edited.title = body.title;
    if (body.severity !== undefined && body.severity !== incident.severity) edited.severity = body.severity;
    if (Object.keys(edited).length > 0) {
      Object.assign(data, edited);
      Object.assign(changes, edited);
      events.push({ type: 'incident.updated', data: edited });
    }
    if (events.length > 0) {
      await tx.incident.update({ where: { id: incident.id }, data });
      await recordEvents(
        tx,
        events.map((e) => ({ ...e, incidentId: incident.id, at: now, actorId: actor.id })),
      );
      await audit(tx, actor, 'incident.updated', incidentLabel(incident.number), changes);
    }
    return tx.incident.findUniqueOrThrow({ where: { id: incident.id }, select: summarySelect });
  });
  return toSummary(row);
}

/** The commander named by id or e-mail: an active user who may act on the incident (a responder or an admin). */
async function findUser(tx: Tx, idOrEmail: string) {
  const user = await tx.user.findFirst({
    where: { OR: [{ id: idOrEmail }, { email: { equals: idOrEmail, mode: 'insensitive' } }] },
    select: { id: true, name: true, email: true, disabledAt: true, role: true },
  });
  if (!user || user.disabledAt)
    throw new ValidationError('No such user.', {
      commander: `no active user with id or e-mail "${idOrEmail}"`,
    });
  if (!hasRole(user.role, 'responder'))
    throw new ValidationError(`${personName(user)} is a ${user.role} and cannot act on incidents.`, {
      commander: `${user.email} is a ${user.role}: choose a responder or an admin`,
    });
  return user;
}

/**
 * `POST /api/v1/incidents/{id}/acknowledge` `{reason?}`: the incident becomes acknowledged (which stops
 * its escalation). Acknowledging an incident that is acknowledged or further along changes nothing and
 * answers its current state, so a retried call or two responders at once are harmless.
 */
export async function acknowledgeIncident(
  actor: Actor,
  ref: string,
  { reason }: AcknowledgeIncidentBody,
): Promise<IncidentSummary & { changed: boolean }> {
  assertRole(actor, 'responder');
  const result = await mutate('the incident acknowledgement', async (tx) => {
    const incident = await lockIncident(tx, ref);
    const changed = await acknowledgeLockedIncident(tx, actor, incident, { reason: reason || null });
    const row = await tx.incident.findUniqueOrThrow({ where: { id: incident.id }, select: summarySelect });
    return { row, changed };
  });
  return { ...toSummary(result.row), changed: result.changed };
}

/**
 * For lib/actions: acknowledging from a signed link or a chat button, the console's path with `via`
 * on the timeline. `expected` is the status the link was issued for: once the incident has moved on
 * (acknowledged by this very link, by someone else, or resolved), nothing happens and ConflictError
 * says so, which is what makes a link act at most once. Checked under the row lock, so two presses at
 * once acknowledge once.
 */
export async function acknowledgeIncidentFromLink(
  actor: Actor,
  incidentId: string,
  expected: IncidentStatus,
  data: Extract<TimelineData<'incident.acknowledged'>, { via: ActionVia }>,
): Promise<IncidentSummary> {
  assertRole(actor, 'responder');
  const row = await mutate('the incident acknowledgement', async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    if (incident.status !== expected || !(await acknowledgeLockedIncident(tx, actor, incident, data)))
      throw new ConflictError(
        `${incidentLabel(incident.number)} has been ${incident.status === 'open' ? 'reopened' : incident.status} since this link was sent, so it no longer acts; open the incident in the console.`,
        { id: incident.id, ref: incidentLabel(incident.number) },
      );
    return tx.incident.findUniqueOrThrow({ where: { id: incident.id }, select: summarySelect });
  });
  return toSummary(row);
}

async function acknowledgeLockedIncident(
  tx: Tx,
  actor: Actor,
  incident: { id: string; number: number; status: IncidentStatus; acknowledgedAt: Date | null },
  data: TimelineData<'incident.acknowledged'>,
): Promise<boolean> {
  if (incident.status !== 'open') return false;
  const now = new Date();
  await tx.incident.update({
    where: { id: incident.id },
    data: { status: 'acknowledged', acknowledgedAt: incident.acknowledgedAt ?? now, nextEscalationAt: null },
  });
  await recordEvent(tx, {
    incidentId: incident.id,
    type: 'incident.acknowledged',
    at: now,
    actorId: actor.id,
    data,
  });
  await audit(tx, actor, 'incident.acknowledged', incidentLabel(incident.number), data);
  return true;
}

/**
 * For lib/incidents/acks.ts: acknowledging an alert linked to an open incident acknowledges the incident
 * too, in the caller's transaction. Does nothing when the incident is past `open`.
 */
export async function acknowledgeIncidentForAlert(
  tx: Tx,
  actor: Actor,
  incidentId: string,
  alert: { fingerprint: string; alertname: string; instance?: string },
): Promise<boolean> {
  await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${incidentId} FOR UPDATE`;
  const incident = await tx.incident.findUnique({ where: { id: incidentId } });
  if (!incident) return false;
  return acknowledgeLockedIncident(tx, actor, incident, {
    via: 'alert',
    fingerprint: alert.fingerprint,
    alertname: alert.alertname,
    instance: alert.instance ?? null,
  });
}

/** The incident's id and number for a ref, or NotFoundError; for routes nested under an incident. */
export async function incidentRef(
  actor: Actor,
  ref: string,
): Promise<{ id: string; number: number; ref: string }> {
  assertRole(actor, 'viewer');
  const row = await db().incident.findUnique({
    where: parseIncidentRef(ref),
    select: { id: true, number: true },
  });
  if (!row) throw new NotFoundError(`There is no incident ${ref}.`);
  return { ...row, ref: incidentLabel(row.number) };
}
