import 'server-only';
import { matchesLabels } from '@/lib/alertmanager/matchers';
import {
  fromSilenceMatcher,
  parseSilenceMatchers,
  SilenceMatcherError,
} from '@/lib/alertmanager/silence-matchers';
import { currentAlertIndex } from '@/lib/alerts/query';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { config } from '@/lib/config/current';
import { db } from '@/lib/db';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { expireKnownSilence } from '@/lib/incidents/cluster-peers';
import { canonicalTimeZone } from '@/lib/time-zone';
import { alertmanagerPeerTargets } from '@/lib/upstreams/targets';
import { localStartProblem, recurrenceProblem, storedOccurrences } from './occurrences';
import type { MaintenanceWindow, MaintenanceWindowInput } from './schemas';
import { timingProblems } from './timing-problems';
import { timingOf } from './window-text';

/**
 * Maintenance windows as people manage them (`/api/v1/maintenance-windows`): viewers read, responders
 * write, every change audited. The silences themselves are made by the scheduler (scheduler.ts); a
 * change to a window removes the silences of its occurrences that have not started, so the next pass
 * makes them again from the new definition (occurrences already running keep theirs).
 */

const UPCOMING = 5;
const SAMPLE = 10;

type Row = Prisma.MaintenanceWindowGetPayload<{ include: typeof include }>;
const include = {
  createdBy: { select: { name: true, email: true } },
  occurrences: { orderBy: { startsAt: 'asc' } },
} satisfies Prisma.MaintenanceWindowInclude;

/** `GET /api/v1/maintenance-windows`: every window with its next occurrences, silences and reach. */
export async function listMaintenanceWindows(actor: Actor): Promise<MaintenanceWindow[]> {
  assertRole(actor, 'viewer');
  const now = new Date();
  const rows = await db().maintenanceWindow.findMany({
    include: { ...include, occurrences: { ...include.occurrences, where: { endsAt: { gt: now } } } },
    orderBy: { name: 'asc' },
  });
  const { index } = await currentAlertIndex();
  return rows.map((row) => answer(row, now, index.alerts));
}

export async function createMaintenanceWindow(actor: Actor, typed: MaintenanceWindowInput) {
  assertRole(actor, 'responder');
  const now = new Date();
  const input = check(typed, now);
  const row = await db().$transaction(async (tx) => {
    const created = await tx.maintenanceWindow
      .create({ data: { ...columns(input), createdById: actor.id }, include })
      .catch(nameTaken(input.name));
    await audit(tx, actor, 'maintenance.created', created.name, { ...columns(input) });
    return created;
  });
  const { index } = await currentAlertIndex();
  return { window: answer(row, now, index.alerts), notExpired: [] };
}

export async function updateMaintenanceWindow(actor: Actor, id: string, typed: MaintenanceWindowInput) {
  assertRole(actor, 'responder');
  const now = new Date();
  // A PUT replaces the whole window, so the new input is the merged window and is checked whole.
  const input = check(typed, now);
  const { row, dropped } = await db().$transaction(async (tx) => {
    await lockWindow(tx, id);
    const dropped = await dropUnstarted(tx, id, now);
    const row = await tx.maintenanceWindow
      .update({ where: { id }, data: columns(input), include })
      .catch(nameTaken(input.name));
    await audit(tx, actor, 'maintenance.updated', row.name, {
      ...columns(input),
      silencesDropped: dropped.length,
    });
    return { row, dropped };
  });
  const notExpired = await expireAll(dropped);
  const { index } = await currentAlertIndex();
  return { window: answer(row, now, index.alerts), notExpired };
}

/** Deletes the window; silences of occurrences not started are expired, a running one runs its course. */
export async function deleteMaintenanceWindow(actor: Actor, id: string): Promise<{ notExpired: string[] }> {
  assertRole(actor, 'responder');
  const dropped = await db().$transaction(async (tx) => {
    const name = await lockWindow(tx, id);
    const dropped = await dropUnstarted(tx, id, new Date());
    await tx.maintenanceWindow.delete({ where: { id } });
    await audit(tx, actor, 'maintenance.deleted', name, { silencesDropped: dropped.length });
    return dropped;
  });
  return { notExpired: await expireAll(dropped) };
}

/**
 * The checks zod cannot make in the browser: matchers as Alertmanager takes them, zone, rule, clusters,
 * and then the timing as a whole (a rule that never starts, never ends, or has ended by `now`). Gives
 * the input back with its zone's canonical id ("europe/brussels" → "Europe/Brussels"), the one stored.
 */
function check(typed: MaintenanceWindowInput, now: Date): MaintenanceWindowInput {
  const fields: Record<string, string> = {};
  const zone = canonicalTimeZone(typed.timeZone);
  if (zone.problem !== undefined) fields.timeZone = zone.problem;
  const input = { ...typed, timeZone: zone.zone ?? typed.timeZone };
  try {
    parseSilenceMatchers(input.matchers);
  } catch (error) {
    if (!(error instanceof SilenceMatcherError)) throw error;
    fields.matchers = error.message;
  }
  const start = localStartProblem(input.firstStart);
  if (start) fields.firstStart = start;
  const rule = recurrenceProblem(input.rrule);
  if (rule) fields.rrule = rule;
  if (!fields.timeZone && !fields.firstStart && !fields.rrule)
    Object.assign(fields, timingProblems(input, now));
  const known = config().alertmanagers.map((c) => c.name);
  const unknown = input.clusters.filter((c) => !known.includes(c));
  if (unknown.length > 0) fields.clusters = `no cluster ${unknown.join(', ')}; use ${known.join(', ')}`;
  if (Object.keys(fields).length > 0)
    throw new ValidationError('The maintenance window is not valid.', fields);
  return input;
}

function columns(input: MaintenanceWindowInput) {
  const { paused, ...rest } = input;
  return { ...rest, pausedAt: paused ? new Date() : null };
}

const nameTaken = (name: string) => (error: unknown) => {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
    throw new ConflictError(`A maintenance window is already named "${name}"; choose another name.`);
  throw error;
};

type Tx = Prisma.TransactionClient;

async function lockWindow(tx: Tx, id: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ name: string }[]>`
    SELECT name FROM maintenance_windows WHERE id = ${id} FOR UPDATE`;
  if (!row) throw new NotFoundError(`There is no maintenance window ${id}.`);
  return row.name;
}

type Dropped = { cluster: string; silenceId: string };

/** Deletes the occurrences that have not started; their silences, to expire once committed. */
async function dropUnstarted(tx: Tx, windowId: string, now: Date): Promise<Dropped[]> {
  return tx.$queryRaw<Dropped[]>`
    DELETE FROM maintenance_occurrences
    WHERE window_id = ${windowId} AND starts_at > ${now}
    RETURNING cluster, silence_id AS "silenceId"`.then((rows) => rows.filter((r) => r.silenceId !== null));
}

/** Expires what it can; says which it could not ("prod/abc: Alertmanager … refused …"). */
async function expireAll(dropped: readonly Dropped[]): Promise<string[]> {
  const failed: string[] = [];
  for (const { cluster, silenceId } of dropped) {
    const found = config().alertmanagers.find((c) => c.name === cluster);
    try {
      if (!found) throw new Error('the cluster is no longer configured');
      await expireKnownSilence(alertmanagerPeerTargets(found), silenceId);
    } catch (error) {
      failed.push(`${cluster}/${silenceId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failed;
}

type IndexedAlerts = Awaited<ReturnType<typeof currentAlertIndex>>['index']['alerts'];

function answer(row: Row, now: Date, alerts: IndexedAlerts): MaintenanceWindow {
  const horizon = new Date(now.getTime() + 400 * 86_400_000);
  const clusters = row.clusters;
  const matchers = safeMatchers(row.matchers);
  const hits = matchers
    ? alerts.filter(
        (a) =>
          (clusters.length === 0 || clusters.includes(a.item.cluster)) &&
          matchesLabels(matchers, a.item.labels),
      )
    : [];
  return {
    id: row.id,
    name: row.name,
    matchers: row.matchers,
    firstStart: row.firstStart,
    timeZone: row.timeZone,
    durationSeconds: row.durationSeconds,
    rrule: row.rrule,
    clusters,
    comment: row.comment,
    leadSeconds: row.leadSeconds,
    paused: row.pausedAt !== null,
    createdBy: row.createdBy.name || row.createdBy.email,
    upcoming: storedOccurrences({ ...timingOf(row), name: row.name }, now, horizon)
      .slice(0, UPCOMING)
      .map((o) => ({ start: o.start.toISOString(), end: o.end.toISOString() })),
    silences: row.occurrences
      .filter((o) => o.endsAt > now)
      .map((o) => ({
        cluster: o.cluster,
        start: o.startsAt.toISOString(),
        end: o.endsAt.toISOString(),
        silenceId: o.silenceId,
        error: o.lastError,
      })),
    wouldSuppress: {
      count: hits.length,
      alerts: hits.slice(0, SAMPLE).map((a) => ({
        cluster: a.item.cluster,
        fingerprint: a.item.fingerprint,
        alertname: a.item.alertname,
      })),
    },
  };
}

/** Stored matchers were checked when written; null if a later Vigil no longer reads them. */
function safeMatchers(text: string) {
  try {
    return parseSilenceMatchers(text).map(fromSilenceMatcher);
  } catch {
    return null;
  }
}
