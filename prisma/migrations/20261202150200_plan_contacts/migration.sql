-- The people the incident response plan names (lib/plans): the IMPOC and deputies, the
-- incident commander and deputies. Email and phone are stored encrypted by the application.
CREATE TYPE "PlanContactRole" AS ENUM ('impoc', 'impoc_deputy', 'incident_commander', 'deputy_commander');

CREATE TABLE "PlanContact" (
    "id" TEXT NOT NULL,
    "role" "PlanContactRole" NOT NULL,
    "name" TEXT NOT NULL,
    "emailEnc" TEXT NOT NULL,
    "phoneEnc" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "PlanContact_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PlanContact_role_sortOrder_idx" ON "PlanContact"("role", "sortOrder");
