import "server-only";
import { actorId, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import type { AmazonNoticeChannel, AmazonNoticeStatus } from "@/lib/generated/prisma/enums";
import { isOnTime } from "./clock-rules";
import { queueNoticeEmail } from "./notice-mail";
import { AMAZON_NOTICE_ADDRESS_SETTING, DEFAULT_AMAZON_NOTICE_ADDRESS } from "./notice-rules";

/** The address notices go to: the organisation setting, or Amazon's published default. */
export async function amazonNoticeAddress(tx: Tx): Promise<string> {
  const setting = await tx.setting.findUnique({ where: { key: AMAZON_NOTICE_ADDRESS_SETTING } });
  return typeof setting?.value === "string" && setting.value.includes("@") ? setting.value : DEFAULT_AMAZON_NOTICE_ADDRESS;
}

/** "Name <email>" of the commander, else of the person acting: who Amazon should call back. */
export async function noticeContact(tx: Tx, actor: Actor, commanderId: string | null): Promise<string> {
  const id = commanderId ?? (actor.kind === "user" ? actor.userId : null);
  const user = id ? await tx.user.findUnique({ where: { id }, select: { displayName: true, email: true } }) : null;
  return user ? `${user.displayName} <${user.email}>` : "The security team";
}

export interface TStoredNotice {
  id: string;
  onTime: boolean;
  first: boolean;
}

/**
 * Keeps the notice (what, when, how, to whom) and, for the first notice, the verdict on time
 * or late for good. Follow-up notices are kept but never change the verdict.
 */
export async function storeNotice(
  tx: Tx,
  notice: {
    subject: { incidentId: string } | { legalRequestId: string };
    status: AmazonNoticeStatus;
    channel: AmazonNoticeChannel;
    toAddress: string;
    title: string;
    body: string;
    sentAt: Date;
    sender: string;
    dueAt: Date;
    alreadyNotifiedAt: Date | null;
    recordedById: string;
  },
): Promise<TStoredNotice> {
  const id = newId("ntc");
  const onTime = isOnTime(notice.sentAt, notice.dueAt);
  await tx.amazonNotice.create({
    data: {
      id,
      ...notice.subject,
      status: notice.status,
      channel: notice.channel,
      toAddress: notice.toAddress,
      subject: notice.title,
      body: notice.body,
      sentAt: notice.sentAt,
      sender: notice.sender,
      dueAt: notice.dueAt,
      onTime,
      recordedById: notice.recordedById,
    },
  });
  const first = notice.alreadyNotifiedAt === null;
  if (first) {
    const verdict = { amazonNotifiedAt: notice.sentAt, amazonNoticeOnTime: onTime };
    // The null check in the WHERE keeps the first verdict even against a concurrent notice.
    if ("incidentId" in notice.subject) {
      await tx.incident.updateMany({ where: { id: notice.subject.incidentId, amazonNotifiedAt: null }, data: verdict });
    } else {
      await tx.legalRequest.updateMany({ where: { id: notice.subject.legalRequestId, amazonNotifiedAt: null }, data: verdict });
    }
  }
  return { id, onTime, first };
}

/** What a notice is about: an incident or a legal-process request, with its clock. */
export interface TNoticeTarget {
  subject: { incidentId: string } | { legalRequestId: string };
  dueAt: Date;
  alreadyNotifiedAt: Date | null;
}

/** A notice that went to Amazon another way (email client, phone, portal), kept with its verdict. */
export async function storeRecordedNotice(
  tx: Tx,
  actor: Actor,
  target: TNoticeTarget,
  data: { channel: AmazonNoticeChannel; toAddress?: string; subject: string; body: string; sender: string },
  sentAt: Date,
): Promise<TStoredNotice> {
  return storeNotice(tx, {
    ...target,
    status: "recorded",
    channel: data.channel,
    toAddress: data.toAddress || (await amazonNoticeAddress(tx)),
    title: data.subject,
    body: data.body,
    sentAt,
    sender: data.sender,
    recordedById: actorId(actor),
  });
}

/**
 * A notice sent through Vigil's mail: stored and queued in the caller's transaction. The time of
 * queueing is the time notified: from then on delivery is Vigil's job, retried from the outbox.
 */
export async function storeSentNotice(tx: Tx, actor: Actor, target: TNoticeTarget, data: { toAddress: string; subject: string; body: string }, at: Date): Promise<TStoredNotice> {
  const sender = actor.kind === "user" ? ((await tx.user.findUnique({ where: { id: actor.userId }, select: { displayName: true } }))?.displayName ?? actor.userId) : "Vigil";
  const stored = await storeNotice(tx, {
    ...target,
    status: "queued",
    channel: "vigil_mail",
    toAddress: data.toAddress,
    title: data.subject,
    body: data.body,
    sentAt: at,
    sender,
    recordedById: actorId(actor),
  });
  await queueNoticeEmail(tx, { noticeId: stored.id, to: data.toAddress, subject: data.subject, text: data.body });
  return stored;
}
