import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import type { TCanaryView } from "./types";

/** Only those who manage canaries see which records are canaries. */
export async function listCanaries(actor: Actor): Promise<TCanaryView[]> {
  await authorize(actor, "canary.manage");
  const rows = await db().canaryMarker.findMany({ orderBy: { createdAt: "desc" }, take: 500 });
  return rows.map(({ id, targetType, targetId, note, createdAt }) => ({ id, targetType, targetId, note, createdAt }));
}
