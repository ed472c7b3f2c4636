-- Issue 16: a responder's evidence list finds the items in their custody by this index; with the
-- id in it, from the index alone (it visited one table page per item: 260 for the bench's responder).
DROP INDEX "EvidenceItem_custodianId_idx";
CREATE INDEX "EvidenceItem_custodianId_id_idx" ON "EvidenceItem"("custodianId", "id");
