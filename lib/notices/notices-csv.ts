import "server-only";
import { csvRows } from "@/lib/csv";
import type { Db } from "@/lib/db/client";
import type { AmazonNotice } from "@/lib/generated/prisma/client";
import { NOTICE_STATE_LABELS, withoutEmailAddresses, type TNoticeState } from "./notice-rules";
import { NOTICE_CHANNEL_LABELS } from "./types";

export const NOTICE_COLUMNS = [
  "About",
  "Reference",
  "Notice",
  "Channel",
  "State",
  "Sent or given at (UTC)",
  "Due (UTC)",
  "Accepted by the mail server at (UTC)",
  "Mail server reply",
  "Message-ID",
  "Delivery error",
  "On time",
  "Given by",
  "To",
  "Subject",
  "Copy kept at (evidence reference)",
  "Copy of what was given",
] as const;

const BATCH = 500;

type TNoticeCsvRow = AmazonNotice & { incident: { reference: string } | null; legalRequest: { reference: string } | null };
const yesNo = (value: boolean | null) => (value === null ? "" : value ? "yes" : "no");

/**
 * Every notice to Amazon (incidents and legal-process requests), oldest first, with its proof
 * of delivery: the state, when the mail server accepted it with its reply and the Message-ID,
 * or the record of a notice given another way (who, when, to whom, the copy). Email addresses
 * other than Amazon's are hidden, as for a reader without user.email.read. Read in batches.
 */
export async function* noticesCsv(database: Db, counted: (rows: number) => void = () => undefined): AsyncGenerator<string> {
  yield csvRows([NOTICE_COLUMNS]);
  let total = 0;
  let after: { sentAt: Date; id: string } | null = null;
  for (;;) {
    const rows: TNoticeCsvRow[] = await database.amazonNotice.findMany({
      where: after ? { OR: [{ sentAt: { gt: after.sentAt } }, { sentAt: after.sentAt, id: { gt: after.id } }] } : {},
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      take: BATCH,
      include: { incident: { select: { reference: true } }, legalRequest: { select: { reference: true } } },
    });
    if (rows.length === 0) break;
    total += rows.length;
    yield csvRows(
      rows.map((n) => {
        const hidden = (text: string) => withoutEmailAddresses(text, n.toAddress);
        return [
          n.incident ? "Incident" : "Legal-process request",
          n.incident?.reference ?? n.legalRequest?.reference ?? "",
          n.id,
          NOTICE_CHANNEL_LABELS[n.channel],
          NOTICE_STATE_LABELS[n.status as TNoticeState],
          n.sentAt,
          n.dueAt,
          n.acceptedAt,
          n.serverResponse ?? "",
          n.messageId ?? "",
          n.deliveryError ?? "",
          yesNo(n.onTime),
          hidden(n.sender),
          n.toAddress,
          hidden(n.subject),
          n.evidenceReference ?? "",
          hidden(n.body),
        ];
      }),
    );
    const last: TNoticeCsvRow = rows[rows.length - 1]!;
    after = { sentAt: last.sentAt, id: last.id };
    if (rows.length < BATCH) break;
  }
  counted(total);
}
