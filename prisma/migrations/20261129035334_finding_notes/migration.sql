-- CreateTable
CREATE TABLE "AuditFindingNote" (
    "id" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditFindingNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditFindingNote_findingId_createdAt_idx" ON "AuditFindingNote"("findingId", "createdAt");
