import "server-only";
import { parseInput } from "@/lib/core/field-errors";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { amazonNoticeAddress } from "./amazon-notice";
import { AMAZON_NOTICE_ADDRESS_SETTING, DEFAULT_AMAZON_NOTICE_ADDRESS } from "./notice-rules";

// Where notices to Amazon go (DPP GS-4e names Amazon's security address; Amazon may give a
// seller another one). Security leads keep it; it is prefilled on every notice.

export const ZNoticeAddress = z.object({
  address: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter the address notices to Amazon go to.")
    .max(254, "An email address has at most 254 characters.")
    .pipe(z.email({ message: "Enter an email address, such as 3p-security@amazon.com." })),
});

export interface TNoticeSettings {
  address: string;
  isDefault: boolean;
  defaultAddress: string;
  canManage: boolean;
}

export async function getNoticeSettings(actor: Actor): Promise<TNoticeSettings> {
  await authorize(actor, "incident.read");
  const address = await amazonNoticeAddress(db());
  return { address, isDefault: address === DEFAULT_AMAZON_NOTICE_ADDRESS, defaultAddress: DEFAULT_AMAZON_NOTICE_ADDRESS, canManage: can(actor, "incident.catalog.manage") };
}

export async function setAmazonNoticeAddress(actor: Actor, input: unknown): Promise<{ address: string }> {
  const data = parseInput(ZNoticeAddress, input);
  await authorize(actor, "incident.catalog.manage", { type: "setting", id: AMAZON_NOTICE_ADDRESS_SETTING });
  return withTransaction(async (tx) => {
    const previous = await amazonNoticeAddress(tx);
    if (previous === data.address) throw new AppError("VALIDATION", "Nothing to change.", { fieldErrors: { address: "This is already the address in use." } });
    await tx.setting.upsert({
      where: { key: AMAZON_NOTICE_ADDRESS_SETTING },
      create: { key: AMAZON_NOTICE_ADDRESS_SETTING, value: data.address, updatedBy: actorId(actor) },
      update: { value: data.address, updatedBy: actorId(actor) },
    });
    // Amazon's address is an organisation's mailbox, not a person's: the log keeps the domains.
    await recordAuditEvent(tx, {
      actor,
      action: "incidents.notice-address.changed",
      target: { type: "setting", id: AMAZON_NOTICE_ADDRESS_SETTING },
      details: { fromDomain: previous.split("@")[1] ?? null, toDomain: data.address.split("@")[1] ?? null },
    });
    return { address: data.address };
  });
}
