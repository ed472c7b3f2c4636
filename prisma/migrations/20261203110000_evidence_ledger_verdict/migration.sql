-- Each evidence item keeps its custody ledger's verdict (issue 16): set when an entry is appended,
-- re-checked by the integrity sweep. Existing items start unverified (NULL): the compliance map
-- shows them as not yet verified until the sweep has checked them, never as intact.
ALTER TABLE "EvidenceItem" ADD COLUMN "ledgerIntact" BOOLEAN,
ADD COLUMN "ledgerVerifiedAt" TIMESTAMPTZ(3);

-- The compliance map counts from these indexes instead of reading every item.
CREATE INDEX "EvidenceItem_ledgerIntact_idx" ON "EvidenceItem"("ledgerIntact");
CREATE INDEX "EvidenceItem_ledgerVerifiedAt_idx" ON "EvidenceItem"("ledgerVerifiedAt");
CREATE INDEX "EvidenceItem_kind_lastVerifiedAt_idx" ON "EvidenceItem"("kind", "lastVerifiedAt");
CREATE INDEX "EvidenceItem_lastVerifiedOk_idx" ON "EvidenceItem"("lastVerifiedOk");
