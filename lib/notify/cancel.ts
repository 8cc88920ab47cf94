/**
 * Only open incidents escalate by timer and are paged: acknowledged, mitigated or resolved ones never
 * are. The escalation step (lib/escalation/step.ts) raises no level for them, and the outbox (outbox.ts)
 * cancels the timer notifications still waiting to be sent for them. Pure.
 *
 * The status decides, not `acknowledgedAt`: that time is kept when an incident is reopened (MTTA stays
 * the first acknowledgement), and a reopened incident escalates again (lib/incidents/escalation-arming.ts).
 *
 *   escalationStopped({status: 'open'})         → false (also when reopened after an acknowledgement)
 *   escalationStopped({status: 'acknowledged'}) → true
 *   escalationStopped({status: 'mitigated'})    → true
 */
export function escalationStopped(incident: { status: string }): boolean {
  return incident.status !== 'open';
}
