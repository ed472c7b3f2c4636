import "server-only";
import { encryptField } from "@/lib/crypto/field-encryption";
import { db as defaultDb, type Db, type Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { enqueueEmail, type TEmailContent } from "@/lib/mail";
import { REMINDER_RULES } from "./registry";
import type { TDueReminder, TReminderRule } from "./types";
import { log } from "@/lib/http/log";

export const REMINDER_FOOTER =
  "You receive this reminder because of your role in Vigil. Choose immediate emails or a daily digest in Settings, Notifications.";

export interface TRunRemindersResult {
  due: number;
  sent: number;
  alreadySent: number;
  emails: number;
  digestItems: number;
  failedRules: string[];
}

export function reminderEmail(reminder: Pick<TDueReminder, "subject" | "lines" | "link" | "alert">): TEmailContent {
  return { subject: reminder.subject, lines: reminder.lines, link: reminder.link, footer: REMINDER_FOOTER, ...(reminder.alert ? { alert: reminder.alert } : {}) };
}

interface TRecipient {
  id: string;
  email: string;
  digest: boolean;
}

/**
 * Runs every rule with `now` and sends what is due and not yet sent. Each key is claimed by
 * inserting it into SentReminder in the same transaction that queues its emails (or digest
 * items): the primary key lets exactly one sweep win, however many run at once, and a rolled
 * back transaction leaves the key free for the next sweep.
 */
export async function runReminders(
  now: Date,
  options: { database?: Db; rules?: readonly TReminderRule[] } = {},
): Promise<TRunRemindersResult> {
  const database = options.database ?? defaultDb();
  const rules = options.rules ?? REMINDER_RULES;
  const result: TRunRemindersResult = { due: 0, sent: 0, alreadySent: 0, emails: 0, digestItems: 0, failedRules: [] };

  const due: { rule: string; reminder: TDueReminder }[] = [];
  for (const rule of rules) {
    try {
      for (const reminder of await rule.collect(database, now)) {
        if (!reminder.key.startsWith(`${rule.name}:`)) throw new Error(`rule ${rule.name} returned a key outside its name`);
        due.push({ rule: rule.name, reminder });
      }
    } catch (error) {
      // One broken rule must not stop the others; the log names the rule, never the data.
      result.failedRules.push(rule.name);
      log.error("reminder rule failed", { rule: rule.name, error });
    }
  }
  const unique = [...new Map(due.map((d) => [d.reminder.key, d])).values()];
  result.due = unique.length;
  if (unique.length === 0) return result;

  const sentKeys = new Set<string>();
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000).map((d) => d.reminder.key);
    for (const row of await database.sentReminder.findMany({ where: { key: { in: chunk } }, select: { key: true } })) sentKeys.add(row.key);
  }
  const pending = unique.filter((d) => !sentKeys.has(d.reminder.key));
  result.alreadySent = unique.length - pending.length;
  if (pending.length === 0) return result;

  const recipients = await loadRecipients(database, pending.flatMap((d) => d.reminder.recipientUserIds));

  for (const { rule, reminder } of pending) {
    const outcome = await database.$transaction((tx) => sendOne(tx, rule, reminder, recipients, now), { maxWait: 10_000, timeout: 30_000 });
    if (!outcome) {
      result.alreadySent += 1;
      continue;
    }
    result.sent += 1;
    result.emails += outcome.emails;
    result.digestItems += outcome.digestItems;
  }
  return result;
}

async function loadRecipients(database: Db, ids: string[]): Promise<Map<string, TRecipient>> {
  const unique = [...new Set(ids)];
  const [users, preferences] = await Promise.all([
    database.user.findMany({ where: { id: { in: unique }, status: { not: "deactivated" } }, select: { id: true, email: true } }),
    database.notificationPreference.findMany({ where: { userId: { in: unique } }, select: { userId: true, mode: true } }),
  ]);
  const digest = new Set(preferences.filter((p) => p.mode === "digest").map((p) => p.userId));
  return new Map(users.map((u) => [u.id, { id: u.id, email: u.email, digest: digest.has(u.id) }]));
}

async function sendOne(
  tx: Tx,
  rule: string,
  reminder: TDueReminder,
  recipients: Map<string, TRecipient>,
  now: Date,
): Promise<{ emails: number; digestItems: number } | null> {
  // Waits for a concurrent sweep holding the same key, then does nothing if it committed.
  const claimed = await tx.$executeRaw`
    INSERT INTO "SentReminder" ("key", "rule", "sentAt", "emailIds") VALUES (${reminder.key}, ${rule}, ${now}, '{}')
    ON CONFLICT ("key") DO NOTHING`;
  if (claimed === 0) return null;

  const emailIds: string[] = [];
  let digestItems = 0;
  for (const userId of new Set(reminder.recipientUserIds)) {
    const recipient = recipients.get(userId);
    if (!recipient) continue;
    if (recipient.digest && !reminder.urgent) {
      const id = newId("dgi");
      await tx.digestItem.create({
        data: {
          id,
          userId,
          reminderKey: reminder.key,
          subject: reminder.subject,
          linesEnc: encryptField(JSON.stringify(reminder.lines), `digest-item:${id}:lines`),
          link: reminder.link,
          createdAt: now,
        },
      });
      digestItems += 1;
      continue;
    }
    const email = await enqueueEmail(tx, { toUserId: userId, toAddress: recipient.email, template: `reminder:${rule}`, content: reminderEmail(reminder) }, now);
    if (email) emailIds.push(email.id);
  }
  if (emailIds.length) await tx.sentReminder.update({ where: { key: reminder.key }, data: { emailIds } });
  return { emails: emailIds.length, digestItems };
}
