import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";

/** Registered alarm sources, newest first (never their secrets). Needs "alarm.read". */
export async function listAlarmSources(actor: Actor) {
  await authorize(actor, "alarm.read");
  return db().alarmSource.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, enabled: true, createdAt: true, lastUsedAt: true },
  });
}
