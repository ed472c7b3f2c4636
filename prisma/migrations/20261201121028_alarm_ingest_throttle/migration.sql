-- CreateTable
CREATE TABLE "AlarmIngestThrottle" (
    "ipHash" TEXT NOT NULL,
    "windowStartAt" TIMESTAMPTZ(3) NOT NULL,
    "refusals" INTEGER NOT NULL,
    "unlogged" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AlarmIngestThrottle_pkey" PRIMARY KEY ("ipHash")
);
