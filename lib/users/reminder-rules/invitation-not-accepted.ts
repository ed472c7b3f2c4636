import "server-only";
import type { Db } from "@/lib/db/client";
import { activeUserIdsWithRole } from "@/lib/reminders";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { invitationReminder, INVITATION_REMINDER_AFTER_MS } from "./invitation-not-accepted.pure";

export const invitationNotAcceptedRule: TReminderRule = {
  name: "invitation.not-accepted",
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    const tokens = await database.oneTimeToken.findMany({
      where: {
        purpose: "invitation",
        usedAt: null,
        expiresAt: { gt: now },
        createdAt: { lte: new Date(now.getTime() - INVITATION_REMINDER_AFTER_MS) },
        user: { status: "invited" },
      },
      select: { id: true, userId: true, createdById: true, createdAt: true, expiresAt: true, usedAt: true, user: { select: { status: true, invitedById: true } } },
    });
    if (tokens.length === 0) return [];
    const admins = await activeUserIdsWithRole(database, "admin");
    return tokens.flatMap((t) => {
      const reminder = invitationReminder(
        {
          tokenId: t.id,
          userId: t.userId,
          userStatus: t.user?.status ?? null,
          createdAt: t.createdAt,
          expiresAt: t.expiresAt,
          usedAt: t.usedAt,
          inviterId: t.createdById ?? t.user?.invitedById ?? null,
        },
        now,
        admins,
      );
      return reminder ? [reminder] : [];
    });
  },
};
