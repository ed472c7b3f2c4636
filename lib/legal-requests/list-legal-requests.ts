import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { toLegalRequestRow } from "./legal-request-access";
import type { TLegalRequestRow } from "./types";

/** The latest 200 requests, newest first (only the open ones with `open`). */
export async function listLegalRequests(actor: Actor, options: { open?: boolean } = {}): Promise<TLegalRequestRow[]> {
  await authorize(actor, "legal-request.read");
  const rows = await db().legalRequest.findMany({
    where: options.open ? { closedAt: null } : {},
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  const now = clockNow();
  return rows.map((r) => toLegalRequestRow(r, now));
}
