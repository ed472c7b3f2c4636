-- The incident response plan's versions carry its incident types and the people it names
-- (lib/plans, issue #17): a draft lists them, approval puts them in force (and writes the types
-- to the IncidentType catalog), approved versions keep what they listed.

ALTER TABLE "PolicyDocumentVersion" ADD COLUMN "carriesPlanLists" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "PolicyVersionIncidentType" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "procedure" TEXT NOT NULL,
    "escalationPath" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "PolicyVersionIncidentType_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PolicyVersionIncidentType_versionId_sortOrder_idx" ON "PolicyVersionIncidentType"("versionId", "sortOrder");
CREATE UNIQUE INDEX "PolicyVersionIncidentType_versionId_typeId_key" ON "PolicyVersionIncidentType"("versionId", "typeId");
ALTER TABLE "PolicyVersionIncidentType" ADD CONSTRAINT "PolicyVersionIncidentType_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyDocumentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The versions that take the lists over: the plan's version in force and its open draft. Older
-- approved versions listed neither and keep carriesPlanLists = false.
UPDATE "PolicyDocumentVersion" v SET "carriesPlanLists" = true
FROM "PolicyDocument" d
WHERE v."documentId" = d."id" AND d."kind" = 'ir_plan' AND (v."id" = d."inForceVersionId" OR v."status" = 'draft');

-- The catalog moves under the plan: the types offered today (active) are the ones these versions
-- list, with the same ids, so every incident keeps its type. Retired types are listed by none.
INSERT INTO "PolicyVersionIncidentType" ("id", "versionId", "typeId", "name", "description", "procedure", "escalationPath", "sortOrder")
SELECT 'pvt_' || substr(md5(v."id" || ':' || t."id"), 1, 20), v."id", t."id", t."name", t."description", t."procedure", t."escalationPath",
       (row_number() OVER (PARTITION BY v."id" ORDER BY t."sortOrder", t."name"))::int - 1
FROM "PolicyDocumentVersion" v CROSS JOIN "IncidentType" t
WHERE v."carriesPlanLists" AND t."active";

-- Contacts belong to a version. Their ciphertexts stay bound to the id they were entered on
-- (sealedForId), so a copy on another version needs no re-encryption.
ALTER TABLE "PlanContact" ADD COLUMN "sealedForId" TEXT, ADD COLUMN "versionId" TEXT;
UPDATE "PlanContact" SET "sealedForId" = "id";
-- The contacts named today are those of the version in force (or, before any approval, of the draft).
UPDATE "PlanContact" c SET "versionId" = (
  SELECT v."id" FROM "PolicyDocumentVersion" v JOIN "PolicyDocument" d ON d."id" = v."documentId"
  WHERE d."kind" = 'ir_plan' AND v."carriesPlanLists"
  ORDER BY (v."status" = 'approved') DESC, v."number" DESC NULLS LAST LIMIT 1
);
-- An open draft beside the version in force names the same people until someone changes it.
INSERT INTO "PlanContact" ("id", "versionId", "sealedForId", "role", "name", "emailEnc", "phoneEnc", "sortOrder", "createdById", "createdAt")
SELECT 'pct_' || substr(md5(c."id" || ':' || v."id"), 1, 20), v."id", c."sealedForId", c."role", c."name", c."emailEnc", c."phoneEnc", c."sortOrder", c."createdById", c."createdAt"
FROM "PlanContact" c
JOIN "PolicyDocumentVersion" src ON src."id" = c."versionId" AND src."status" = 'approved'
JOIN "PolicyDocumentVersion" v ON v."documentId" = src."documentId" AND v."status" = 'draft';
-- Contacts named with no plan to carry them (none is possible through the screens) cannot stay
-- outside a version: there is no plan they belong to.
DELETE FROM "PlanContact" WHERE "versionId" IS NULL;
ALTER TABLE "PlanContact" ALTER COLUMN "sealedForId" SET NOT NULL, ALTER COLUMN "versionId" SET NOT NULL;

DROP INDEX "PlanContact_role_sortOrder_idx";
CREATE INDEX "PlanContact_versionId_sortOrder_idx" ON "PlanContact"("versionId", "sortOrder");
ALTER TABLE "PlanContact" ADD CONSTRAINT "PlanContact_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyDocumentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The plan and the privacy policy are looked up by kind on every incident page and list.
CREATE INDEX "PolicyDocument_kind_idx" ON "PolicyDocument"("kind");
