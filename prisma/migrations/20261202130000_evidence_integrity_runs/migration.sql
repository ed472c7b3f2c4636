-- The evidence integrity sweep records each run (its plan and what it achieved); the run under
-- way holds the lease ("lease" = 'sweep', unique) that keeps the sweep to a single reader.
CREATE TABLE "EvidenceIntegrityRun" (
    "id" TEXT NOT NULL,
    "lease" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "cycleHours" INTEGER NOT NULL,
    "bytesPerSecond" INTEGER NOT NULL,
    "totalFiles" INTEGER NOT NULL,
    "totalBytes" BIGINT NOT NULL,
    "dueFiles" INTEGER NOT NULL,
    "behindFiles" INTEGER NOT NULL,
    "oldestCheckedAt" TIMESTAMPTZ(3),
    "planned" INTEGER NOT NULL,
    "checked" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "bytesRead" BIGINT NOT NULL DEFAULT 0,
    "abandoned" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "EvidenceIntegrityRun_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "EvidenceIntegrityRun_startedAt_idx" ON "EvidenceIntegrityRun"("startedAt");

CREATE UNIQUE INDEX "EvidenceIntegrityRun_lease_key" ON "EvidenceIntegrityRun"("lease");
