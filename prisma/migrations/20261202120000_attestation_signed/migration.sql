-- Attestations: a kind ("status" or "none_occurred"), the statement (the former free-text
-- "evidence"), an optional evidence item, and when the author signed it by re-entering their
-- password and code. Existing rows keep what they said and stay unsigned: the map shows them as
-- needing re-signing, nothing is deleted.
ALTER TABLE "ControlAttestation" RENAME COLUMN "evidence" TO "statement";
ALTER TABLE "ControlAttestation" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'status';
ALTER TABLE "ControlAttestation" ADD COLUMN "evidenceId" TEXT;
ALTER TABLE "ControlAttestation" ADD COLUMN "signedAt" TIMESTAMPTZ(3);
