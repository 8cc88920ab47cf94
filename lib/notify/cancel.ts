/**
 * Acknowledged, mitigated or resolved incidents never escalate by timer and are never paged again: the
 * escalation step (lib/escalation/step.ts) raises no level for them, and the outbox (outbox.ts) cancels
 * the timer notifications still waiting to be sent for them. Pure.
 *
 *   escalationStopped({status: 'open', acknowledgedAt: null})     → false
 *   escalationStopped({status: 'open', acknowledgedAt: <a date>}) → true
 *   escalationStopped({status: 'mitigated', acknowledgedAt: null}) → true
 */
export function escalationStopped(incident: { status: string; acknowledgedAt: Date | null }): boolean {
  return incident.status !== 'open' || incident.acknowledgedAt !== null;
}
