import 'server-only';
import { auditSystem } from '@/lib/audit';
import type { Prisma } from '@/lib/generated/prisma/client';
import { incidentLabel } from '@/lib/incidents/incident-ref';
import type { UnreachableLevel } from '@/lib/notify/outbox';
import { planOf } from './plan';
import { recordRaise } from './record';
import { manualTarget } from './step';

/**
 * Every page of a level to a person failed on every method (the outbox gave up on all of them): the
 * policy moves to its next level now instead of after that level's delay, as the people it pages are
 * the next chance anyone hears of the incident. Called by the outbox in the transaction that recorded
 * the last failure, under the incident's row lock. Nothing moves when the incident is no longer open,
 * or has left that level or round meanwhile (the timer or a responder raised it, or it was reopened);
 * at the top level the timeline's failures and the policy's repeat are what is left.
 */
export async function escalateUnreachable(
  tx: Prisma.TransactionClient,
  { incidentId, level, round, people }: UnreachableLevel,
  now: Date,
): Promise<void> {
  const incident = await tx.incident.findUniqueOrThrow({ where: { id: incidentId } });
  if (incident.status !== 'open' || incident.escalationLevel !== level || incident.escalationRound !== round)
    return;
  const plan = await planOf(tx, incident.escalationPolicyId);
  const next = plan ? manualTarget(plan.levels, level, 'up') : undefined;
  if (!plan || !next) return;
  const comment = `${people.join(', ') || 'nobody'} could not be reached`;
  const queued = await recordRaise(
    tx,
    incident,
    [next],
    { reason: 'unreachable', comment, actorId: null, at: now },
    plan,
  );
  await auditSystem(tx, 'incident.escalated', incidentLabel(incident.number), {
    from: level,
    to: next.level,
    reason: 'unreachable',
    queued,
  });
  console.info(`[vigil] ${incidentLabel(incident.number)} escalated to L${next.level}: ${comment}`);
}
