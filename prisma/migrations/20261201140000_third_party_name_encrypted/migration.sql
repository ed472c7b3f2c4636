-- A third party's name is personal data: new notifications store it encrypted in
-- "recipientNameEnc". Names already stored are encrypted by the step `npm run db:deploy` and
-- `npm start` run after the SQL migrations (lib/db/data-migrations.ts: the key is the app's,
-- SQL cannot encrypt), which then clears "recipientName".
ALTER TABLE "ThirdPartyNotification" ADD COLUMN "recipientNameEnc" TEXT,
ALTER COLUMN "recipientName" DROP NOT NULL;
