import 'server-only';
import { auditSystem } from '@/lib/audit';
import type { EscalationLevelConfig } from '@/lib/config/load';
import { db } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import { recordRaise } from './record';
import { escalationStep, sortedLevels } from './step';

/**
 * The timer side of escalation, run every few seconds by every Vigil instance. Candidates are read
 * without locks; each incident found due is then handled in its own transaction holding its row lock
 * (`FOR UPDATE SKIP LOCKED`), re-read and re-decided under the lock: an instance that finds the row
 * locked skips it, one that gets it after another instance committed finds nothing due. An
 * acknowledgement updates the same row, so it either commits first (and nothing is raised) or waits
 * for the escalation's commit.
 */

export type EscalationRunOptions = {
  policy: readonly EscalationLevelConfig[];
  client?: PrismaClient;
  now?: Date;
};

const BATCH = 200;
const TX_OPTIONS = { maxWait: 5000, timeout: 15_000 } as const;

/** One pass; returns the incidents this instance raised, as "INC-7 → L2". */
export async function runEscalationOnce(options: EscalationRunOptions): Promise<string[]> {
  const client = options.client ?? db();
  const now = options.now ?? new Date();
  const top = sortedLevels(options.policy).at(-1);
  if (!top) return [];
  const candidates = await client.incident.findMany({
    where: { status: 'open', acknowledgedAt: null, escalationLevel: { lt: top.level } },
    orderBy: { openedAt: 'asc' },
    take: BATCH,
  });
  const raised: string[] = [];
  for (const candidate of candidates) {
    if (escalationStep(options.policy, candidate, now).raised.length === 0) continue;
    try {
      const line = await stepIncident(client, candidate.id, options.policy, now);
      if (line) raised.push(line);
    } catch (error) {
      // The next pass decides again; a database hiccup only delays this incident by one interval.
      console.warn(
        `[vigil] escalating ${incidentLabel(candidate.number)} failed; retrying on the next pass:`,
        error,
      );
    }
  }
  return raised;
}

async function stepIncident(
  client: PrismaClient,
  id: string,
  policy: readonly EscalationLevelConfig[],
  now: Date,
): Promise<string | null> {
  return client.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM incidents WHERE id = ${id} FOR UPDATE SKIP LOCKED`;
    if (locked.length === 0) return null;
    const incident = await tx.incident.findUnique({ where: { id } });
    if (!incident) return null;
    const step = escalationStep(policy, incident, now);
    if (step.raised.length === 0) return null;
    const queued = await recordRaise(tx, incident, step.raised, {
      reason: 'timer',
      comment: null,
      actorId: null,
      at: now,
    });
    await auditSystem(tx, 'incident.escalated', incidentLabel(incident.number), {
      from: incident.escalationLevel,
      to: step.level,
      reason: 'timer',
      queued,
    });
    console.info(
      `[vigil] ${incidentLabel(incident.number)} escalated to L${step.level} (not acknowledged in time)`,
    );
    return `${incidentLabel(incident.number)} → L${step.level}`;
  }, TX_OPTIONS);
}
