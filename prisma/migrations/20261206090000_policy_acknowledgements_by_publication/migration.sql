-- Issue 16: a person's policies to acknowledge (the dashboard) walk the versions by publication
-- and reach each one's document through the version in force, stopping at the list's limit,
-- instead of reading and sorting every document in force (13 ms -> 2.5 ms at 2,000 policies).
CREATE INDEX "PolicyDocument_inForceVersionId_idx" ON "PolicyDocument"("inForceVersionId");
CREATE INDEX "PolicyDocumentVersion_approvedAt_idx" ON "PolicyDocumentVersion"("approvedAt");
