-- A notice to Amazon counts when it is given: sent through Vigil, when the mail server accepted
-- it (with the server's reply and the Message-ID as proof); until then it is "sending", and a
-- held or failed one is not a notice at all. Notices already stored as sent ("queued") are
-- re-examined against their email by the step run after the migrations
-- (lib/notices/notice-delivery-migration.ts, lib/db/data-migrations.ts).
ALTER TYPE "AmazonNoticeStatus" RENAME VALUE 'queued' TO 'sending';
ALTER TYPE "AmazonNoticeStatus" ADD VALUE 'notified';
ALTER TYPE "AmazonNoticeStatus" ADD VALUE 'held';
ALTER TYPE "AmazonNoticeStatus" ADD VALUE 'failed';
ALTER TYPE "AmazonNoticeStatus" ADD VALUE 'cancelled';
ALTER TYPE "OutboxStatus" ADD VALUE 'cancelled';

ALTER TABLE "AmazonNotice"
  ALTER COLUMN "onTime" DROP NOT NULL,
  ADD COLUMN "outboxEmailId" TEXT,
  ADD COLUMN "acceptedAt" TIMESTAMPTZ(3),
  ADD COLUMN "serverResponse" TEXT,
  ADD COLUMN "messageId" TEXT,
  ADD COLUMN "deliveryError" TEXT,
  ADD COLUMN "evidenceReference" TEXT,
  ADD COLUMN "replacedById" TEXT;

CREATE UNIQUE INDEX "AmazonNotice_outboxEmailId_key" ON "AmazonNotice"("outboxEmailId");
