import type { Actor } from "@/lib/auth/actor";
import type { TAuditEventInput } from "@/lib/audit-log/record-audit-event";
import type { AmazonNoticeChannel } from "@/lib/generated/prisma/enums";
import type { TStoredNotice } from "./types";

/** The audit event of a notice sent or recorded: ids, channel and verdict, never its text. */
export function noticeAuditEvent(actor: Actor, action: string, target: { type: string; id: string }, stored: TStoredNotice, channel: AmazonNoticeChannel): TAuditEventInput {
  return { actor, action, target, details: { noticeId: stored.id, channel, onTime: stored.onTime, first: stored.first } };
}
