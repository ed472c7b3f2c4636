import "server-only";
import { systemActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { checkNewPassword, enrolMfa, storePassword } from "./credentials";
import { hashOneTimeToken } from "./one-time-token";
import { alarmOnRoleGrant } from "./role-grant-alarm";
import { ZSetup } from "./schemas";

const INVALID_LINK = "This setup link is not valid: it has expired, was already used, or Vigil already has users. Restart Vigil (npm start) to get a new link while no user exists.";

/** Is this a usable setup link? (For the page: explain rather than show a form that will fail.) */
export async function isSetupTokenValid(token: string | undefined): Promise<boolean> {
  if (!token) return false;
  return withTransaction(async (tx) => {
    const row = await tx.oneTimeToken.findUnique({ where: { tokenHash: hashOneTimeToken(token) } });
    if (!row || row.purpose !== "setup" || row.usedAt || row.expiresAt <= now()) return false;
    return (await tx.user.count()) === 0;
  });
}

/**
 * Creates the first administrator from the one-time setup link: password and MFA in one step.
 * For a one-person team they may also take the security lead role, which raises the alarm of
 * any such grant.
 */
export async function completeSetup(input: unknown, context: TRequestContext = {}): Promise<{ userId: string; recoveryCodes: string[] }> {
  const data = ZSetup.parse(input);
  const at = now();
  return withTransaction(async (tx) => {
    // Locks the token row: two submissions of one link cannot both create an administrator.
    const rows = await tx.$queryRaw<{ id: string; purpose: string; usedAt: Date | null; expiresAt: Date }[]>`
      SELECT "id", "purpose", "usedAt", "expiresAt" FROM "OneTimeToken" WHERE "tokenHash" = ${hashOneTimeToken(data.token)} FOR UPDATE`;
    const row = rows[0];
    if (!row || row.purpose !== "setup" || row.usedAt || row.expiresAt <= at || (await tx.user.count()) > 0) {
      throw new AppError("INVALID_STATE", INVALID_LINK);
    }
    const passwordHash = await checkNewPassword(tx, null, data.email, data.password);
    const userId = newId("usr");
    const roles: Role[] = data.securityLead ? ["admin", "security_lead"] : ["admin"];
    await tx.user.create({
      data: { id: userId, email: data.email, displayName: data.displayName, roles, status: "active", createdAt: at },
    });
    await storePassword(tx, userId, passwordHash, at);
    const recoveryCodes = await enrolMfa(tx, userId, data.totpSecret, data.code, at);
    await tx.oneTimeToken.update({ where: { id: row.id }, data: { usedAt: at, userId } });
    const actor = systemActor("setup");
    await alarmOnRoleGrant(tx, actor, { userId, from: [], to: roles, at });
    await recordAuditEvent(tx, {
      actor,
      action: "user.setup-completed",
      target: { type: "user", id: userId },
      details: { roles },
      context,
    });
    return { userId, recoveryCodes };
  });
}
