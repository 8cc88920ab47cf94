-- Follow-ups (lib/escalation/follow-ups.ts) and the incident page read an incident's notifications.
CREATE INDEX "notifications_incident_id_idx" ON "notifications"("incident_id");
