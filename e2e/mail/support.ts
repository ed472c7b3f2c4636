// Test data for the mail e2e specs, written straight into the run's database (DATABASE_URL from
// scripts/with-test-db.ts) with the run's keys (E2E_ENCRYPTION_KEYS from playwright.config.ts).
// People and sign-in come from e2e/support/users.ts.
import pg from "pg";
import { encryptField } from "@/lib/crypto/field-encryption";
import { parseKeyRing } from "@/lib/crypto/keys";
import { newId } from "@/lib/ids";

function ring() {
  const keys = process.env.E2E_ENCRYPTION_KEYS;
  if (!keys) throw new Error("E2E_ENCRYPTION_KEYS is set by playwright.config.ts");
  return parseKeyRing(keys);
}

export async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An email in the outbox, as enqueueEmail writes it. */
export async function createOutboxEmail(fields: { subject: string; status: "held" | "failed" | "sent" | "pending"; toUserId: string; lastError?: string }): Promise<string> {
  const id = newId("eml");
  const keys = ring();
  await withDb((c) =>
    c.query(
      `INSERT INTO "OutboxEmail" ("id", "template", "subject", "toUserId", "toAddressEnc", "textBodyEnc", "htmlBodyEnc", "status", "attempts",
        "nextAttemptAt", "giveUpAt", "lastError", "createdAt", "updatedAt", "failedAt")
       VALUES ($1, 'reminder:alarm.open', $2, $3, $4, $5, $6, $7::"OutboxStatus", $8, now(), now() + interval '1 day', $9, now(), now(),
        CASE WHEN $7 = 'failed' THEN now() END)`,
      [
        id,
        fields.subject,
        fields.toUserId,
        encryptField("someone@example.test", `outbox:${id}:to`, keys),
        encryptField("text", `outbox:${id}:text`, keys),
        encryptField("<p>html</p>", `outbox:${id}:html`, keys),
        fields.status,
        fields.status === "failed" ? 3 : 0,
        fields.lastError ?? null,
      ],
    ),
  );
  return id;
}

export async function outboxStatus(id: string): Promise<string> {
  return withDb(async (c) => (await c.query<{ status: string }>(`SELECT "status"::text AS status FROM "OutboxEmail" WHERE "id" = $1`, [id])).rows[0]!.status);
}
