// The name of a third party notified about an incident (often a customer) is personal data:
// stored encrypted, bound to its row, read only with pii.read (get-incident.ts).
// Not "server-only": lib/db/data-migrations.ts runs encryptStoredRecipientNames from the
// command-line scripts.
import type pg from "pg";
import { decryptField, encryptField } from "@/lib/crypto/field-encryption";

function recipientNameAad(notificationId: string): string {
  return `third-party-notification:${notificationId}:recipientName`;
}

export function encryptRecipientName(notificationId: string, name: string): string {
  return encryptField(name, recipientNameAad(notificationId));
}

/** The name for a reader with pii.read: decrypted, or as stored before encryption. */
export function readRecipientName(row: { id: string; recipientNameEnc: string | null; recipientName: string | null }): string | null {
  return row.recipientNameEnc ? decryptField(row.recipientNameEnc, recipientNameAad(row.id)) : row.recipientName;
}

/**
 * Data migration: encrypts the names stored in plain text before encryption and clears the
 * plain column. Only rows still to change are selected (and locked), so a second run changes
 * nothing. The timeline entries written then keep their text: that history is not rewritten.
 */
export async function encryptStoredRecipientNames(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ id: string; recipientName: string }>(
    `SELECT "id", "recipientName" FROM "ThirdPartyNotification" WHERE "recipientName" IS NOT NULL AND "recipientNameEnc" IS NULL FOR UPDATE`,
  );
  for (const row of rows) {
    await client.query(`UPDATE "ThirdPartyNotification" SET "recipientNameEnc" = $2, "recipientName" = NULL WHERE "id" = $1`, [row.id, encryptRecipientName(row.id, row.recipientName)]);
  }
  return rows.length;
}
