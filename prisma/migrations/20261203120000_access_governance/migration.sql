-- Access governance (lib/access): system sign-in settings on the asset register, accounts per
-- system, credentials (metadata only, never a secret), quarterly review campaigns with their
-- snapshot and decisions, and the access reviewer role (decides on the systems they own only).
-- CreateEnum
CREATE TYPE "AccessAccountKind" AS ENUM ('human', 'service');

-- CreateEnum
CREATE TYPE "AccessAccountStatus" AS ENUM ('active', 'revoked');

-- CreateEnum
CREATE TYPE "AccessCredentialKind" AS ENUM ('api_key', 'service_token', 'lwa_client_secret');

-- CreateEnum
CREATE TYPE "AccessCampaignStatus" AS ENUM ('open', 'signed_off');

-- CreateEnum
CREATE TYPE "AccessDecision" AS ENUM ('keep', 'revoke', 'change');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'access_reviewer';

-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "lockoutThreshold" INTEGER,
ADD COLUMN     "mfaEnforced" BOOLEAN,
ADD COLUMN     "passwordHistory" INTEGER;

-- CreateTable
CREATE TABLE "AccessAccount" (
    "id" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "identifierKey" TEXT NOT NULL,
    "kind" "AccessAccountKind" NOT NULL,
    "personId" TEXT,
    "alsoUsedByIds" TEXT[],
    "privileges" TEXT,
    "lastUsedAt" TIMESTAMPTZ(3),
    "mfa" BOOLEAN,
    "accountCreatedOn" DATE,
    "userId" TEXT,
    "status" "AccessAccountStatus" NOT NULL DEFAULT 'active',
    "flags" TEXT[],
    "revocationDueAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "revokedLate" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccessAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessCredential" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "kind" "AccessCredentialKind" NOT NULL,
    "name" TEXT NOT NULL,
    "ownerId" TEXT,
    "fingerprint" TEXT,
    "createdOn" DATE NOT NULL,
    "lastRotatedOn" DATE,
    "rotationPeriodDays" INTEGER NOT NULL,
    "nextRotationDueOn" DATE NOT NULL,
    "retiredAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccessCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessReviewCampaign" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "opensOn" DATE NOT NULL,
    "status" "AccessCampaignStatus" NOT NULL DEFAULT 'open',
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "openedById" TEXT,
    "signedOffById" TEXT,
    "signedOffAt" TIMESTAMPTZ(3),
    "signOffNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccessReviewCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessReviewSystem" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "systemName" TEXT NOT NULL,
    "reviewerPersonId" TEXT,
    "reviewerUserId" TEXT,

    CONSTRAINT "AccessReviewSystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessReviewItem" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "systemId" TEXT NOT NULL,
    "reviewerUserId" TEXT,
    "identifier" TEXT NOT NULL,
    "kind" "AccessAccountKind" NOT NULL,
    "personId" TEXT,
    "holderUserId" TEXT,
    "privileges" TEXT,
    "lastUsedAt" TIMESTAMPTZ(3),
    "mfa" BOOLEAN,
    "flags" TEXT[],
    "decision" "AccessDecision",
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "taskId" TEXT,

    CONSTRAINT "AccessReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccessAccount_userId_key" ON "AccessAccount"("userId");

-- CreateIndex
CREATE INDEX "AccessAccount_systemId_identifier_id_idx" ON "AccessAccount"("systemId", "identifier", "id");

-- CreateIndex
CREATE INDEX "AccessAccount_identifier_id_idx" ON "AccessAccount"("identifier", "id");

-- CreateIndex
CREATE INDEX "AccessAccount_lastUsedAt_id_idx" ON "AccessAccount"("lastUsedAt", "id");

-- CreateIndex
CREATE INDEX "AccessAccount_personId_idx" ON "AccessAccount"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessAccount_systemId_identifierKey_key" ON "AccessAccount"("systemId", "identifierKey");

-- CreateIndex
CREATE UNIQUE INDEX "AccessCredential_reference_key" ON "AccessCredential"("reference");

-- CreateIndex
CREATE INDEX "AccessCredential_nextRotationDueOn_id_idx" ON "AccessCredential"("nextRotationDueOn", "id");

-- CreateIndex
CREATE INDEX "AccessCredential_name_id_idx" ON "AccessCredential"("name", "id");

-- CreateIndex
CREATE INDEX "AccessCredential_systemId_idx" ON "AccessCredential"("systemId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessReviewCampaign_reference_key" ON "AccessReviewCampaign"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "AccessReviewCampaign_dueOn_key" ON "AccessReviewCampaign"("dueOn");

-- CreateIndex
CREATE INDEX "AccessReviewCampaign_status_dueOn_idx" ON "AccessReviewCampaign"("status", "dueOn");

-- CreateIndex
CREATE INDEX "AccessReviewCampaign_dueOn_id_idx" ON "AccessReviewCampaign"("dueOn", "id");

-- CreateIndex
CREATE INDEX "AccessReviewSystem_reviewerUserId_idx" ON "AccessReviewSystem"("reviewerUserId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessReviewSystem_campaignId_systemId_key" ON "AccessReviewSystem"("campaignId", "systemId");

-- CreateIndex
CREATE INDEX "AccessReviewItem_campaignId_systemId_identifier_id_idx" ON "AccessReviewItem"("campaignId", "systemId", "identifier", "id");

-- CreateIndex
CREATE INDEX "AccessReviewItem_campaignId_reviewerUserId_idx" ON "AccessReviewItem"("campaignId", "reviewerUserId");

-- CreateIndex
CREATE UNIQUE INDEX "AccessReviewItem_campaignId_accountId_key" ON "AccessReviewItem"("campaignId", "accountId");

-- AddForeignKey
ALTER TABLE "AccessAccount" ADD CONSTRAINT "AccessAccount_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessAccount" ADD CONSTRAINT "AccessAccount_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessCredential" ADD CONSTRAINT "AccessCredential_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "Asset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessCredential" ADD CONSTRAINT "AccessCredential_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReviewSystem" ADD CONSTRAINT "AccessReviewSystem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "AccessReviewCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReviewItem" ADD CONSTRAINT "AccessReviewItem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "AccessReviewCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

