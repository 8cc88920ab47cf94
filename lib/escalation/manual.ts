import 'server-only';
import { audit } from '@/lib/audit';
import { type Actor, assertRole } from '@/lib/auth/actor';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { incidentLabel, parseIncidentRef } from '@/lib/incidents/incident-ref';
import { mutate } from '@/lib/incidents/mutation';
import type { EscalateBody, EscalateResult } from './api-schema';
import { type PlanLevel, planOf } from './plan';
import { recordLower, recordRaise } from './record';
import { manualTarget } from './step';

/**
 * A responder escalating an incident one level up or down, with a reason. Up notifies the new level's
 * targets through the outbox (once per level and target, ever: a level re-reached after a
 * de-escalation does not page its people twice). Down notifies nobody; the timer then measures the
 * next level's gap from this moment (see step.ts), so lowering buys the responders that level's window.
 *
 * The incident's row is locked (waiting, not skipping) so a timer escalation or an acknowledgement in
 * the same instant is serialised with this one. The levels are the incident's own policy's (its
 * route's, else the default policy).
 */
export async function escalateIncident(
  actor: Actor,
  ref: string,
  { direction: requested, reason, level }: EscalateBody,
  now: Date = new Date(),
): Promise<EscalateResult> {
  assertRole(actor, 'responder');
  const comment = reason || null;
  return mutate('the escalation', async (tx) => {
    const found = await tx.incident.findUnique({ where: parseIncidentRef(ref), select: { id: true } });
    if (!found)
      throw new NotFoundError(`There is no incident ${ref}. Check the number in the incidents list.`);
    await tx.$queryRaw`SELECT id FROM incidents WHERE id = ${found.id} FOR UPDATE`;
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: found.id } });
    const label = incidentLabel(incident.number);
    if (incident.status === 'resolved')
      throw new ConflictError(`${label} is resolved; reopen it before escalating.`);
    const plan = await planOf(tx, incident.escalationPolicyId);
    const policy = plan?.levels ?? [];
    const { direction, levels } =
      level === undefined
        ? oneStep(policy, incident.escalationLevel, requested ?? 'up')
        : toLevel(policy, incident.escalationLevel, level, label, requested);
    const target = levels.at(-1);
    if (!target)
      throw new ConflictError(
        direction === 'up'
          ? `${label} is already at the top level (L${incident.escalationLevel}) of the escalation policy.`
          : `${label} is already at the lowest level; there is nothing to de-escalate.`,
      );
    const change = { reason: 'manual' as const, comment, actorId: actor.id, at: now };
    let queued: string[] = [];
    if (direction === 'up') queued = await recordRaise(tx, incident, levels, change, plan);
    else await recordLower(tx, incident, target, change, plan);
    await audit(tx, actor, direction === 'up' ? 'incident.escalated' : 'incident.deescalated', label, {
      from: incident.escalationLevel,
      to: target.level,
      reason: comment,
      queued,
    });
    return {
      incident: {
        id: incident.id,
        number: incident.number,
        escalationLevel: target.level,
        levelName: target.name,
        lastEscalatedAt: now.toISOString(),
      },
      direction,
      from: incident.escalationLevel,
      queued,
    };
  });
}

function oneStep(policy: readonly PlanLevel[], current: number, direction: 'up' | 'down') {
  const target = manualTarget(policy, current, direction);
  return { direction, levels: target ? [target] : [] };
}

/** Straight to `level`: up through every level on the way (each notifies once), or down to it. */
function toLevel(
  policy: readonly PlanLevel[],
  current: number,
  level: number,
  label: string,
  only: 'up' | 'down' | undefined,
) {
  const sorted = [...policy].sort((a, b) => a.level - b.level);
  const wanted = sorted.find((l) => l.level === level);
  if (!wanted)
    throw new ValidationError('No such escalation level.', {
      level: `the policy has levels ${sorted.map((l) => `L${l.level}`).join(', ')}`,
    });
  if (level === current) throw new ConflictError(`${label} is already at L${level}.`);
  // A runbook's "Escalate to L2" on an incident already at L4 must not lower it.
  if (only === 'up' && level < current)
    throw new ConflictError(
      `${label} is already at L${current}, above L${level}: there is nothing to escalate.`,
    );
  if (only === 'down' && level > current)
    throw new ConflictError(`${label} is at L${current}, below L${level}: escalate to raise it.`);
  return level > current
    ? { direction: 'up' as const, levels: sorted.filter((l) => l.level > current && l.level <= level) }
    : { direction: 'down' as const, levels: [wanted] };
}
