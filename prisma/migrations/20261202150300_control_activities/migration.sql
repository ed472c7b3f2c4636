-- Recurring control activities and their completions (lib/plans).
CREATE TYPE "ControlActivityKind" AS ENUM ('audit_log_review', 'vulnerability_scan', 'penetration_test', 'restore_test', 'tabletop_exercise', 'custom');
CREATE TYPE "ControlActivityOutcome" AS ENUM ('no_issues', 'issues_found');

CREATE TABLE "ControlActivity" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "ControlActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "frequencyDays" INTEGER NOT NULL,
    "ownerId" TEXT NOT NULL,
    "evidenceExpected" TEXT NOT NULL,
    "nextDueOn" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ControlActivity_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ControlActivity_frequency_check" CHECK ("frequencyDays" BETWEEN 1 AND 1096)
);
CREATE UNIQUE INDEX "ControlActivity_reference_key" ON "ControlActivity"("reference");
CREATE INDEX "ControlActivity_nextDueOn_id_idx" ON "ControlActivity"("nextDueOn", "id");
CREATE INDEX "ControlActivity_title_id_idx" ON "ControlActivity"("title", "id");

CREATE TABLE "ControlActivityCompletion" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "completedById" TEXT NOT NULL,
    "completedOn" DATE NOT NULL,
    "outcome" "ControlActivityOutcome" NOT NULL,
    "note" TEXT,
    "evidenceId" TEXT,
    "scenario" TEXT,
    "participants" TEXT,
    "wentWell" TEXT,
    "wentBadly" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ControlActivityCompletion_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ControlActivityCompletion_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "ControlActivity"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- Every completion carries proof: a note or an evidence item.
    CONSTRAINT "ControlActivityCompletion_proof_check" CHECK ("note" IS NOT NULL OR "evidenceId" IS NOT NULL)
);
CREATE INDEX "ControlActivityCompletion_activityId_completedOn_idx" ON "ControlActivityCompletion"("activityId", "completedOn");
