-- The dashboard at 10,000 incidents without a sequential scan (issue 16, npm run bench):
-- running notice clocks by due time, and open incidents counted by severity (index-only).
CREATE INDEX "Incident_amazonNotifiedAt_notificationDueAt_id_idx" ON "Incident"("amazonNotifiedAt", "notificationDueAt", "id");
CREATE INDEX "Incident_status_severity_idx" ON "Incident"("status", "severity");
