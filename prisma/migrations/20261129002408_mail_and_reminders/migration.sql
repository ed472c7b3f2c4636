-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'held');

-- CreateEnum
CREATE TYPE "MailDeliveryOutcome" AS ENUM ('sent', 'retry', 'failed');

-- CreateEnum
CREATE TYPE "NotificationMode" AS ENUM ('immediate', 'digest');

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "toUserId" TEXT,
    "toAddressEnc" TEXT NOT NULL,
    "textBodyEnc" TEXT NOT NULL,
    "htmlBodyEnc" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "giveUpAt" TIMESTAMPTZ(3) NOT NULL,
    "leaseUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailDelivery" (
    "id" TEXT NOT NULL,
    "emailId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "attemptedAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "MailDeliveryOutcome" NOT NULL,
    "response" TEXT,
    "responseCode" INTEGER,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "MailDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SentReminder" (
    "key" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "emailIds" TEXT[],

    CONSTRAINT "SentReminder_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "mode" "NotificationMode" NOT NULL DEFAULT 'immediate',
    "digestHour" INTEGER NOT NULL DEFAULT 8,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "DigestItem" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reminderKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "linesEnc" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "digestedAt" TIMESTAMPTZ(3),
    "emailId" TEXT,

    CONSTRAINT "DigestItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodicJobRun" (
    "job" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PeriodicJobRun_pkey" PRIMARY KEY ("job","slot")
);

-- CreateIndex
CREATE INDEX "OutboxEmail_status_nextAttemptAt_idx" ON "OutboxEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_createdAt_idx" ON "OutboxEmail"("createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_createdAt_idx" ON "OutboxEmail"("status", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_subject_idx" ON "OutboxEmail"("subject");

-- CreateIndex
CREATE INDEX "OutboxEmail_attempts_idx" ON "OutboxEmail"("attempts");

-- CreateIndex
CREATE INDEX "OutboxEmail_updatedAt_idx" ON "OutboxEmail"("updatedAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_toUserId_idx" ON "OutboxEmail"("toUserId");

-- CreateIndex
CREATE INDEX "MailDelivery_attemptedAt_idx" ON "MailDelivery"("attemptedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailDelivery_emailId_attempt_key" ON "MailDelivery"("emailId", "attempt");

-- CreateIndex
CREATE INDEX "SentReminder_rule_sentAt_idx" ON "SentReminder"("rule", "sentAt");

-- CreateIndex
CREATE INDEX "DigestItem_digestedAt_userId_idx" ON "DigestItem"("digestedAt", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestItem_userId_reminderKey_key" ON "DigestItem"("userId", "reminderKey");

-- AddForeignKey
ALTER TABLE "MailDelivery" ADD CONSTRAINT "MailDelivery_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "OutboxEmail"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
