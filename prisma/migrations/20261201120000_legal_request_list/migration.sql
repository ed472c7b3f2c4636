-- The legal-request list sorts by requesting party in the database (reference, receivedAt and
-- notificationDueAt already have their indexes).
-- CreateIndex
CREATE INDEX "LegalRequest_requestingParty_id_idx" ON "LegalRequest"("requestingParty", "id");
