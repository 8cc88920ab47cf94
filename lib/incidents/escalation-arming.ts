import type { IncidentStatus } from './incident-schemas';

/**
 * What a status change does to the incident's escalation, pure; written in the transaction that makes
 * the change (incidents.ts), so the escalation scheduler's due index (`nextEscalationAt`) is never stale.
 *
 * - Leaving `open` (acknowledged, mitigated, resolved) stops it: nothing is due any more.
 * - Coming back to `open` (a reopening, from any later status) re-arms it from the start of the
 *   policy: level 0, a new round (so each level pages its targets once more; the outbox's dedupe key
 *   carries the round), and the level times measured from the reopening (`lastEscalatedAt`, see
 *   lib/escalation/step.ts): L1 its delay after the reopening, the next levels at their gaps. The
 *   problem came back and nobody has it, so the people who were paged before are paged again in order,
 *   rather than resuming at the level the last round reached. `rearmed` is the timeline event.
 *
 *   escalationOnStatusChange({status: 'open', …}, 'acknowledged', now) → {data: {nextEscalationAt: null}}
 *   escalationOnStatusChange({status: 'resolved', escalationLevel: 2, escalationRound: 1}, 'open', now)
 *     → {data: {escalationLevel: 0, escalationRound: 2, escalationCycle: 0, lastEscalatedAt: now,
 *        nextEscalationAt: now},
 *        rearmed: {round: 2, from: 2}}
 */

type Arming = {
  data: {
    nextEscalationAt?: Date | null;
    escalationLevel?: number;
    escalationRound?: number;
    /** A new round runs the policy from its first pass again (its repeats start over too). */
    escalationCycle?: number;
    lastEscalatedAt?: Date;
  };
  rearmed?: { round: number; from: number };
};

export function escalationOnStatusChange(
  current: { status: IncidentStatus; escalationLevel: number; escalationRound: number },
  to: IncidentStatus,
  now: Date,
): Arming {
  if (to === current.status) return { data: {} };
  if (to !== 'open') return { data: { nextEscalationAt: null } };
  const round = current.escalationRound + 1;
  return {
    data: {
      escalationLevel: 0,
      escalationRound: round,
      escalationCycle: 0,
      lastEscalatedAt: now,
      nextEscalationAt: now,
    },
    rearmed: { round, from: current.escalationLevel },
  };
}
