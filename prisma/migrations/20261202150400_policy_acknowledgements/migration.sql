-- Acknowledgements of published plan and policy versions (lib/plans).
ALTER TABLE "PolicyDocument"
  ADD COLUMN "audienceRoles" "Role"[] NOT NULL DEFAULT ARRAY['admin', 'security_lead', 'responder', 'privacy_officer', 'member']::"Role"[],
  ADD COLUMN "inForceVersionId" TEXT;
-- Documents approved before this migration: their highest approved version is in force.
UPDATE "PolicyDocument" d SET "inForceVersionId" = (
  SELECT v."id" FROM "PolicyDocumentVersion" v WHERE v."documentId" = d."id" AND v."status" = 'approved' ORDER BY v."number" DESC LIMIT 1
);

CREATE TABLE "PolicyAcknowledgement" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "PolicyAcknowledgement_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PolicyAcknowledgement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyDocumentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "PolicyAcknowledgement_versionId_userId_key" ON "PolicyAcknowledgement"("versionId", "userId");
CREATE INDEX "PolicyAcknowledgement_userId_versionId_idx" ON "PolicyAcknowledgement"("userId", "versionId");
