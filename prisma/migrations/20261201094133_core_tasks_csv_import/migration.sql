-- CreateEnum
CREATE TYPE "TaskState" AS ENUM ('open', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "CsvImportStatus" AS ENUM ('previewed', 'committed', 'discarded');

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "subjectReference" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "state" "TaskState" NOT NULL DEFAULT 'open',
    "completionNote" TEXT,
    "completionEvidenceId" TEXT,
    "completedById" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskNote" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TaskNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CsvImportMapping" (
    "kind" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CsvImportMapping_pkey" PRIMARY KEY ("kind")
);

-- CreateTable
CREATE TABLE "CsvImportPreview" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "CsvImportStatus" NOT NULL DEFAULT 'previewed',
    "fileSha256" TEXT NOT NULL,
    "rows" JSONB NOT NULL,
    "problems" JSONB NOT NULL,
    "plan" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "committedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CsvImportPreview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Task_subjectType_subjectId_createdAt_idx" ON "Task"("subjectType", "subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "Task_state_dueAt_idx" ON "Task"("state", "dueAt");

-- CreateIndex
CREATE INDEX "Task_ownerId_state_dueAt_idx" ON "Task"("ownerId", "state", "dueAt");

-- CreateIndex
CREATE INDEX "TaskNote_taskId_createdAt_idx" ON "TaskNote"("taskId", "createdAt");

-- CreateIndex
CREATE INDEX "CsvImportPreview_kind_createdAt_idx" ON "CsvImportPreview"("kind", "createdAt");

-- AddForeignKey
ALTER TABLE "TaskNote" ADD CONSTRAINT "TaskNote_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
