-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('detected', 'triaged', 'contained', 'eradicated', 'recovered', 'closed', 'false_positive');

-- CreateEnum
CREATE TYPE "IncidentSeverity" AS ENUM ('SEV1', 'SEV2', 'SEV3', 'SEV4');

-- CreateEnum
CREATE TYPE "AmazonNoticeStatus" AS ENUM ('queued', 'recorded');

-- CreateEnum
CREATE TYPE "AmazonNoticeChannel" AS ENUM ('vigil_mail', 'email', 'phone', 'portal', 'other');

-- CreateEnum
CREATE TYPE "NotificationBasis" AS ENUM ('amazon_approval', 'legal_obligation', 'none');

-- CreateTable
CREATE TABLE "IncidentType" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "procedure" TEXT NOT NULL,
    "escalationPath" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "IncidentType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentSeverityDefinition" (
    "severity" "IncidentSeverity" NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,

    CONSTRAINT "IncidentSeverityDefinition_pkey" PRIMARY KEY ("severity")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "scope" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("scope","year")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "typeId" TEXT NOT NULL,
    "severity" "IncidentSeverity" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'detected',
    "detectedAt" TIMESTAMPTZ(3) NOT NULL,
    "reportedById" TEXT NOT NULL,
    "commanderId" TEXT,
    "teamIds" TEXT[],
    "memberIds" TEXT[],
    "affectedSystems" TEXT[],
    "affectedDataCategories" TEXT[],
    "amazonInfoInvolved" BOOLEAN NOT NULL DEFAULT false,
    "piiInvolved" BOOLEAN NOT NULL DEFAULT false,
    "piiDetailsEnc" TEXT,
    "notificationDueAt" TIMESTAMPTZ(3),
    "amazonNotifiedAt" TIMESTAMPTZ(3),
    "amazonNoticeOnTime" BOOLEAN,
    "falsePositiveReason" TEXT,
    "closureDescription" TEXT,
    "rootCause" TEXT,
    "remediationActions" TEXT,
    "correctiveControls" TEXT,
    "lessonsLearned" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentTimelineEntry" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentTimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentTask" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueDate" DATE,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentComment" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AmazonNotice" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT,
    "legalRequestId" TEXT,
    "status" "AmazonNoticeStatus" NOT NULL,
    "channel" "AmazonNoticeChannel" NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "sender" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "onTime" BOOLEAN NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AmazonNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThirdPartyNotification" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "recipientKind" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "notifiedAt" TIMESTAMPTZ(3) NOT NULL,
    "basis" "NotificationBasis" NOT NULL,
    "amazonApproval" TEXT,
    "legalObligation" TEXT,
    "reasonWithoutBasis" TEXT,
    "summary" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThirdPartyNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalRequest" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "requestingParty" TEXT NOT NULL,
    "dataSought" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "notificationDueAt" TIMESTAMPTZ(3) NOT NULL,
    "amazonNotifiedAt" TIMESTAMPTZ(3),
    "amazonNoticeOnTime" BOOLEAN,
    "closedAt" TIMESTAMPTZ(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LegalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Incident_reference_key" ON "Incident"("reference");

-- CreateIndex
CREATE INDEX "Incident_detectedAt_id_idx" ON "Incident"("detectedAt", "id");

-- CreateIndex
CREATE INDEX "Incident_createdAt_id_idx" ON "Incident"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Incident_updatedAt_id_idx" ON "Incident"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Incident_title_id_idx" ON "Incident"("title", "id");

-- CreateIndex
CREATE INDEX "Incident_severity_id_idx" ON "Incident"("severity", "id");

-- CreateIndex
CREATE INDEX "Incident_status_id_idx" ON "Incident"("status", "id");

-- CreateIndex
CREATE INDEX "Incident_typeId_id_idx" ON "Incident"("typeId", "id");

-- CreateIndex
CREATE INDEX "Incident_notificationDueAt_id_idx" ON "Incident"("notificationDueAt", "id");

-- CreateIndex
CREATE INDEX "Incident_commanderId_idx" ON "Incident"("commanderId");

-- CreateIndex
CREATE INDEX "Incident_memberIds_idx" ON "Incident" USING GIN ("memberIds");

-- CreateIndex
CREATE INDEX "IncidentTimelineEntry_incidentId_occurredAt_idx" ON "IncidentTimelineEntry"("incidentId", "occurredAt");

-- CreateIndex
CREATE INDEX "IncidentTask_incidentId_createdAt_idx" ON "IncidentTask"("incidentId", "createdAt");

-- CreateIndex
CREATE INDEX "IncidentTask_doneAt_dueDate_idx" ON "IncidentTask"("doneAt", "dueDate");

-- CreateIndex
CREATE INDEX "IncidentComment_incidentId_createdAt_idx" ON "IncidentComment"("incidentId", "createdAt");

-- CreateIndex
CREATE INDEX "AmazonNotice_incidentId_idx" ON "AmazonNotice"("incidentId");

-- CreateIndex
CREATE INDEX "AmazonNotice_legalRequestId_idx" ON "AmazonNotice"("legalRequestId");

-- CreateIndex
CREATE INDEX "ThirdPartyNotification_incidentId_notifiedAt_idx" ON "ThirdPartyNotification"("incidentId", "notifiedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LegalRequest_reference_key" ON "LegalRequest"("reference");

-- CreateIndex
CREATE INDEX "LegalRequest_receivedAt_id_idx" ON "LegalRequest"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "LegalRequest_notificationDueAt_id_idx" ON "LegalRequest"("notificationDueAt", "id");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "IncidentType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_commanderId_fkey" FOREIGN KEY ("commanderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTimelineEntry" ADD CONSTRAINT "IncidentTimelineEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTask" ADD CONSTRAINT "IncidentTask_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTask" ADD CONSTRAINT "IncidentTask_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentComment" ADD CONSTRAINT "IncidentComment_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmazonNotice" ADD CONSTRAINT "AmazonNotice_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmazonNotice" ADD CONSTRAINT "AmazonNotice_legalRequestId_fkey" FOREIGN KEY ("legalRequestId") REFERENCES "LegalRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThirdPartyNotification" ADD CONSTRAINT "ThirdPartyNotification_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Text search over reference, title and summary (hand-written: Prisma cannot express an
-- expression index). The list query uses the same expression, lib/incidents/search.ts.
CREATE INDEX "Incident_search_idx" ON "Incident" USING GIN (to_tsvector('simple', translate("reference", '-', ' ') || ' ' || "title" || ' ' || "summary"));

-- The incident types of the response plan (GS-4a) and the severity scale. Security leads edit
-- the types in Vigil; these are the starting catalog.
INSERT INTO "IncidentType" ("id", "name", "description", "procedure", "escalationPath", "sortOrder", "updatedAt") VALUES
('unauthorized-access', 'Unauthorized access', 'Someone reached a system or data they are not allowed to.', '1. Disable the account or session used. 2. Preserve logs of the access. 3. Find what was read or changed. 4. Reset credentials that may be known.', 'Responder -> incident commander -> security lead. Amazon Information involved: notify Amazon (3p-security@amazon.com) within 24 hours of detection.', 10, now()),
('data-exposure', 'Data exposure or exfiltration', 'Data left a controlled place: public bucket, leaked export, copied out.', '1. Close the exposure (revoke link, make private). 2. Preserve access logs. 3. Establish what data, how many records, since when, and who fetched it.', 'Incident commander -> security lead -> privacy officer. Amazon Information: notify Amazon within 24 hours.', 20, now()),
('lost-device', 'Lost or stolen device', 'A laptop, phone or storage medium that may hold company or Amazon data is missing.', '1. Remote-lock and wipe. 2. Confirm disk encryption status from the device register. 3. Revoke the device''s sessions and certificates. 4. Police report if stolen.', 'Owner -> IT -> security lead. Unencrypted device with Amazon Information: notify Amazon within 24 hours.', 30, now()),
('malware', 'Malware or ransomware', 'Malicious software found or suspected on a system.', '1. Isolate the host from the network. 2. Capture memory and disk images before cleaning. 3. Identify the strain and spread. 4. Restore from known-good backups.', 'Responder -> incident commander -> security lead -> management. Ransomware: call outside counsel. Amazon Information: notify Amazon within 24 hours.', 40, now()),
('credential-compromise', 'Credential compromise', 'A password, API key, token or certificate is known or suspected to be in the wrong hands.', '1. Rotate the credential. 2. Revoke sessions and tokens issued with it. 3. Review what it was used for since the suspected exposure.', 'Responder -> security lead. SP-API credentials: rotate in Seller Central and notify Amazon within 24 hours.', 50, now()),
('misdirected-data', 'Misdirected data', 'Data sent to the wrong person or place (email, file share, shipment).', '1. Ask the recipient to delete and confirm in writing. 2. Recall the message where possible. 3. Record what data and about whom.', 'Sender -> incident commander -> privacy officer. Amazon Information: notify Amazon within 24 hours.', 60, now()),
('insider-misuse', 'Insider misuse', 'A person with legitimate access used it for something they should not.', '1. Suspend the access quietly. 2. Preserve evidence with chain of custody. 3. Involve HR and legal before any interview.', 'Security lead -> HR -> legal. Amazon Information: notify Amazon within 24 hours.', 70, now()),
('vendor-breach', 'Vendor breach', 'A supplier or subcontractor that handles our data reports or suffers a breach.', '1. Get the vendor''s written account. 2. Establish which of our data they hold. 3. Rotate shared credentials and integrations.', 'Vendor owner -> security lead -> legal. Amazon Information at the vendor: notify Amazon within 24 hours.', 80, now()),
('other', 'Other', 'Anything else that threatens the confidentiality, integrity or availability of data.', '1. Contain. 2. Preserve evidence. 3. Classify into a specific type when it becomes clear.', 'Responder -> security lead. Amazon Information: notify Amazon within 24 hours.', 90, now());

INSERT INTO "IncidentSeverityDefinition" ("severity", "name", "definition") VALUES
('SEV1', 'Critical', 'Confirmed compromise of Amazon Information or personal data at scale, or a business-stopping outage. All hands, around the clock.'),
('SEV2', 'High', 'Likely compromise of sensitive data or a key system, limited in scope. Work it now, including out of hours.'),
('SEV3', 'Moderate', 'A contained event with possible but unconfirmed data impact. Work it during business hours.'),
('SEV4', 'Low', 'A minor event or policy breach with no data impact expected. Track and fix.');
