import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import type { AlarmStatus } from "@/lib/generated/prisma/enums";

export interface TAlarmView {
  id: string;
  rule: string;
  title: string;
  subjectKey: string;
  source: string;
  status: AlarmStatus;
  count: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  incidentId: string | null;
  details: unknown;
}

/** Alarms, most recent first; "active" means open or acknowledged. Needs "alarm.read". */
export async function listAlarms(actor: Actor, filter: { status?: AlarmStatus | "active"; limit?: number } = {}): Promise<TAlarmView[]> {
  await authorize(actor, "alarm.read");
  const status = filter.status === "active" ? { in: ["open", "acknowledged"] as AlarmStatus[] } : filter.status;
  const rows = await db().alarm.findMany({
    where: status ? { status } : {},
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(filter.limit ?? 50, 1), 200),
  });
  return rows.map((r) => ({
    id: r.id,
    rule: r.rule,
    title: r.title,
    subjectKey: r.subjectKey,
    source: r.source,
    status: r.status,
    count: r.count,
    firstSeenAt: r.firstSeenAt,
    lastSeenAt: r.lastSeenAt,
    incidentId: r.incidentId,
    details: r.details,
  }));
}
