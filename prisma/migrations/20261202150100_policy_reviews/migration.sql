-- Plan and policy reviews and the change register (lib/plans): the next review's due day is
-- kept on the document so the clock registry lists due reviews from one index.
ALTER TABLE "PolicyDocument" ADD COLUMN "reviewDueOn" DATE, ADD COLUMN "reviewDueBasis" TEXT;
CREATE INDEX "PolicyDocument_reviewDueOn_id_idx" ON "PolicyDocument"("reviewDueOn", "id");

CREATE TYPE "PolicyReviewOutcome" AS ENUM ('no_change', 'changes_made');

CREATE TABLE "PolicyReview" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewedOn" DATE NOT NULL,
    "outcome" "PolicyReviewOutcome" NOT NULL,
    "versionNumber" INTEGER,
    "notes" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "PolicyReview_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PolicyReview_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- "Changes made" names the version that carries them; "no change" names none.
    CONSTRAINT "PolicyReview_outcome_check" CHECK (("outcome" = 'changes_made') = ("versionNumber" IS NOT NULL))
);
CREATE INDEX "PolicyReview_documentId_reviewedOn_idx" ON "PolicyReview"("documentId", "reviewedOn");

CREATE TABLE "PolicyChange" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "changedOn" DATE NOT NULL,
    "major" BOOLEAN NOT NULL,
    "reviewWithinDays" INTEGER NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "PolicyChange_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PolicyChange_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PolicyChange_review_within_check" CHECK ("reviewWithinDays" BETWEEN 1 AND 180)
);
CREATE INDEX "PolicyChange_documentId_changedOn_idx" ON "PolicyChange"("documentId", "changedOn");
