-- The evidence integrity sweep records each run (its plan and what it achieved); the one
-- unfinished run is the lease that keeps the sweep to a single reader across processes.
CREATE TABLE "EvidenceIntegrityRun" (
    "id" TEXT NOT NULL,
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

-- Only one run may be unfinished at a time: the sweep's lease.
CREATE UNIQUE INDEX "EvidenceIntegrityRun_one_unfinished" ON "EvidenceIntegrityRun" ((true)) WHERE "finishedAt" IS NULL;
