import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db/client";
import { prismaAuditReader, verifyAuditLog, type TVerification } from "./verify-audit-log";

/** The verification screen's full check of the chain, on demand. Needs audit.read. */
export async function verifyAuditLogNow(actor: Actor): Promise<TVerification> {
  await authorize(actor, "audit.read");
  return verifyAuditLog(prismaAuditReader(db()));
}
