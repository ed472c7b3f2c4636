// A real team's history, seeded with SQL alone (generate_series and one recursive query), for
// `npm run bench` and the integration tests that check the lists' plans at volume
// (test/performance/lists-at-volume.int.test.ts):
//   users      security leads, auditors and responders ("usr_bench0001"...);
//   incidents  each with three responders as members, every status and clock state;
//   evidence   physical items, five per incident, each with its "collected" custody entry
//              hashed exactly as lib/evidence/custody-chain.ts does;
//   audit      events appended after the chain head, each hashed exactly as
//              lib/audit-log/canonical.ts chainHash does, so verification walks a valid chain.
// Nothing here is personal data: no PII fields, no names of real people.
import type pg from "pg";

export interface TVolume {
  users: number;
  incidents: number;
  evidence: number;
  auditEvents: number;
}

export const FULL_VOLUME: TVolume = { users: 200, incidents: 10_000, evidence: 50_000, auditEvents: 1_000_000 };
export const QUICK_VOLUME: TVolume = { users: 60, incidents: 2_000, evidence: 2_000, auditEvents: 50_000 };

/** Who the seeded people are: the first four lead, the next four audit, the rest respond. */
export const SEEDED = {
  securityLead: "usr_bench0001",
  auditor: "usr_bench0005",
  /** A responder who is a member of about 3/(users-8) of the incidents. */
  responder: "usr_bench0042",
  userId: (n: number) => `usr_bench${String(n).padStart(4, "0")}`,
  incidentId: (n: number) => `inc_bench${String(n).padStart(6, "0")}`,
  evidenceLabel: (n: number) => `EV-2026-${String(n).padStart(6, "0")}`,
};

type TQueryable = Pick<pg.Client, "query">;

const users = (v: TVolume) => `
INSERT INTO "User" ("id", "email", "displayName", "status", "roles", "timeZone", "updatedAt")
SELECT 'usr_bench' || lpad(g::text, 4, '0'), 'bench' || g || '@example.test', 'Bench person ' || g, 'active',
  CASE WHEN g <= 4 THEN ARRAY['security_lead']::"Role"[] WHEN g <= 8 THEN ARRAY['auditor']::"Role"[] ELSE ARRAY['responder']::"Role"[] END,
  'UTC', now()
FROM generate_series(1, ${v.users}) g`;

// The responder k of the seeded people: 9..users.
const responder = (v: TVolume, k: string) => `'usr_bench' || lpad((9 + (${k}) % ${v.users - 8})::text, 4, '0')`;

const incidents = (v: TVolume) => `
INSERT INTO "Incident" ("id", "reference", "title", "summary", "typeId", "severity", "status", "detectedAt", "reportedById", "commanderId",
  "teamIds", "memberIds", "affectedSystems", "affectedDataCategories", "amazonInfoAnswer", "amazonInfoInvolved", "piiInvolved", "notificationDueAt",
  "amazonNotifiedAt", "amazonNoticeOnTime", "closedAt", "closedById", "createdById", "createdAt", "updatedAt")
SELECT
  'inc_bench' || lpad(g::text, 6, '0'),
  'INC-' || (2024 + g * 3 / ${v.incidents + 1}) || '-' || lpad(g::text, 5, '0'),
  (ARRAY['Phishing','Stolen laptop','Public bucket','Ransomware','Leaked token','Misdirected invoice','Insider export','Vendor breach','Port scan','Lost phone'])[1 + g % 10]
    || ' ' || (ARRAY['at the warehouse','in support','on the seller portal','in finance','at the label vendor','in reporting','on payroll'])[1 + (g / 10) % 7] || ' #' || g,
  'Summary of incident ' || g || ': ' || (ARRAY['credentials entered on a fake page','bucket policy allowed public reads','device taken from a car','files encrypted by malware','token committed to a public repository'])[1 + g % 5],
  (ARRAY['unauthorized-access','data-exposure','lost-device','malware','credential-compromise','misdirected-data','insider-misuse','vendor-breach','other'])[1 + g % 9],
  (ARRAY['SEV1','SEV2','SEV3','SEV4'])[1 + (g * 7) % 4]::"IncidentSeverity",
  s.status::"IncidentStatus",
  d.detected,
  ${responder(v, "g")}, ${responder(v, "g * 3")},
  ARRAY[${responder(v, "g * 7")}],
  ARRAY[${responder(v, "g")}, ${responder(v, "g * 3")}, ${responder(v, "g * 7")}],
  ARRAY['System ' || g % 40], ARRAY['Order data'],
  (CASE WHEN g % 5 = 0 THEN 'no' WHEN g % 10 = 1 THEN 'unknown' ELSE 'yes' END)::"AmazonInfoAnswer", g % 5 <> 0, false,
  CASE WHEN g % 5 <> 0 THEN d.detected + interval '24 hours' END,
  CASE WHEN g % 5 <> 0 AND g % 20 < 15 THEN d.detected + ((g % 30) || ' hours')::interval END,
  CASE WHEN g % 5 <> 0 AND g % 20 < 15 THEN (g % 30) <= 24 END,
  CASE WHEN s.status IN ('closed', 'false_positive') THEN d.detected + interval '5 days' END,
  CASE WHEN s.status IN ('closed', 'false_positive') THEN ${responder(v, "g * 3")} END,
  ${responder(v, "g")}, d.detected + interval '10 minutes', d.detected + interval '1 day'
FROM generate_series(1, ${v.incidents}) g
CROSS JOIN LATERAL (SELECT date_trunc('milliseconds', now() - interval '1 hour' - (((${v.incidents} - g) * 1051) % 1576800 || ' minutes')::interval
  - ((${v.incidents} - g) * interval '1 minute')) AS detected) d
CROSS JOIN LATERAL (SELECT CASE WHEN g % 20 < 14 THEN 'closed' WHEN g % 20 = 14 THEN 'false_positive'
  ELSE (ARRAY['detected','triaged','contained','eradicated','recovered'])[1 + g % 5] END AS status) s`;

// One "collected" entry per item; its canonical text is custodyEntryHash's canonicalJson (keys sorted).
const evidence = (v: TVolume) => `
CREATE TEMP TABLE bench_evidence ON COMMIT DROP AS
SELECT g,
  'evd_bench' || lpad(g::text, 6, '0') AS id,
  'inc_bench' || lpad((1 + (g - 1) % ${v.incidents})::text, 6, '0') AS incident_id,
  ${responder(v, "(1 + (g - 1) % " + v.incidents + ")")} AS custodian,
  date_trunc('milliseconds', now() - interval '2 hours' - ((${v.evidence} - g) || ' minutes')::interval) AS collected,
  (ARRAY['Evidence locker A','Evidence locker B','Safe in the server room'])[1 + g % 3] AS location,
  (ARRAY['Bagged and sealed','Imaged with a write blocker','Photographed and bagged'])[1 + g % 3] AS method
FROM generate_series(1, ${v.evidence}) g;

ALTER TABLE bench_evidence ADD COLUMN canonical text;
UPDATE bench_evidence SET canonical =
  '{"action":"collected","actorId":"' || custodian || '","actorTimeZone":"UTC","details":{"collectedAt":"'
  || to_char(collected AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","kind":"physical"},"evidenceId":"' || id
  || '","fromCustodianId":null,"location":"' || location || '","occurredAt":"'
  || to_char(collected AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","purpose":"' || method
  || '","sequence":1,"sha256":null,"toCustodianId":"' || custodian || '"}';

INSERT INTO "EvidenceItem" ("id", "label", "incidentId", "kind", "description", "collectedById", "collectedAt", "collectionMethod",
  "custodianId", "storageLocation", "status", "legalHold", "sealNumber", "custodySequence", "custodyHeadHash", "createdAt", "updatedAt")
SELECT id, 'EV-2026-' || lpad(g::text, 6, '0'), incident_id, 'physical', 'Item ' || g || ': ' || (ARRAY['laptop','phone','USB drive','printed invoice','hard disk'])[1 + g % 5],
  custodian, collected, method, custodian, location,
  (ARRAY['active','active','active','sealed','released'])[1 + g % 5]::"EvidenceStatus", g % 11 = 0, 'SEAL-' || g, 1,
  encode(sha256(convert_to(repeat('0', 64) || E'\\n' || canonical, 'UTF8')), 'hex'), collected, collected
FROM bench_evidence;

INSERT INTO "CustodyEntry" ("id", "evidenceId", "sequence", "action", "occurredAt", "actorId", "actorTimeZone", "location", "purpose",
  "fromCustodianId", "toCustodianId", "sha256", "details", "prevHash", "hash")
SELECT 'cus_bench' || lpad(g::text, 6, '0'), id, 1, 'collected', collected, custodian, 'UTC', location, method, NULL, custodian, NULL,
  jsonb_build_object('kind', 'physical', 'collectedAt', to_char(collected AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
  repeat('0', 64), encode(sha256(convert_to(repeat('0', 64) || E'\\n' || canonical, 'UTF8')), 'hex')
FROM bench_evidence`;

// The asset inventory (one asset per two incidents): every kind but systems, a third holding
// personal data with two fields, a retention rule per tenth data store, a record of processing per
// field, a few people to own them.
const assets = (v: TVolume) => `
INSERT INTO "Person" ("id", "reference", "displayName", "kind", "createdById", "createdAt", "updatedAt")
SELECT 'per_asset' || lpad(g::text, 4, '0'), 'PER-ASSET-' || g, 'Asset owner ' || g, 'employee', '${SEEDED.securityLead}', now(), now()
FROM generate_series(1, 50) g;

INSERT INTO "Asset" ("id", "reference", "kind", "name", "ownerId", "holdsAmazonInfo", "holdsPersonalData", "personalDataFields", "inventoryLocation",
  "atRestAlgorithm", "atRestKeyManagement", "inTransitMinTls", "deviceOwnership", "antiMalwareInstalled", "antiMalwareTamperProof", "diskEncrypted",
  "inventoryVerifiedAt", "createdById", "createdAt", "updatedAt")
SELECT 'ast_bench' || lpad(g::text, 6, '0'), 'AST-BENCH-' || lpad(g::text, 6, '0'),
  (ARRAY['software','cloud_service','data_store','device','network_control'])[1 + g % 5]::"AssetKind",
  'Asset ' || lpad(g::text, 6, '0'), 'per_asset' || lpad((1 + g % 50)::text, 4, '0'), g % 2 = 0, g % 3 = 0,
  CASE WHEN g % 3 = 0 THEN ARRAY['email', 'field ' || (g % 40)] ELSE ARRAY[]::text[] END,
  (ARRAY['eu-west-1','eu-central-1','us-east-1','Berlin office'])[1 + g % 4],
  (ARRAY['aes_256','aes_128','none'])[1 + g % 3]::"AssetAtRestAlgorithm", (ARRAY['kms','other','none'])[1 + g % 3]::"AssetKeyManagement",
  (ARRAY['tls1_2','tls1_3','tls1_1'])[1 + g % 3]::"AssetTlsVersion",
  CASE WHEN g % 5 = 3 THEN (ARRAY['company','personal'])[1 + g % 2]::"AssetDeviceOwnership" END,
  CASE WHEN g % 5 = 3 THEN g % 4 <> 0 END, CASE WHEN g % 5 = 3 THEN g % 6 <> 0 END, CASE WHEN g % 5 = 3 THEN g % 7 <> 0 END,
  now() - (g % 400) * interval '1 day', '${SEEDED.securityLead}', now() - g * interval '1 minute', now()
FROM generate_series(1, ${Math.max(100, Math.floor(v.incidents / 2))}) g;

INSERT INTO "RetentionRule" ("id", "reference", "assetId", "category", "keepDays", "basis", "purgeEveryDays", "nextPurgeDueOn", "createdById", "createdAt", "updatedAt")
SELECT 'ret_' || a."id", 'RET-' || a."reference", a."id", 'pii', 30, 'policy', 7, current_date + (row_number() OVER (ORDER BY a."id"))::int % 20 - 5, '${SEEDED.securityLead}', now(), now()
FROM "Asset" a WHERE a."id" LIKE 'ast_bench%' AND a."kind" = 'data_store' AND a."holdsPersonalData" AND right(a."id", 1) = '0';

INSERT INTO "ProcessingRecord" ("id", "reference", "dataField", "source", "collection", "processing", "purpose", "sharedWith", "disposal", "createdById", "createdAt", "updatedAt")
SELECT 'rop_bench' || g, 'ROP-BENCH-' || g, CASE WHEN g = 0 THEN 'email' ELSE 'field ' || g END, 'Amazon order report', 'SP-API', 'Labels', 'Shipping', 'Carrier', 'Purged after 30 days', '${SEEDED.securityLead}', now(), now()
FROM generate_series(0, 30) g;

INSERT INTO "ProcessingRecordAsset" ("processingRecordId", "assetId")
SELECT 'rop_bench' || (g % 31), 'ast_bench' || lpad(g::text, 6, '0') FROM generate_series(3, ${Math.max(100, Math.floor(v.incidents / 2))}, 3) g`;

// Audit events after the current head: their fields first, then the chain in one recursive
// query (each hash covers the previous one), then one insert. The canonical text is
// canonicalEvent's: keys in sorted order, the sequence as a string, occurredAt in ISO with ms.
const audit = (v: TVolume) => `
INSERT INTO "AuditChainHead" ("id", "sequence", "hash") VALUES (1, 0, repeat('0', 64)) ON CONFLICT ("id") DO NOTHING;

CREATE TEMP TABLE bench_audit ON COMMIT DROP AS
SELECT k, h."sequence" + k AS seq,
  date_trunc('milliseconds', now() - ((${v.auditEvents} - k) * interval '30 seconds') - interval '5 minutes') AS occurred,
  CASE WHEN k % 20 = 0 THEN 'system' ELSE ${responder(v, "k")} END AS actor,
  (ARRAY['incident.updated','incident.viewed','incident.status-changed','evidence.downloaded','auth.sign-in','auth.sign-in.failed','incident.comment.added','evidence.custody.transferred'])[1 + k % 8] AS action,
  'incident' AS target_type,
  'inc_bench' || lpad((1 + k % ${v.incidents})::text, 6, '0') AS target_id,
  (CASE WHEN k % 100 < 93 THEN 'success' WHEN k % 100 < 98 THEN 'denied' ELSE 'failed' END) AS outcome,
  'req_bench' || k AS request_id,
  lpad(to_hex(k % 4000), 64, '0') AS ip_hash,
  lpad(to_hex(k % 300), 64, 'a') AS ua_hash
FROM generate_series(1, ${v.auditEvents}) k CROSS JOIN "AuditChainHead" h;

ALTER TABLE bench_audit ADD COLUMN canonical text;
UPDATE bench_audit SET canonical =
  '{"action":"' || action || '","actorId":"' || actor || '","details":{"fields":["status"]},"ipHash":"' || ip_hash
  || '","occurredAt":"' || to_char(occurred AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '","outcome":"' || outcome
  || '","requestId":"' || request_id || '","sequence":"' || seq || '","targetId":"' || target_id || '","targetType":"' || target_type
  || '","userAgentHash":"' || ua_hash || '"}';
CREATE UNIQUE INDEX ON bench_audit (k);
ANALYZE bench_audit;

-- One event at a time, each hash over the previous one: a loop, not a join the planner might hash.
CREATE TEMP TABLE bench_chain (k bigint PRIMARY KEY, prev text, hash text) ON COMMIT DROP;
DO $$
DECLARE
  head text;
  r record;
  prevs text[] := '{}';
  hashes text[] := '{}';
BEGIN
  SELECT h."hash" INTO head FROM "AuditChainHead" h WHERE h."id" = 1;
  FOR r IN SELECT b.canonical FROM bench_audit b ORDER BY b.k LOOP
    prevs := prevs || head;
    head := encode(sha256(convert_to(head || E'\\n' || r.canonical, 'UTF8')), 'hex');
    hashes := hashes || head;
  END LOOP;
  INSERT INTO bench_chain SELECT t.k, t.prev, t.hash FROM unnest(prevs, hashes) WITH ORDINALITY AS t(prev, hash, k);
END $$;

INSERT INTO "AuditEvent" ("sequence", "occurredAt", "actorId", "action", "targetType", "targetId", "outcome", "requestId", "ipHash",
  "userAgentHash", "details", "prevHash", "hash")
SELECT b.seq, b.occurred, b.actor, b.action, b.target_type, b.target_id, b.outcome::"AuditOutcome", b.request_id, b.ip_hash, b.ua_hash,
  '{"fields":["status"]}'::jsonb, c.prev, c.hash
FROM bench_audit b JOIN bench_chain c USING (k) ORDER BY b.k;

-- The head advances one event at a time (its trigger); this seeding connection steps past it.
SET LOCAL session_replication_role = replica;
UPDATE "AuditChainHead" h SET "sequence" = h."sequence" + ${v.auditEvents}, "hash" = (SELECT c.hash FROM bench_chain c WHERE c.k = ${v.auditEvents});
SET LOCAL session_replication_role = origin`;

// Access governance: one person per user, 20 systems owned by the leads, 25 accounts per person
// spread over the systems (some flagged), and a credential per five people. Modest on purpose.
const access = (v: TVolume) => `
INSERT INTO "Person" ("id", "reference", "displayName", "kind", "userId", "endsOn", "createdById", "createdAt", "updatedAt")
SELECT 'per_bench' || lpad(g::text, 4, '0'), 'PER-2026-' || lpad(g::text, 5, '0'), 'Bench person ' || g, 'employee', 'usr_bench' || lpad(g::text, 4, '0'),
  CASE WHEN g % 40 = 0 THEN now()::date - 30 ELSE NULL END, 'system', now(), now()
FROM generate_series(1, ${v.users}) g;

INSERT INTO "Asset" ("id", "reference", "kind", "name", "ownerId", "holdsAmazonInfo", "lockoutThreshold", "passwordHistory", "mfaEnforced", "createdById", "createdAt", "updatedAt")
SELECT 'ast_bench' || lpad(g::text, 3, '0'), 'SYS-2026-' || lpad(g::text, 5, '0'), 'system', 'Bench system ' || lpad(g::text, 2, '0'), 'per_bench' || lpad((1 + g % 4)::text, 4, '0'),
  true, CASE WHEN g % 5 = 0 THEN 20 ELSE 5 END, CASE WHEN g % 7 = 0 THEN 5 ELSE 12 END, g % 2 = 0, 'system', now(), now()
FROM generate_series(1, 20) g;

INSERT INTO "AccessAccount" ("id", "systemId", "identifier", "identifierKey", "kind", "personId", "alsoUsedByIds", "privileges", "lastUsedAt", "mfa", "status", "flags", "createdById", "createdAt", "updatedAt")
SELECT 'acc_bench' || lpad(g::text, 7, '0'), 'ast_bench' || lpad((1 + g % 20)::text, 3, '0'),
  CASE WHEN g % 97 = 0 THEN 'admin' || g ELSE 'user' || g END, CASE WHEN g % 97 = 0 THEN 'admin' || g ELSE 'user' || g END,
  CASE WHEN g % 10 = 0 THEN 'service' ELSE 'human' END::"AccessAccountKind", 'per_bench' || lpad((1 + g % ${v.users})::text, 4, '0'), '{}',
  (ARRAY['Read','Agent','Administrator'])[1 + g % 3], now() - (g % 200) * interval '1 day', g % 9 <> 0, 'active',
  CASE WHEN g % 97 = 0 THEN ARRAY['shared'] WHEN g % 9 = 0 THEN ARRAY['no-mfa'] ELSE '{}'::text[] END, 'system', now(), now()
FROM generate_series(1, ${v.users * 25}) g;

INSERT INTO "AccessCredential" ("id", "reference", "systemId", "kind", "name", "ownerId", "createdOn", "rotationPeriodDays", "nextRotationDueOn", "createdById", "createdAt", "updatedAt")
SELECT 'crd_bench' || lpad(g::text, 4, '0'), 'CRD-2026-' || lpad(g::text, 5, '0'), 'ast_bench' || lpad((1 + g % 20)::text, 3, '0'),
  (ARRAY['api_key','service_token','lwa_client_secret'])[1 + g % 3]::"AccessCredentialKind", 'Bench credential ' || g, 'per_bench' || lpad((1 + g % ${v.users})::text, 4, '0'),
  now()::date - 100, 180, now()::date - 100 + 180 - (g % 120), 'system', now(), now()
FROM generate_series(1, ${Math.max(1, Math.floor(v.users / 5))}) g`;

/** Seeds the volume in one transaction, then VACUUM ANALYZE so plans and index-only scans are as in a settled database. */
export async function seedVolume(client: TQueryable, volume: TVolume, onStep: (step: string, ms: number) => void = () => {}): Promise<void> {
  if (volume.users < 50) throw new Error("seedVolume needs at least 50 users (responder usr_bench0042)");
  await client.query("BEGIN");
  try {
    for (const [step, sql] of [
      ["users", users(volume)],
      ["incidents", incidents(volume)],
      ["evidence", evidence(volume)],
      ["audit events", audit(volume)],
      ["access", access(volume)],
      ["assets", assets(volume)],
    ] as const) {
      const started = performance.now();
      await client.query(sql);
      onStep(step, performance.now() - started);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
  await client.query("VACUUM ANALYZE");
}
