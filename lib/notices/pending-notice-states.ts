import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { pendingNoticeState, type TNoticeState } from "./notice-rules";

/**
 * For incidents or legal-process requests not yet notified: the worst state of their notices
 * sent through Vigil and not yet given ("failed", "held", "sending"), by subject id. One query
 * over the subjects' notices; subjects without such a notice are left out.
 */
export async function pendingNoticeStates(database: Db | Tx, kind: "incident" | "legal-request", ids: readonly string[]): Promise<Map<string, "sending" | "held" | "failed">> {
  const result = new Map<string, "sending" | "held" | "failed">();
  if (ids.length === 0) return result;
  const where = kind === "incident" ? { incidentId: { in: [...ids] } } : { legalRequestId: { in: [...ids] } };
  const notices = await database.amazonNotice.findMany({
    where: { ...where, status: { in: ["sending", "held", "failed"] } },
    select: { incidentId: true, legalRequestId: true, status: true },
  });
  const bySubject = new Map<string, TNoticeState[]>();
  for (const n of notices) {
    const id = (kind === "incident" ? n.incidentId : n.legalRequestId)!;
    bySubject.set(id, [...(bySubject.get(id) ?? []), n.status as TNoticeState]);
  }
  for (const [id, states] of bySubject) {
    const state = pendingNoticeState(states);
    if (state) result.set(id, state);
  }
  return result;
}
