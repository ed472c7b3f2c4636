-- The asset inventory (lib/assets, issue 19): inventory columns on the one Asset table (location,
-- encryption at rest and in transit, verification, device protections, the CSV import key), the
-- inventory review, records of processing with the assets that store each field, retention rules
-- per data store and their purge attestations.
-- CreateEnum
CREATE TYPE "AssetAtRestAlgorithm" AS ENUM ('none', 'aes_128', 'aes_256', 'rsa_2048_plus', 'other');

-- CreateEnum
CREATE TYPE "AssetKeyManagement" AS ENUM ('kms', 'other', 'none');

-- CreateEnum
CREATE TYPE "AssetTlsVersion" AS ENUM ('none', 'tls1_0', 'tls1_1', 'tls1_2', 'tls1_3');

-- CreateEnum
CREATE TYPE "AssetDeviceOwnership" AS ENUM ('company', 'personal');

-- CreateEnum
CREATE TYPE "RetentionCategory" AS ENUM ('pii', 'non_pii_amazon');

-- CreateEnum
CREATE TYPE "RetentionBasis" AS ENUM ('policy', 'legal_requirement');

-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "antiMalwareInstalled" BOOLEAN,
ADD COLUMN     "antiMalwareTamperProof" BOOLEAN,
ADD COLUMN     "atRestAlgorithm" "AssetAtRestAlgorithm",
ADD COLUMN     "atRestKeyManagement" "AssetKeyManagement",
ADD COLUMN     "deviceOwnership" "AssetDeviceOwnership",
ADD COLUMN     "diskEncrypted" BOOLEAN,
ADD COLUMN     "inTransitMinTls" "AssetTlsVersion",
ADD COLUMN     "inventoryImportKey" TEXT,
ADD COLUMN     "inventoryLocation" TEXT,
ADD COLUMN     "inventoryVerifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "inventoryVerifiedById" TEXT,
ADD COLUMN     "personalDataFields" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "InventoryReview" (
    "id" TEXT NOT NULL,
    "reviewedOn" DATE NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "nextDueOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InventoryReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessingRecord" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "dataField" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "collection" TEXT NOT NULL,
    "processing" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "sharedWith" TEXT NOT NULL,
    "disposal" TEXT NOT NULL,
    "retentionRuleId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProcessingRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessingRecordAsset" (
    "processingRecordId" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,

    CONSTRAINT "ProcessingRecordAsset_pkey" PRIMARY KEY ("processingRecordId","assetId")
);

-- CreateTable
CREATE TABLE "RetentionRule" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "category" "RetentionCategory" NOT NULL,
    "keepDays" INTEGER NOT NULL,
    "basis" "RetentionBasis" NOT NULL,
    "legalReference" TEXT,
    "purgeEveryDays" INTEGER NOT NULL,
    "nextPurgeDueOn" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RetentionRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurgeAttestation" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "purgedOn" DATE NOT NULL,
    "recordsPurged" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "attestedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PurgeAttestation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InventoryReview_reviewedOn_id_idx" ON "InventoryReview"("reviewedOn", "id");

-- CreateIndex
CREATE INDEX "InventoryReview_nextDueOn_id_idx" ON "InventoryReview"("nextDueOn", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessingRecord_reference_key" ON "ProcessingRecord"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessingRecord_dataField_key" ON "ProcessingRecord"("dataField");

-- CreateIndex
CREATE INDEX "ProcessingRecord_retentionRuleId_idx" ON "ProcessingRecord"("retentionRuleId");

-- CreateIndex
CREATE INDEX "ProcessingRecordAsset_assetId_idx" ON "ProcessingRecordAsset"("assetId");

-- CreateIndex
CREATE UNIQUE INDEX "RetentionRule_reference_key" ON "RetentionRule"("reference");

-- CreateIndex
CREATE INDEX "RetentionRule_nextPurgeDueOn_id_idx" ON "RetentionRule"("nextPurgeDueOn", "id");

-- CreateIndex
CREATE UNIQUE INDEX "RetentionRule_assetId_category_key" ON "RetentionRule"("assetId", "category");

-- CreateIndex
CREATE INDEX "PurgeAttestation_ruleId_purgedOn_idx" ON "PurgeAttestation"("ruleId", "purgedOn");

-- CreateIndex
CREATE INDEX "PurgeAttestation_purgedOn_id_idx" ON "PurgeAttestation"("purgedOn", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_inventoryImportKey_key" ON "Asset"("inventoryImportKey");

-- CreateIndex
CREATE INDEX "Asset_inventoryLocation_id_idx" ON "Asset"("inventoryLocation", "id");

-- CreateIndex
CREATE INDEX "Asset_inventoryVerifiedAt_id_idx" ON "Asset"("inventoryVerifiedAt", "id");

-- AddForeignKey
ALTER TABLE "ProcessingRecord" ADD CONSTRAINT "ProcessingRecord_retentionRuleId_fkey" FOREIGN KEY ("retentionRuleId") REFERENCES "RetentionRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessingRecordAsset" ADD CONSTRAINT "ProcessingRecordAsset_processingRecordId_fkey" FOREIGN KEY ("processingRecordId") REFERENCES "ProcessingRecord"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessingRecordAsset" ADD CONSTRAINT "ProcessingRecordAsset_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionRule" ADD CONSTRAINT "RetentionRule_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurgeAttestation" ADD CONSTRAINT "PurgeAttestation_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "RetentionRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
