-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('digital', 'physical');

-- CreateEnum
CREATE TYPE "EvidenceStatus" AS ENUM ('active', 'sealed', 'released', 'destroyed');

-- CreateEnum
CREATE TYPE "CustodyTransferStatus" AS ENUM ('pending', 'accepted', 'declined', 'cancelled');

-- CreateTable
CREATE TABLE "EvidenceItem" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "description" TEXT NOT NULL,
    "collectedById" TEXT NOT NULL,
    "collectedAt" TIMESTAMPTZ(3) NOT NULL,
    "collectionMethod" TEXT NOT NULL,
    "sourceSystem" TEXT,
    "custodianId" TEXT NOT NULL,
    "storageLocation" TEXT NOT NULL,
    "status" "EvidenceStatus" NOT NULL DEFAULT 'active',
    "legalHold" BOOLEAN NOT NULL DEFAULT false,
    "sealNumber" TEXT,
    "make" TEXT,
    "model" TEXT,
    "serialNumber" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" BIGINT,
    "sha256" TEXT,
    "storageName" TEXT,
    "wrappedKey" TEXT,
    "lastVerifiedAt" TIMESTAMPTZ(3),
    "lastVerifiedOk" BOOLEAN,
    "custodySequence" INTEGER NOT NULL DEFAULT 0,
    "custodyHeadHash" TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvidenceItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustodyEntry" (
    "id" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorTimeZone" TEXT NOT NULL,
    "location" TEXT,
    "purpose" TEXT,
    "fromCustodianId" TEXT,
    "toCustodianId" TEXT,
    "sha256" TEXT,
    "details" JSONB NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "CustodyEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustodyTransfer" (
    "id" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "fromUserId" TEXT NOT NULL,
    "toUserId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "status" "CustodyTransferStatus" NOT NULL DEFAULT 'pending',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "respondedAt" TIMESTAMPTZ(3),
    "responseNote" TEXT,

    CONSTRAINT "CustodyTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceItem_label_key" ON "EvidenceItem"("label");

-- CreateIndex
CREATE INDEX "EvidenceItem_incidentId_collectedAt_idx" ON "EvidenceItem"("incidentId", "collectedAt");

-- CreateIndex
CREATE INDEX "EvidenceItem_collectedAt_id_idx" ON "EvidenceItem"("collectedAt", "id");

-- CreateIndex
CREATE INDEX "EvidenceItem_label_idx" ON "EvidenceItem"("label");

-- CreateIndex
CREATE INDEX "EvidenceItem_status_id_idx" ON "EvidenceItem"("status", "id");

-- CreateIndex
CREATE INDEX "EvidenceItem_custodianId_idx" ON "EvidenceItem"("custodianId");

-- CreateIndex
CREATE INDEX "EvidenceItem_lastVerifiedAt_idx" ON "EvidenceItem"("lastVerifiedAt");

-- CreateIndex
CREATE INDEX "CustodyEntry_occurredAt_idx" ON "CustodyEntry"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "CustodyEntry_evidenceId_sequence_key" ON "CustodyEntry"("evidenceId", "sequence");

-- CreateIndex
CREATE INDEX "CustodyTransfer_toUserId_status_idx" ON "CustodyTransfer"("toUserId", "status");

-- CreateIndex
CREATE INDEX "CustodyTransfer_status_requestedAt_idx" ON "CustodyTransfer"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "CustodyTransfer_evidenceId_requestedAt_idx" ON "CustodyTransfer"("evidenceId", "requestedAt");

-- AddForeignKey
ALTER TABLE "EvidenceItem" ADD CONSTRAINT "EvidenceItem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustodyEntry" ADD CONSTRAINT "CustodyEntry_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustodyTransfer" ADD CONSTRAINT "CustodyTransfer_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "EvidenceItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The custody ledger is append-only: no role, not even Vigil's own, may change or remove an entry.
CREATE OR REPLACE FUNCTION vigil_custody_entry_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'CustodyEntry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER custody_entry_no_update BEFORE UPDATE OR DELETE ON "CustodyEntry"
  FOR EACH ROW EXECUTE FUNCTION vigil_custody_entry_append_only();
CREATE TRIGGER custody_entry_no_truncate BEFORE TRUNCATE ON "CustodyEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_custody_entry_append_only();
