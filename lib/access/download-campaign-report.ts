import "server-only";
// A campaign's report as PDF or CSV, from its records; each download is audit-logged. Leads and
// auditors download every campaign; an access reviewer reads their part on screen only.
import { Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { exportEvent } from "@/lib/audit-log/export-event";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { displayNames } from "@/lib/core/display-names";
import { registerCsv, registerPdf } from "@/lib/core/register-report/render-register";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { campaignReportRegister } from "./access-registers";

export async function downloadCampaignReport(actor: Actor, reference: string, format: "pdf" | "csv", context: TRequestContext = {}): Promise<{ fileName: string; body: Buffer }> {
  // The whole campaign: an "all" grant only.
  await authorize(actor, "access.read", { type: "access-campaign", id: reference, memberIds: [] });
  const campaign = await db().accessReviewCampaign.findUnique({ where: { reference } });
  if (!campaign) throw new AppError("NOT_FOUND", "There is no campaign with this reference.");
  const names = await displayNames([campaign.signedOffById]);
  const register = campaignReportRegister(db(), { ...campaign, signedOffByName: campaign.signedOffById ? (names.get(campaign.signedOffById) ?? null) : null });
  const body = await campaignReportBytes(register, format);
  const count = await db().accessReviewItem.count({ where: { campaignId: campaign.id } });
  await withTransaction((tx) =>
    recordAuditEvent(tx, exportEvent({ actor, record: "access.campaign-report", verb: "downloaded", target: { type: "access-campaign", id: campaign.id }, recordCount: count, details: { reference, format }, context })),
  );
  return { fileName: `${campaign.reference}-access-review.${format}`, body };
}

export async function campaignReportBytes(register: ReturnType<typeof campaignReportRegister>, format: "pdf" | "csv"): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = format === "pdf" ? registerPdf(register) : Readable.from(registerCsv(register));
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
