-- The compliance map's closed incidents of a year (GS-4c) by index, not a scan of every incident.
CREATE INDEX "Incident_status_closedAt_idx" ON "Incident"("status", "closedAt");
