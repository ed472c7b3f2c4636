-- Issue 16: the evidence list's search (a substring in any case over label, description, file name
-- and serial number) read every item: 79 ms at 50,000 items. A trigram index serves the same
-- ILIKE conditions, unchanged. It needs the pg_trgm extension, which ships with PostgreSQL's
-- contrib modules (in the embedded server Vigil starts, and in Debian's and most hosted
-- PostgreSQL) and is trusted: a database owner may create it without being a superuser. Where the
-- server lacks it or the role may not create it, the migration still succeeds and the search
-- keeps working as before, only without the index (the notice says so in the migration log).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX IF NOT EXISTS "EvidenceItem_search_idx" ON "EvidenceItem"
      USING GIN ("label" gin_trgm_ops, "description" gin_trgm_ops, "fileName" gin_trgm_ops, "serialNumber" gin_trgm_ops);
  ELSE
    RAISE NOTICE 'pg_trgm is not available on this server: the evidence search works without its index';
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'this role may not create the pg_trgm extension: the evidence search works without its index';
END
$$;
