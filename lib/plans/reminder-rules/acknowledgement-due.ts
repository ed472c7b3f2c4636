import "server-only";
import type { Db } from "@/lib/db/client";
import type { TDueReminder, TReminderRule } from "@/lib/reminders/types";
import { pendingAcknowledgements } from "../acknowledgement-access";
import { ACKNOWLEDGEMENT_RULE, acknowledgementReminder } from "./acknowledgement-due.pure";

export const acknowledgementRule: TReminderRule = {
  name: ACKNOWLEDGEMENT_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    const pending = await pendingAcknowledgements(database, { approvedBefore: now });
    return pending.map((p) => acknowledgementReminder({ versionId: p.versionId, reference: p.reference, title: p.title, number: p.number, approvedAt: p.approvedAt, userId: p.userId }, now));
  },
};
