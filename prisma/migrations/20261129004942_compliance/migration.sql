-- CreateTable
CREATE TABLE "ControlAttestation" (
    "id" TEXT NOT NULL,
    "controlId" TEXT NOT NULL,
    "policyVersion" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "attestedById" TEXT NOT NULL,
    "attestedAt" TIMESTAMPTZ(3) NOT NULL,
    "nextDueAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ControlAttestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ControlOwner" (
    "controlId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT NOT NULL,

    CONSTRAINT "ControlOwner_pkey" PRIMARY KEY ("controlId")
);

-- CreateTable
CREATE TABLE "ComplianceCertificate" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "policyVersion" TEXT NOT NULL,
    "asOf" TIMESTAMPTZ(3) NOT NULL,
    "officerId" TEXT NOT NULL,
    "officerName" TEXT NOT NULL,
    "officerTitle" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "statement" JSONB NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ComplianceCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ControlAttestation_controlId_attestedAt_idx" ON "ControlAttestation"("controlId", "attestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceCertificate_reference_key" ON "ComplianceCertificate"("reference");

-- CreateIndex
CREATE INDEX "ComplianceCertificate_issuedAt_idx" ON "ComplianceCertificate"("issuedAt");
