import type { TDueReminder } from "@/lib/reminders/types";

export const INVITATION_REMINDER_AFTER_MS = 3 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TInvitationState {
  tokenId: string;
  userId: string | null;
  userStatus: string | null;
  inviterId: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

/** An invitation still open 3 days after it was sent: remind the inviter and the admins once. */
export function invitationReminder(invite: TInvitationState, now: Date, adminIds: readonly string[]): TDueReminder | null {
  if (invite.userStatus !== "invited" || invite.usedAt) return null;
  if (invite.expiresAt.getTime() <= now.getTime()) return null;
  if (now.getTime() - invite.createdAt.getTime() < INVITATION_REMINDER_AFTER_MS) return null;
  const recipients = [...new Set([invite.inviterId, ...adminIds].filter((id): id is string => Boolean(id)))];
  if (recipients.length === 0) return null;
  const expiresInMs = invite.expiresAt.getTime() - now.getTime();
  return {
    key: `invitation.not-accepted:${invite.tokenId}:3d`,
    recipientUserIds: recipients,
    urgent: expiresInMs <= DAY_MS,
    subject: "An invitation to Vigil has not been accepted after 3 days",
    lines: [
      "A person you invited to Vigil has not accepted the invitation after 3 days.",
      `The invitation link expires on ${invite.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Send a new invitation if the person still needs access, or withdraw it.`,
    ],
    link: invite.userId ? `/settings/users/${invite.userId}` : "/settings/users",
  };
}
