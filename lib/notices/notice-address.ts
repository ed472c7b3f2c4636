import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Tx } from "@/lib/db/client";
import { AMAZON_NOTICE_ADDRESS_SETTING, DEFAULT_AMAZON_NOTICE_ADDRESS } from "./notice-rules";

/** The address notices go to: the organisation setting, or Amazon's published default. */
export async function amazonNoticeAddress(tx: Tx): Promise<string> {
  const setting = await tx.setting.findUnique({ where: { key: AMAZON_NOTICE_ADDRESS_SETTING } });
  return typeof setting?.value === "string" && setting.value.includes("@") ? setting.value : DEFAULT_AMAZON_NOTICE_ADDRESS;
}

/**
 * "Name <email>" of the commander, else of the person acting: who Amazon should call back. The
 * email only for an actor with user.email.read; the name alone otherwise.
 */
export async function noticeContact(tx: Tx, actor: Actor, commanderId: string | null): Promise<string> {
  const id = commanderId ?? (actor.kind === "user" ? actor.userId : null);
  const user = id ? await tx.user.findUnique({ where: { id }, select: { displayName: true, email: true } }) : null;
  if (!user) return "The security team";
  return can(actor, "user.email.read") ? `${user.displayName} <${user.email}>` : user.displayName;
}
