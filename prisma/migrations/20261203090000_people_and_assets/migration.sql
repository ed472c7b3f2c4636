-- The people register and the one asset register (lib/access, lib/assets). Systems in scope are
-- the first kind of asset; the asset inventory adds its other kinds to the same table.
CREATE TYPE "PersonKind" AS ENUM ('employee', 'contractor');
CREATE TYPE "AssetKind" AS ENUM ('system', 'software', 'cloud_service', 'data_store', 'device', 'network_control');

CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    -- Work email, encrypted at rest (lib/crypto/field-encryption.ts); never shown to auditors.
    "emailEnc" TEXT,
    "kind" "PersonKind" NOT NULL,
    "jobTitle" TEXT,
    "managerId" TEXT,
    -- The person's Vigil account, if any.
    "userId" TEXT,
    "startsOn" DATE,
    "endsOn" DATE,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Person_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Person_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Person_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Person_dates_check" CHECK ("endsOn" IS NULL OR "startsOn" IS NULL OR "endsOn" >= "startsOn")
);
CREATE UNIQUE INDEX "Person_reference_key" ON "Person"("reference");
CREATE UNIQUE INDEX "Person_userId_key" ON "Person"("userId");
CREATE INDEX "Person_displayName_id_idx" ON "Person"("displayName", "id");
CREATE INDEX "Person_endsOn_id_idx" ON "Person"("endsOn", "id");
CREATE INDEX "Person_managerId_idx" ON "Person"("managerId");

CREATE TABLE "Asset" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "AssetKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    -- Who answers for it (a person of the register); for systems, the access reviewer.
    "ownerId" TEXT,
    "holdsAmazonInfo" BOOLEAN NOT NULL DEFAULT false,
    "holdsPersonalData" BOOLEAN NOT NULL DEFAULT false,
    -- Vigil itself: one built-in system whose accounts come from Vigil's users.
    "builtIn" TEXT,
    "retiredAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "Asset_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Asset_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Asset_reference_key" ON "Asset"("reference");
CREATE UNIQUE INDEX "Asset_builtIn_key" ON "Asset"("builtIn");
CREATE INDEX "Asset_kind_name_id_idx" ON "Asset"("kind", "name", "id");
CREATE INDEX "Asset_name_id_idx" ON "Asset"("name", "id");
CREATE INDEX "Asset_ownerId_idx" ON "Asset"("ownerId");
