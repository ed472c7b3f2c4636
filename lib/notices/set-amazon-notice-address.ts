import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { parseInput } from "@/lib/core/field-errors";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { amazonNoticeAddress } from "./notice-address";
import { AMAZON_NOTICE_ADDRESS_SETTING } from "./notice-rules";
import { ZNoticeAddress } from "./schemas";

// Where notices to Amazon go (DPP GS-4e names Amazon's security address; Amazon may give a
// seller another one). Security leads keep it; it is prefilled on every notice.
export async function setAmazonNoticeAddress(actor: Actor, input: unknown): Promise<{ address: string }> {
  const data = parseInput(ZNoticeAddress, input);
  return withTransaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Setting" WHERE "key" = ${AMAZON_NOTICE_ADDRESS_SETTING} FOR UPDATE`;
    await authorize(actor, "incident.catalog.manage", { type: "setting", id: AMAZON_NOTICE_ADDRESS_SETTING });
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
