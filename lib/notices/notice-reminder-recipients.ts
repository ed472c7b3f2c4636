import "server-only";
import type { Db } from "@/lib/db/client";
import type { TNoticeReminderRecipients } from "./notice-rules";

/** The active security leads, and the active leads and administrators: who hears of a notice falling due. */
export async function noticeReminderRecipients(database: Db): Promise<TNoticeReminderRecipients> {
  const users = await database.user.findMany({ where: { status: "active", roles: { hasSome: ["security_lead", "admin"] } }, select: { id: true, roles: true } });
  return { leads: users.filter((u) => u.roles.includes("security_lead")).map((u) => u.id), leadsAndAdmins: users.map((u) => u.id) };
}
