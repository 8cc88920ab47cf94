-- Follow-ups (lib/escalation/follow-ups.ts) and the incident page read an incident's notifications.
CREATE INDEX "notifications_incident_id_idx" ON "notifications"("incident_id");

-- A page not sent because it no longer mattered (the incident was acknowledged first, …) is told
-- apart from one that failed for good: the incident page shows each person's delivery state.
ALTER TYPE "NotificationStatus" ADD VALUE 'cancelled';
