import 'server-only';
import { auditSystem } from '@/lib/audit';
import { db } from '@/lib/db';
import type { PrismaClient } from '@/lib/db/client';
import type { Incident, Prisma } from '@/lib/generated/prisma/client';
import { insertIncident } from './auto-open';
import { incidentLabel } from './incident-ref';
import { statusTimes } from './incident-status';
import {
  decidePipelineCheck,
  type PipelineObservation,
  pipelineIncidentTitle,
  type UnwatchedCheck,
  unwatchedChecks,
} from './pipeline-checks';
import { recordEvent, recordEvents } from './record-event';

/**
 * Stores what the pipeline checks observed (pipeline-checks.ts) and acts on it: a check broken long
 * enough opens one pipeline incident, which the escalation runner pages like any other (it is an open,
 * unacknowledged incident under the default policy); a check working again puts `pipeline.recovered`
 * on its incident's timeline and resolves it.
 *
 * Each check is one `pipeline_checks` row, locked (`FOR UPDATE`) while it is decided, so several Vigil
 * instances sharing the database, or two evaluations at once, open one incident per broken part: the
 * second waits for the first's commit and finds the incident already there. `last_ok_at` lives in the
 * row, so a restart keeps the clock of a missing heartbeat; a paused check (its cluster unreachable)
 * moves it too, so its clock stands still during an outage that another check already pages for.
 * A row whose part left the configuration is deleted, and its open incident resolved with
 * `pipeline.unwatched`: nothing would ever observe it recover.
 */

export type PipelineEvaluation = { opened: string[]; recovered: string[]; unwatched: string[] };

const TX_OPTIONS = { maxWait: 5000, timeout: 15_000 } as const;

export async function evaluatePipeline(
  observations: readonly PipelineObservation[],
  options: { now?: Date; startedAt: Date; graceSeconds: number; client?: PrismaClient },
): Promise<PipelineEvaluation> {
  const client = options.client ?? db();
  const now = options.now ?? new Date();
  const result: PipelineEvaluation = { opened: [], recovered: [], unwatched: [] };
  const stored = await client.pipelineCheck.findMany({ select: { key: true } });
  for (const check of unwatchedChecks(
    stored.map((row) => row.key),
    observations,
  )) {
    const ref = await retireOne(client, check, now);
    if (ref) result.unwatched.push(ref);
  }
  if (observations.length === 0) return result;
  // Rows of checks seen for the first time start their clock now; existing rows keep theirs.
  await client.pipelineCheck.createMany({
    data: observations.map((o) => ({ key: o.key, firstWatchedAt: now })),
    skipDuplicates: true,
  });
  // Working (and paused) checks move their clock in one statement, without a lock: the latest time wins.
  const working = observations.filter((o) => o.ok === true || o.paused).map((o) => o.key);
  if (working.length > 0)
    await client.$executeRaw`
      UPDATE pipeline_checks SET last_ok_at = GREATEST(COALESCE(last_ok_at, ${now}), ${now}), updated_at = ${now}
      WHERE key = ANY(${working}::text[]) AND incident_id IS NULL`;
  for (const observation of observations) {
    const line = await decideOne(client, observation, now, options);
    if (line?.startsWith('opened')) result.opened.push(line.slice('opened '.length));
    if (line?.startsWith('recovered')) result.recovered.push(line.slice('recovered '.length));
  }
  return result;
}

async function decideOne(
  client: PrismaClient,
  observation: PipelineObservation,
  now: Date,
  timing: { startedAt: Date; graceSeconds: number },
): Promise<string | null> {
  return client.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { first_watched_at: Date; last_ok_at: Date | null; incident_id: string | null }[]
    >`SELECT first_watched_at, last_ok_at, incident_id FROM pipeline_checks WHERE key = ${observation.key} FOR UPDATE`;
    if (!row) return null;
    const decision = decidePipelineCheck(
      {
        firstWatchedAt: row.first_watched_at,
        lastOkAt: row.last_ok_at,
        incidentOpen: row.incident_id !== null,
      },
      observation.ok,
      now,
      { ...timing, afterSeconds: observation.afterSeconds },
    );
    if (decision === 'open') {
      const incident = await insertIncident(tx, {
        title: pipelineIncidentTitle(observation),
        severity: 'critical',
        createdById: null,
        alerts: [],
        auto: true,
        at: now,
      });
      await recordEvent(tx, {
        incidentId: incident.id,
        type: 'pipeline.broken',
        at: now,
        data: {
          check: observation.key,
          kind: observation.kind,
          subject: observation.subject,
          ...(observation.detail ? { detail: observation.detail } : {}),
          lastOkAt: row.last_ok_at?.toISOString() ?? null,
        },
      });
      await tx.pipelineCheck.update({ where: { key: observation.key }, data: { incidentId: incident.id } });
      await auditSystem(tx, 'incident.opened', incident.ref, { auto: true, pipeline: observation.key });
      console.warn(`[vigil] ${incident.ref} opened: ${pipelineIncidentTitle(observation)}`);
      return `opened ${incident.ref}`;
    }
    if (decision === 'recover' && row.incident_id) {
      const incident = await tx.incident.findUniqueOrThrow({ where: { id: row.incident_id } });
      const since = row.last_ok_at ?? row.first_watched_at;
      await recordEvent(tx, {
        incidentId: incident.id,
        type: 'pipeline.recovered',
        at: now,
        data: {
          check: observation.key,
          kind: observation.kind,
          subject: observation.subject,
          downSeconds: Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000)),
        },
      });
      await resolveByVigil(tx, incident, now);
      await tx.pipelineCheck.update({
        where: { key: observation.key },
        data: { incidentId: null, lastOkAt: now },
      });
      const ref = incidentLabel(incident.number);
      console.info(`[vigil] ${ref} resolved: ${observation.key} works again`);
      return `recovered ${ref}`;
    }
    return null;
  }, TX_OPTIONS);
}

/** Deletes the row of a check no longer configured, and resolves its open incident; its incident's ref. */
async function retireOne(client: PrismaClient, check: UnwatchedCheck, now: Date): Promise<string | null> {
  return client.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ incident_id: string | null }[]>`
      SELECT incident_id FROM pipeline_checks WHERE key = ${check.key} FOR UPDATE`;
    // Gone: another instance retired it first.
    if (!row) return null;
    await tx.pipelineCheck.delete({ where: { key: check.key } });
    if (!row.incident_id) return null;
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: row.incident_id } });
    await recordEvent(tx, {
      incidentId: incident.id,
      type: 'pipeline.unwatched',
      at: now,
      data: { check: check.key, kind: check.kind, subject: check.subject },
    });
    await resolveByVigil(tx, incident, now);
    const ref = incidentLabel(incident.number);
    console.info(`[vigil] ${ref}: stopped watching ${check.key}, which is no longer configured`);
    return ref;
  }, TX_OPTIONS);
}

/** Resolved, since the broken part is the whole incident; one a responder already resolved is left be. */
async function resolveByVigil(tx: Prisma.TransactionClient, incident: Incident, now: Date): Promise<void> {
  if (incident.status === 'resolved') return;
  await tx.incident.update({
    where: { id: incident.id },
    data: { status: 'resolved', ...statusTimes(incident, 'resolved', now) },
  });
  await recordEvents(tx, [
    {
      incidentId: incident.id,
      type: 'incident.status_changed',
      at: now,
      data: { from: incident.status, to: 'resolved' },
    },
  ]);
}
