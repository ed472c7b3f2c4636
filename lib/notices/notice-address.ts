import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { POLICY_VERSION_SETTING, policyVersionOf, type TPolicyVersion } from "@/lib/compliance/types";
import type { Tx } from "@/lib/db/client";
import { AMAZON_NOTICE_ADDRESS_SETTING, noticeAddressFor } from "./notice-rules";

/** Where notices go and why: the organisation's own address, else the one its policy version names. */
export async function noticeAddressChoice(tx: Tx): Promise<{ address: string; source: "organisation" | "policy"; policyAddress: string; version: TPolicyVersion }> {
  const [setting, version] = await Promise.all([
    tx.setting.findUnique({ where: { key: AMAZON_NOTICE_ADDRESS_SETTING } }),
    tx.setting.findUnique({ where: { key: POLICY_VERSION_SETTING } }),
  ]);
  const policyVersion = policyVersionOf(version?.value);
  return { ...noticeAddressFor(setting?.value, policyVersion), version: policyVersion };
}

/** The address notices go to: the organisation setting, or the address its policy version names. */
export async function amazonNoticeAddress(tx: Tx): Promise<string> {
  return (await noticeAddressChoice(tx)).address;
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
