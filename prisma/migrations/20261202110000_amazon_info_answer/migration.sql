-- The logging form asks the policy's own question (is this a Security Incident: a breach involving
-- Amazon Information, or of a system or environment that holds it?) with three answers: yes, no,
-- not known yet ("unknown", which runs the 24-hour clock like "yes"). Existing incidents keep what
-- they had: the checkbox's ticked becomes "yes", unticked stays "no", both marked as answered
-- before the question changed. "amazonInfoInvolved" stays as "the clock applies" (yes or not known
-- yet), which the database now keeps equal to the answer.

-- CreateEnum
CREATE TYPE "AmazonInfoAnswer" AS ENUM ('yes', 'no', 'unknown');

-- CreateEnum
CREATE TYPE "IncidentClockChangeKind" AS ENUM ('stopped', 'moved_later');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "amazonInfoAnswer" "AmazonInfoAnswer",
ADD COLUMN "amazonInfoAnsweredBefore" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Incident" SET "amazonInfoAnswer" = CASE WHEN "amazonInfoInvolved" THEN 'yes'::"AmazonInfoAnswer" ELSE 'no'::"AmazonInfoAnswer" END,
  "amazonInfoAnsweredBefore" = true;

ALTER TABLE "Incident" ALTER COLUMN "amazonInfoAnswer" SET NOT NULL,
ALTER COLUMN "amazonInfoInvolved" DROP DEFAULT,
ADD CONSTRAINT "Incident_amazonInfoInvolved_follows_answer" CHECK ("amazonInfoInvolved" = ("amazonInfoAnswer" <> 'no'));

-- CreateTable
CREATE TABLE "IncidentClockChange" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" "IncidentClockChangeKind" NOT NULL,
    "fromAnswer" "AmazonInfoAnswer",
    "toAnswer" "AmazonInfoAnswer",
    "fromDetectedAt" TIMESTAMPTZ(3),
    "toDetectedAt" TIMESTAMPTZ(3),
    "fromDueAt" TIMESTAMPTZ(3),
    "toDueAt" TIMESTAMPTZ(3),
    "reason" TEXT NOT NULL,
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IncidentClockChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IncidentClockChange_changedAt_id_idx" ON "IncidentClockChange"("changedAt", "id");

-- CreateIndex
CREATE INDEX "IncidentClockChange_incidentId_changedAt_idx" ON "IncidentClockChange"("incidentId", "changedAt");

-- AddForeignKey
ALTER TABLE "IncidentClockChange" ADD CONSTRAINT "IncidentClockChange_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
