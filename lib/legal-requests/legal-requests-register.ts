import "server-only";
import { pagedRows } from "@/lib/core/register-report/register-rows";
import type { TRegister } from "@/lib/core/register-report/types";
import type { Db } from "@/lib/db/client";
import type { LegalRequest } from "@/lib/generated/prisma/client";
import { CLOCK_LABELS } from "@/lib/incidents/types";
import { withoutEmailAddresses } from "@/lib/notices/types";
import { toLegalRequestRow } from "./legal-request-access";

const BATCH = 500;
const yesNo = (value: boolean | null) => (value === null ? "" : value ? "Yes" : "No");

/**
 * Every legal-process request, oldest first, for the audit pack: what was sought, by whom, the
 * 24-hour clock, whether Amazon was notified on time, and how many notices were recorded (the
 * notices themselves, with their proof of delivery, are in the pack's amazon-notices.csv). Read in
 * batches, outside any transaction.
 */
export function legalRequestsRegister(database: Db, at: Date, options: { showEmails: boolean }): TRegister<LegalRequest & { noticeCount: number }> {
  const hide = (text: string) => (options.showEmails ? text : withoutEmailAddresses(text, ""));
  return {
    title: "Legal-process requests",
    subtitle: `As of ${at.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    columns: [
      { label: "Reference", value: (r) => r.reference },
      { label: "Received (UTC)", value: (r) => r.receivedAt },
      { label: "Requesting party", value: (r) => hide(r.requestingParty) },
      { label: "Data sought", value: (r) => hide(r.dataSought) },
      { label: "Description", value: (r) => hide(r.description) },
      { label: "Amazon notice due (UTC)", value: (r) => r.notificationDueAt },
      { label: "Amazon notified at (UTC)", value: (r) => r.amazonNotifiedAt },
      { label: "Notified on time", value: (r) => r.amazonNoticeOnTime, format: (v) => yesNo(v as boolean | null) },
      { label: "Amazon clock", value: (r) => CLOCK_LABELS[toLegalRequestRow(r, at).clock] },
      { label: "Notices recorded", value: (r) => r.noticeCount },
      { label: "Closed at (UTC)", value: (r) => r.closedAt },
    ],
    rows: pagedRows(
      BATCH,
      async (after: { receivedAt: Date; id: string } | null, take) => {
        const rows = await database.legalRequest.findMany({
          where: after ? { OR: [{ receivedAt: { gt: after.receivedAt } }, { receivedAt: after.receivedAt, id: { gt: after.id } }] } : {},
          orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
          take,
          include: { _count: { select: { notices: true } } },
        });
        return rows.map(({ _count, ...r }) => ({ ...r, noticeCount: _count.notices }));
      },
      (r) => ({ receivedAt: r.receivedAt, id: r.id }),
    ),
  };
}
