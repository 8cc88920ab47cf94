import 'server-only';
import { auditSystem } from '@/lib/audit';
import { db } from '@/lib/db';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import { type PlanLookup, planLookupForPass } from './plan';
import { recordRaise, recordRestart } from './record';
import { escalationStep, nextDueAt } from './step';

/**
 * The timer side of escalation, run every few seconds by every Vigil instance. It reads only due work:
 * each open incident stores when escalation must look at it next (`next_escalation_at`, indexed; set to
 * "now" by opening, reopening and manual changes, cleared by acknowledge/mitigate/resolve), so a pass
 * costs the same with 5 or 5,000 incidents waiting for their next level, and a new incident is never
 * queued behind incidents that are not due.
 *
 * Each due incident is handled in its own short transaction that takes it with
 * `FOR UPDATE SKIP LOCKED` (oldest due first): another instance, or an acknowledgement in progress,
 * holds a row this one then skips; an instance that gets it after another committed finds it no longer
 * due. Under the lock the step is decided again from the row under the incident's own policy (its
 * route's, else the default policy; plan.ts caches each by its `updatedAt`), the levels due are raised
 * (outbox rows for channels and people written in the same transaction), the policy started over when
 * it repeats, and the next time is stored. Nothing here waits on a send:
 * the outbox runs on its own loop (lib/notify/outbox.ts).
 */

type Tx = Prisma.TransactionClient;

export type EscalationRunOptions = {
  client?: PrismaClient;
  now?: Date;
};

/** At most this many incidents per pass; the rest are taken on the next pass, oldest due first. */
const MAX_PER_PASS = 500;
const TX_OPTIONS = { maxWait: 5000, timeout: 15_000 } as const;

/** One pass; returns the incidents this instance raised, as "INC-7 → L2". */
export async function runEscalationOnce(options: EscalationRunOptions = {}): Promise<string[]> {
  const client = options.client ?? db();
  const now = options.now ?? new Date();
  const plans = await planLookupForPass(client);
  const raised: string[] = [];
  // Each incident once per pass: one whose transaction failed waits for the next pass instead of
  // being taken again (and holding up the others).
  const seen: string[] = [];
  for (let i = 0; i < MAX_PER_PASS; i++) {
    let current: string | undefined;
    let line: string | null;
    try {
      line = await client.$transaction(async (tx) => {
        current = await lockNextDue(tx, now, seen);
        if (!current) return null;
        seen.push(current);
        return escalateLocked(tx, current, plans, now);
      }, TX_OPTIONS);
    } catch (error) {
      if (!current) throw error;
      console.warn(`[vigil] escalating incident ${current} failed; retrying on the next pass:`, error);
      continue;
    }
    if (!current) break;
    if (line) raised.push(line);
  }
  return raised;
}

/** Locks the oldest due incident no other transaction holds; its id, or undefined when none is due. */
async function lockNextDue(tx: Tx, now: Date, seen: readonly string[]): Promise<string | undefined> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM incidents
    WHERE next_escalation_at <= ${now} AND NOT (id = ANY(${seen}::text[]))
    ORDER BY next_escalation_at
    LIMIT 1
    FOR UPDATE SKIP LOCKED`;
  return row?.id;
}

async function escalateLocked(tx: Tx, id: string, plans: PlanLookup, now: Date): Promise<string | null> {
  const incident = await tx.incident.findUniqueOrThrow({ where: { id } });
  const policy = await plans(tx, incident.escalationPolicyId);
  if (!policy) {
    // No policy at all (none configured yet): nothing to escalate until one is attached.
    await tx.incident.update({ where: { id }, data: { nextEscalationAt: null } });
    return null;
  }
  const step = escalationStep(policy, incident, now);
  let line: string | null = null;
  let state = incident;
  if (step.restarted) {
    await recordRestart(tx, incident, step.cycle, policy.repeat, now);
    state = { ...incident, escalationLevel: 0, escalationCycle: step.cycle, lastEscalatedAt: now };
    line = `${incidentLabel(incident.number)} → cycle ${step.cycle}`;
  }
  if (step.raised.length > 0) {
    const queued = await recordRaise(
      tx,
      state,
      step.raised,
      { reason: 'timer', comment: null, actorId: null, at: now },
      policy,
    );
    await auditSystem(tx, 'incident.escalated', incidentLabel(incident.number), {
      from: state.escalationLevel,
      to: step.level,
      reason: 'timer',
      queued,
    });
    console.info(
      `[vigil] ${incidentLabel(incident.number)} escalated to L${step.level} (not acknowledged in time)`,
    );
    return `${incidentLabel(incident.number)} → L${step.level}${step.restarted ? ` (cycle ${step.cycle})` : ''}`;
  }
  // Nothing raised (not due yet, or only restarted): re-timed here; recordRaise re-times what it raises.
  // Null at the top level or once the incident stopped escalating: it leaves the due index.
  await tx.incident.update({ where: { id }, data: { nextEscalationAt: nextDueAt(policy, state) } });
  return line;
}
