import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { POLICY_VERSIONS } from "@/lib/compliance/types";
import { db } from "@/lib/db/client";
import { mailServerConfigured } from "@/lib/mail";
import { noticeAddressChoice } from "./notice-address";
import type { TNoticeSettings } from "./types";

/** Where notices to Amazon go and why, whether a mail server sends them, and whether the actor may change the address. */
export async function getNoticeSettings(actor: Actor): Promise<TNoticeSettings> {
  await authorize(actor, "incident.read");
  const choice = await noticeAddressChoice(db());
  const version = POLICY_VERSIONS[choice.version];
  return {
    address: choice.address,
    isDefault: choice.source === "policy",
    defaultAddress: choice.policyAddress,
    policyVersion: choice.version,
    policyLabel: version.label,
    policyAddressSource: version.noticeAddressSource,
    effectiveDates: version.effectiveDates.map((d) => d.date),
    mailServerConfigured: mailServerConfigured(),
    canManage: can(actor, "incident.catalog.manage"),
  };
}
