-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "retentionDays" INTEGER NOT NULL DEFAULT 400,
    "exportAlarmThreshold" INTEGER NOT NULL DEFAULT 200,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "AuditSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CanaryMarker" (
    "id" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CanaryMarker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlarmSweepState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastSequence" BIGINT NOT NULL DEFAULT 0,
    "sweptAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlarmSweepState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlarmSource" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secretEnc" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AlarmSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlarmNonce" (
    "sourceId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlarmNonce_pkey" PRIMARY KEY ("sourceId","signature")
);

-- CreateIndex
CREATE INDEX "AuditCheckpoint_sequence_idx" ON "AuditCheckpoint"("sequence");

-- CreateIndex
CREATE INDEX "AuditCheckpoint_signedAt_idx" ON "AuditCheckpoint"("signedAt");

-- CreateIndex
CREATE INDEX "AuditCheckpoint_reason_signedAt_idx" ON "AuditCheckpoint"("reason", "signedAt");

-- CreateIndex
CREATE INDEX "CanaryMarker_createdAt_idx" ON "CanaryMarker"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CanaryMarker_targetType_targetId_key" ON "CanaryMarker"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "AlarmSource_name_key" ON "AlarmSource"("name");

-- CreateIndex
CREATE INDEX "AlarmSource_createdAt_idx" ON "AlarmSource"("createdAt");

-- CreateIndex
CREATE INDEX "AlarmNonce_receivedAt_idx" ON "AlarmNonce"("receivedAt");

-- ==== Hand-written: the audit log is append-only ====================================
-- Retention and alarm settings can never go below their floors, whatever writes the row.
ALTER TABLE "AuditSettings" ADD CONSTRAINT "AuditSettings_retention_floor" CHECK ("retentionDays" >= 90);
ALTER TABLE "AuditSettings" ADD CONSTRAINT "AuditSettings_export_threshold_positive" CHECK ("exportAlarmThreshold" >= 1);
ALTER TABLE "AuditSettings" ADD CONSTRAINT "AuditSettings_single_row" CHECK ("id" = 1);
ALTER TABLE "AuditChainHead" ADD CONSTRAINT "AuditChainHead_single_row" CHECK ("id" = 1);

-- UPDATE and TRUNCATE are always refused. DELETE is refused too, except through the pruning
-- path (vigil_prune_audit_events below), and even then only for events older than 90 days
-- that a signed checkpoint covers, so verification keeps working from that checkpoint.
CREATE FUNCTION vigil_audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('vigil.audit_prune', true) = 'on'
     AND OLD."occurredAt" < now() - interval '90 days'
     AND EXISTS (SELECT 1 FROM "AuditCheckpoint" c WHERE c."sequence" >= OLD."sequence") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only_rows" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION vigil_audit_event_guard();
CREATE TRIGGER "AuditEvent_append_only_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_audit_event_guard();

CREATE FUNCTION vigil_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditCheckpoint_append_only_rows" BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION vigil_audit_refuse_change();
CREATE TRIGGER "AuditCheckpoint_append_only_truncate" BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_audit_refuse_change();

-- The chain head only moves forward one event at a time and is never removed.
CREATE FUNCTION vigil_audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."id" = OLD."id" AND NEW."sequence" = OLD."sequence" + 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditChainHead only advances one event at a time: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditChainHead_forward_only_rows" BEFORE UPDATE OR DELETE ON "AuditChainHead"
  FOR EACH ROW EXECUTE FUNCTION vigil_audit_head_guard();
CREATE TRIGGER "AuditChainHead_forward_only_truncate" BEFORE TRUNCATE ON "AuditChainHead"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_audit_head_guard();

-- The one pruning path: deletes the events up to a signed checkpoint, oldest first. The
-- trigger above still refuses any event younger than 90 days.
CREATE FUNCTION vigil_prune_audit_events(through_sequence bigint) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  deleted bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "AuditCheckpoint" WHERE "sequence" = through_sequence) THEN
    RAISE EXCEPTION 'No signed checkpoint at sequence %: pruning refused', through_sequence;
  END IF;
  PERFORM set_config('vigil.audit_prune', 'on', true);
  DELETE FROM "AuditEvent" WHERE "sequence" <= through_sequence;
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('vigil.audit_prune', 'off', true);
  RETURN deleted;
END;
$$;

-- The append path in one round trip: lock the head, take the next sequence, hash, insert, move
-- the head. The caller sends the entry's canonical text split around the sequence number
-- (lib/audit-log/canonical.ts canonicalEventTemplate); the hash is
-- SHA-256(previous hash || "\n" || canonical text), exactly as chainHash computes it.
CREATE FUNCTION vigil_append_audit_event(
  p_occurred_at timestamptz, p_actor_id text, p_action text, p_target_type text, p_target_id text,
  p_outcome "AuditOutcome", p_request_id text, p_ip_hash text, p_user_agent_hash text, p_details jsonb,
  p_canonical_before text, p_canonical_after text
) RETURNS TABLE ("sequence" bigint, "hash" text) LANGUAGE plpgsql AS $$
DECLARE
  head_sequence bigint;
  head_hash text;
  next_sequence bigint;
  next_hash text;
BEGIN
  SELECT h."sequence", h."hash" INTO head_sequence, head_hash FROM "AuditChainHead" h WHERE h."id" = 1 FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO "AuditChainHead" ("id", "sequence", "hash") VALUES (1, 0, repeat('0', 64)) ON CONFLICT ("id") DO NOTHING;
    SELECT h."sequence", h."hash" INTO head_sequence, head_hash FROM "AuditChainHead" h WHERE h."id" = 1 FOR UPDATE;
  END IF;
  next_sequence := head_sequence + 1;
  next_hash := encode(sha256(convert_to(head_hash || E'\n' || p_canonical_before || next_sequence::text || p_canonical_after, 'UTF8')), 'hex');
  INSERT INTO "AuditEvent" ("sequence", "occurredAt", "actorId", "action", "targetType", "targetId", "outcome",
                            "requestId", "ipHash", "userAgentHash", "details", "prevHash", "hash")
  VALUES (next_sequence, p_occurred_at, p_actor_id, p_action, p_target_type, p_target_id, p_outcome,
          p_request_id, p_ip_hash, p_user_agent_hash, p_details, head_hash, next_hash);
  UPDATE "AuditChainHead" SET "sequence" = next_sequence, "hash" = next_hash WHERE "id" = 1;
  RETURN QUERY SELECT next_sequence, next_hash;
END;
$$;
