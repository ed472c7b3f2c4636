import type { Actor } from "@/lib/auth/actor";
import type { TAuditEventInput } from "@/lib/audit-log/record-audit-event";
import type { AmazonNoticeChannel } from "@/lib/generated/prisma/enums";
import type { TStoredNotice } from "./types";

/** The audit event of a notice sent or recorded: ids, channel, state and verdict, never its text. */
export function noticeAuditEvent(
  actor: Actor,
  action: string,
  target: { type: string; id: string },
  stored: TStoredNotice & { cancelledNoticeIds?: string[]; cancelledEmailIds?: string[] },
  channel: AmazonNoticeChannel,
): TAuditEventInput {
  return {
    actor,
    action,
    target,
    details: {
      noticeId: stored.id,
      channel,
      state: stored.state,
      onTime: stored.onTime,
      first: stored.first,
      ...(stored.cancelledNoticeIds?.length ? { cancelledNoticeIds: stored.cancelledNoticeIds, cancelledEmailIds: stored.cancelledEmailIds ?? [] } : {}),
    },
  };
}
