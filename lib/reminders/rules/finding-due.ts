import "server-only";
import type { Db } from "@/lib/db/client";
import { utcDay } from "@/lib/findings/due-rules";
import { activeUserIdsWithRole } from "../recipients";
import type { TDueReminder, TReminderRule } from "../types";
import { FINDING_DUE_RULE, findingDueReminder } from "./finding-due.pure";

export const findingDueRule: TReminderRule = {
  name: FINDING_DUE_RULE,
  async collect(database: Db, now: Date): Promise<TDueReminder[]> {
    // Open findings due within a week or already overdue: the ("status", "dueDate") index.
    const findings = await database.auditFinding.findMany({
      where: { status: "open", dueDate: { lte: utcDay(now, 7) } },
      select: { id: true, reference: true, title: true, controlId: true, ownerId: true, dueDate: true, status: true },
      orderBy: { dueDate: "asc" },
    });
    if (findings.length === 0) return [];
    const leads = await activeUserIdsWithRole(database, "security_lead");
    return findings.flatMap((finding) => {
      const reminder = findingDueReminder(finding, now, leads);
      return reminder ? [reminder] : [];
    });
  },
};
