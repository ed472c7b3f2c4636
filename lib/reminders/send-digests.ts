import "server-only";
import { decryptField } from "@/lib/crypto/field-encryption";
import { db as defaultDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { absoluteLink, enqueueEmail } from "@/lib/mail";
import { latestDigestSlot } from "./digest-schedule";
import { REMINDER_FOOTER } from "./run-reminders";

export const DIGEST_TEMPLATE = "reminder-digest";

/**
 * Sends each person's daily digest once its hour has come: every waiting item queued before
 * the latest digest time goes into one email. Items are locked with SKIP LOCKED and marked in
 * the same transaction that queues the email, so concurrent sweeps never send an item twice.
 * A person who switched back to immediate emails gets what was waiting at once.
 */
export async function sendDueDigests(now: Date, options: { database?: Db } = {}): Promise<{ digests: number; items: number }> {
  const database = options.database ?? defaultDb();
  const waiting = await database.digestItem.findMany({ where: { digestedAt: null }, distinct: ["userId"], select: { userId: true } });
  let digests = 0;
  let items = 0;
  for (const { userId } of waiting) {
    const [user, preference] = await Promise.all([
      database.user.findUnique({ where: { id: userId }, select: { email: true, status: true, timeZone: true } }),
      database.notificationPreference.findUnique({ where: { userId } }),
    ]);
    const cutoff = preference?.mode === "digest" ? latestDigestSlot(now, preference.digestHour, user?.timeZone ?? "UTC") : now;
    const sent = await database.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; subject: string; linesEnc: string; link: string }[]>`
        SELECT "id", "subject", "linesEnc", "link" FROM "DigestItem"
        WHERE "userId" = ${userId} AND "digestedAt" IS NULL AND "createdAt" <= ${cutoff}
        ORDER BY "createdAt", "id"
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      let emailId: string | null = null;
      if (user && user.status !== "deactivated") {
        const lines = rows.flatMap((row) => [
          `${row.subject}`,
          ...(JSON.parse(decryptField(row.linesEnc, `digest-item:${row.id}:lines`)) as string[]),
          `Open: ${absoluteLink(row.link, env().baseUrl)}`,
        ]);
        const email = await enqueueEmail(
          tx,
          {
            toUserId: userId,
            toAddress: user.email,
            template: DIGEST_TEMPLATE,
            content: {
              subject: rows.length === 1 ? "Your Vigil digest: 1 reminder" : `Your Vigil digest: ${rows.length} reminders`,
              heading: "Reminders since your last digest",
              lines,
              link: "/",
              footer: REMINDER_FOOTER,
            },
          },
          now,
        );
        emailId = email?.id ?? null;
      }
      await tx.digestItem.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { digestedAt: now, emailId } });
      return rows.length;
    });
    if (sent > 0) {
      digests += 1;
      items += sent;
    }
  }
  return { digests, items };
}
