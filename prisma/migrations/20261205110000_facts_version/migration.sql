-- Issue 16: the compliance map read every asset in use and computed its gaps on every view (5,020
-- assets: 29 ms in the database and about 50 ms of the web process's time, half the map's). The
-- asset facts change only when one of the tables they are read from changes, or when the day
-- changes (a purge becomes overdue when its day has ended). A number per group of tables, raised
-- by the database itself in the transaction of every statement that writes one of them (whatever
-- wrote it: a service, an import, a seed, SQL by hand), tells a reader whether what it computed
-- before is still what the tables hold: the same number, the same day, the same facts.
CREATE TABLE "FactsVersion" (
    "name" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "FactsVersion_pkey" PRIMARY KEY ("name")
);

INSERT INTO "FactsVersion" ("name", "version") VALUES ('assets', 0);

-- Before the statement's own rows: every writer of the group takes the number's row lock first,
-- so two of them wait for each other there instead of holding rows the other needs.
CREATE FUNCTION vigil_raise_facts_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "FactsVersion" SET "version" = "version" + 1 WHERE "name" = TG_ARGV[0];
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Asset_facts_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Asset"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_raise_facts_version('assets');
CREATE TRIGGER "RetentionRule_facts_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RetentionRule"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_raise_facts_version('assets');
CREATE TRIGGER "ProcessingRecord_facts_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProcessingRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_raise_facts_version('assets');
CREATE TRIGGER "InventoryReview_facts_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "InventoryReview"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_raise_facts_version('assets');
CREATE TRIGGER "PurgeAttestation_facts_version" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PurgeAttestation"
  FOR EACH STATEMENT EXECUTE FUNCTION vigil_raise_facts_version('assets');
