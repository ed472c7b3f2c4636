import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { userTimeZone } from "@/lib/incidents";
import { amazonNoticeAddress, listNotices, noticeContact, noticeMailConfigured } from "@/lib/notices";
import { findLegalRequest, toLegalRequestRow } from "./legal-request-access";
import { draftLegalRequestNotice } from "./legal-request-rules";
import type { TLegalRequestDetail } from "./types";

/** A request with its notices and, for those who may send it, the drafted notice. */
export async function getLegalRequest(actor: Actor, idOrReference: string): Promise<TLegalRequestDetail> {
  await authorize(actor, "legal-request.read");
  return withTransaction(async (tx) => {
    const request = await findLegalRequest(tx, idOrReference);
    const canManage = can(actor, "legal-request.manage");
    const notices = await listNotices(tx, { legalRequestId: request.id }, actor);
    const timeZone = await userTimeZone(tx, actor);
    const draft = canManage
      ? {
          toAddress: await amazonNoticeAddress(tx),
          ...draftLegalRequestNotice(
            { reference: request.reference, receivedAt: request.receivedAt, requestingParty: request.requestingParty, dataSought: request.dataSought, contact: await noticeContact(tx, actor, null) },
            timeZone,
          ),
          mailHeld: !noticeMailConfigured(),
        }
      : null;
    return { ...toLegalRequestRow(request, clockNow()), notices, draft, timeZone, canManage };
  });
}
