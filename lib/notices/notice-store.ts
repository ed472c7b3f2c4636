import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AmazonNoticeChannel } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import { isOnTime } from "./notice-rules";
import type { TNoticeSubject, TNoticeTarget, TStoredNotice } from "./types";

/**
 * Sets the subject's verdict (notified at, on time) when no notice was given before. The null
 * check in the WHERE keeps the first verdict even against a concurrent notice. True when this
 * notice set it.
 */
export async function giveVerdict(tx: Tx, subject: TNoticeSubject, givenAt: Date, onTime: boolean): Promise<boolean> {
  const verdict = { amazonNotifiedAt: givenAt, amazonNoticeOnTime: onTime };
  const updated =
    "incidentId" in subject
      ? await tx.incident.updateMany({ where: { id: subject.incidentId, amazonNotifiedAt: null }, data: verdict })
      : await tx.legalRequest.updateMany({ where: { id: subject.legalRequestId, amazonNotifiedAt: null }, data: verdict });
  return updated.count > 0;
}

/** Keeps a notice sent through Vigil: "sending", no verdict until the mail server accepts it. */
export async function storeSendingNotice(
  tx: Tx,
  target: TNoticeTarget,
  notice: { toAddress: string; title: string; body: string; sentAt: Date; sender: string; recordedById: string; outboxEmailId: string },
): Promise<TStoredNotice> {
  const id = newId("ntc");
  await tx.amazonNotice.create({
    data: {
      id,
      ...target.subject,
      status: "sending",
      channel: "vigil_mail",
      toAddress: notice.toAddress,
      subject: notice.title,
      body: notice.body,
      sentAt: notice.sentAt,
      sender: notice.sender,
      dueAt: target.dueAt,
      onTime: null,
      recordedById: notice.recordedById,
      outboxEmailId: notice.outboxEmailId,
    },
  });
  return { id, state: "sending", onTime: null, first: target.alreadyNotifiedAt === null };
}

/**
 * Keeps a notice given another way (what, when, how, to whom, a copy) and, for the first notice
 * given, the verdict on time or late for good. Follow-up notices are kept but never change it.
 */
export async function storeGivenNotice(
  tx: Tx,
  target: TNoticeTarget,
  notice: { channel: Exclude<AmazonNoticeChannel, "vigil_mail">; toAddress: string; title: string; body: string; evidenceReference: string | null; sentAt: Date; sender: string; recordedById: string },
): Promise<TStoredNotice> {
  const id = newId("ntc");
  const onTime = isOnTime(notice.sentAt, target.dueAt);
  await tx.amazonNotice.create({
    data: {
      id,
      ...target.subject,
      status: "recorded",
      channel: notice.channel,
      toAddress: notice.toAddress,
      subject: notice.title,
      body: notice.body,
      evidenceReference: notice.evidenceReference,
      sentAt: notice.sentAt,
      sender: notice.sender,
      dueAt: target.dueAt,
      onTime,
      recordedById: notice.recordedById,
    },
  });
  const first = target.alreadyNotifiedAt === null && (await giveVerdict(tx, target.subject, notice.sentAt, onTime));
  return { id, state: "recorded", onTime, first };
}
