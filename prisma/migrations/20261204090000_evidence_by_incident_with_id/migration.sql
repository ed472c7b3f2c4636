-- A member's visible evidence is found by incident: with the id in the index that read is an
-- index-only scan instead of a visit to every item's row.
DROP INDEX "EvidenceItem_incidentId_collectedAt_idx";

CREATE INDEX "EvidenceItem_incidentId_collectedAt_id_idx" ON "EvidenceItem"("incidentId", "collectedAt", "id");
