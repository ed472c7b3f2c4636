import "server-only";
import { pagedRows } from "@/lib/core/register-report/register-rows";
import type { TRegister } from "@/lib/core/register-report/types";
import type { Db } from "@/lib/db/client";
import type { LegalRequest } from "@/lib/generated/prisma/client";
import { CLOCK_LABELS } from "@/lib/incidents/types";
import { NOTICE_CHANNEL_LABELS, withoutEmailAddresses } from "@/lib/notices/types";
import { toLegalRequestRow } from "./legal-request-access";

const BATCH = 500;
const yesNo = (value: boolean | null) => (value === null ? "" : value ? "Yes" : "No");

/**
 * Every legal-process request, oldest first, for the audit pack: what was sought, by whom, the
 * 24-hour clock, whether Amazon was notified on time, and how many notices were recorded (the
 * notices themselves are in `legalRequestNoticesRegister`). Read in batches, outside any transaction.
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

type TNoticeWithRequest = { id: string; sentAt: Date; status: string; channel: keyof typeof NOTICE_CHANNEL_LABELS; toAddress: string; subject: string; body: string; sender: string; dueAt: Date; onTime: boolean; legalRequest: { reference: string } | null };

/**
 * Every notice to Amazon about a legal-process request, with its copy: as on the request's page,
 * email addresses other than Amazon's hidden from readers without user.email.read.
 */
export function legalRequestNoticesRegister(database: Db, options: { showEmails: boolean }): TRegister<TNoticeWithRequest> {
  const shown = (text: string, kept: string) => (options.showEmails ? text : withoutEmailAddresses(text, kept));
  return {
    title: "Notices to Amazon about legal-process requests",
    columns: [
      { label: "Request", value: (n) => n.legalRequest?.reference ?? "" },
      { label: "Sent at (UTC)", value: (n) => n.sentAt },
      { label: "Due (UTC)", value: (n) => n.dueAt },
      { label: "On time", value: (n) => n.onTime },
      { label: "Status", value: (n) => n.status },
      { label: "Channel", value: (n) => NOTICE_CHANNEL_LABELS[n.channel] },
      { label: "To", value: (n) => n.toAddress },
      { label: "Sent by", value: (n) => shown(n.sender, n.toAddress) },
      { label: "Subject", value: (n) => shown(n.subject, n.toAddress) },
      { label: "Copy of the notice", value: (n) => shown(n.body, n.toAddress) },
    ],
    rows: pagedRows(
      BATCH,
      (after: { sentAt: Date; id: string } | null, take) =>
        database.amazonNotice.findMany({
          where: { legalRequestId: { not: null }, ...(after ? { OR: [{ sentAt: { gt: after.sentAt } }, { sentAt: after.sentAt, id: { gt: after.id } }] } : {}) },
          orderBy: [{ sentAt: "asc" }, { id: "asc" }],
          take,
          select: { id: true, sentAt: true, status: true, channel: true, toAddress: true, subject: true, body: true, sender: true, dueAt: true, onTime: true, legalRequest: { select: { reference: true } } },
        }),
      (n) => ({ sentAt: n.sentAt, id: n.id }),
    ),
  };
}
