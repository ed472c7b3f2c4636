-- Plans and policies (lib/plans): documents and their versions.
CREATE TYPE "PolicyDocumentKind" AS ENUM ('ir_plan', 'privacy_policy', 'other');
CREATE TYPE "PolicyVersionStatus" AS ENUM ('draft', 'approved');

CREATE TABLE "PolicyDocument" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "PolicyDocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "reviewFrequencyMonths" INTEGER NOT NULL DEFAULT 6,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "PolicyDocument_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PolicyDocument_review_frequency_check" CHECK ("reviewFrequencyMonths" BETWEEN 1 AND 24)
);
CREATE UNIQUE INDEX "PolicyDocument_reference_key" ON "PolicyDocument"("reference");
CREATE INDEX "PolicyDocument_title_id_idx" ON "PolicyDocument"("title", "id");
CREATE INDEX "PolicyDocument_createdAt_id_idx" ON "PolicyDocument"("createdAt", "id");
-- One incident response plan and one privacy policy; any number of other policies.
CREATE UNIQUE INDEX "PolicyDocument_one_per_kind" ON "PolicyDocument"("kind") WHERE "kind" <> 'other';

CREATE TABLE "PolicyDocumentVersion" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "number" INTEGER,
    "status" "PolicyVersionStatus" NOT NULL,
    "body" TEXT NOT NULL,
    "changeSummary" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "contributorIds" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMPTZ(3),
    CONSTRAINT "PolicyDocumentVersion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PolicyDocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- A draft has no number and no approver; an approved version has all three, and its approver wrote none of it.
    CONSTRAINT "PolicyDocumentVersion_state_check" CHECK (
      ("status" = 'draft' AND "number" IS NULL AND "approvedById" IS NULL AND "approvedAt" IS NULL)
      OR ("status" = 'approved' AND "number" IS NOT NULL AND "approvedById" IS NOT NULL AND "approvedAt" IS NOT NULL AND NOT ("approvedById" = ANY ("contributorIds")))
    )
);
CREATE UNIQUE INDEX "PolicyDocumentVersion_documentId_number_key" ON "PolicyDocumentVersion"("documentId", "number");
CREATE INDEX "PolicyDocumentVersion_documentId_createdAt_idx" ON "PolicyDocumentVersion"("documentId", "createdAt");
-- At most one draft per document.
CREATE UNIQUE INDEX "PolicyDocumentVersion_one_draft" ON "PolicyDocumentVersion"("documentId") WHERE "status" = 'draft';
