-- CreateIndex
CREATE INDEX "sign_in_attempts_created_at_idx" ON "sign_in_attempts"("created_at");

-- CreateIndex
CREATE INDEX "alert_events_received_at_idx" ON "alert_events"("received_at");

-- CreateIndex
CREATE INDEX "incidents_status_resolved_at_idx" ON "incidents"("status", "resolved_at");

-- CreateIndex
CREATE INDEX "notifications_created_at_idx" ON "notifications"("created_at");
