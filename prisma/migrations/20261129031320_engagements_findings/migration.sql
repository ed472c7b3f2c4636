-- ComplianceCertificate was never written before this migration (no screen issued certificates),
-- so the new NOT NULL column needs no default.
-- CreateEnum
CREATE TYPE "FindingSeverity" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('open', 'closed');

-- AlterTable
ALTER TABLE "ComplianceCertificate" ADD COLUMN     "pdf" BYTEA NOT NULL;

-- CreateTable
CREATE TABLE "AuditEngagement" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "auditFirm" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditEngagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEngagementAuditor" (
    "engagementId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditEngagementAuditor_pkey" PRIMARY KEY ("engagementId","userId")
);

-- CreateTable
CREATE TABLE "EvidenceGrant" (
    "id" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "grantedById" TEXT NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" TEXT,

    CONSTRAINT "EvidenceGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditFinding" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "engagementId" TEXT,
    "controlId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "severity" "FindingSeverity" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "FindingStatus" NOT NULL DEFAULT 'open',
    "closedAt" TIMESTAMPTZ(3),
    "closedById" TEXT,
    "closureNote" TEXT,
    "closureEvidence" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEngagement_reference_key" ON "AuditEngagement"("reference");

-- CreateIndex
CREATE INDEX "AuditEngagement_startsAt_id_idx" ON "AuditEngagement"("startsAt", "id");

-- CreateIndex
CREATE INDEX "AuditEngagement_endsAt_id_idx" ON "AuditEngagement"("endsAt", "id");

-- CreateIndex
CREATE INDEX "AuditEngagement_createdAt_id_idx" ON "AuditEngagement"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEngagementAuditor_userId_idx" ON "AuditEngagementAuditor"("userId");

-- CreateIndex
CREATE INDEX "EvidenceGrant_evidenceId_idx" ON "EvidenceGrant"("evidenceId");

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceGrant_engagementId_evidenceId_key" ON "EvidenceGrant"("engagementId", "evidenceId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditFinding_reference_key" ON "AuditFinding"("reference");

-- CreateIndex
CREATE INDEX "AuditFinding_status_dueDate_idx" ON "AuditFinding"("status", "dueDate");

-- CreateIndex
CREATE INDEX "AuditFinding_dueDate_id_idx" ON "AuditFinding"("dueDate", "id");

-- CreateIndex
CREATE INDEX "AuditFinding_createdAt_id_idx" ON "AuditFinding"("createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditFinding_severity_id_idx" ON "AuditFinding"("severity", "id");

-- CreateIndex
CREATE INDEX "AuditFinding_controlId_idx" ON "AuditFinding"("controlId");

-- CreateIndex
CREATE INDEX "AuditFinding_engagementId_idx" ON "AuditFinding"("engagementId");

-- CreateIndex
CREATE INDEX "AuditFinding_ownerId_idx" ON "AuditFinding"("ownerId");

-- AddForeignKey
ALTER TABLE "AuditEngagementAuditor" ADD CONSTRAINT "AuditEngagementAuditor_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "AuditEngagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceGrant" ADD CONSTRAINT "EvidenceGrant_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "AuditEngagement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditFinding" ADD CONSTRAINT "AuditFinding_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "AuditEngagement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Issued certificates are kept as issued: no row changes or disappears.
CREATE FUNCTION vigil_certificate_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'compliance certificates are kept as issued (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "ComplianceCertificate_append_only_rows" BEFORE UPDATE OR DELETE ON "ComplianceCertificate"
  FOR EACH ROW EXECUTE FUNCTION vigil_certificate_refuse_change();
CREATE TRIGGER "ComplianceCertificate_append_only_truncate" BEFORE TRUNCATE ON "ComplianceCertificate"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_certificate_refuse_change();
