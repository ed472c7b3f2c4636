import "server-only";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { checkNewPassword, confirmPassword, enrolMfa, storePassword } from "./credentials";
import { hashOneTimeToken } from "./one-time-token";
import { ZAcceptInvitation } from "./schemas";

const INVALID_LINK = "This link is not valid: it has expired or was already used. Ask your Vigil administrator for a new one.";

export interface TInvitationView {
  email: string;
  displayName: string;
  /** A user whose MFA was reset keeps the password: they confirm it instead of choosing one. */
  hasPassword: boolean;
}

async function findUsable(tx: Tx, token: string, at: Date, lock: boolean) {
  const tokenHash = hashOneTimeToken(token);
  if (lock) await tx.$queryRaw`SELECT "id" FROM "OneTimeToken" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
  const row = await tx.oneTimeToken.findUnique({ where: { tokenHash }, include: { user: true } });
  if (!row || row.purpose !== "invitation" || row.usedAt || row.expiresAt <= at || !row.user) return null;
  if (row.user.status === "deactivated") return null;
  return row;
}

export async function getInvitation(token: string | undefined): Promise<TInvitationView | null> {
  if (!token) return null;
  const row = await withTransaction((tx) => findUsable(tx, token, now(), false));
  if (!row?.user) return null;
  return { email: row.user.email, displayName: row.user.displayName, hasPassword: !!row.user.passwordHash };
}

/** The invitee sets a password (or confirms it after an MFA reset) and enrols MFA; the link is spent. */
export async function acceptInvitation(input: unknown, context: TRequestContext = {}): Promise<{ userId: string; recoveryCodes: string[] }> {
  const data = ZAcceptInvitation.parse(input);
  const at = now();
  return withTransaction(async (tx) => {
    const row = await findUsable(tx, data.token, at, true);
    if (!row?.user) throw new AppError("INVALID_STATE", INVALID_LINK);
    const user = row.user;
    let recoveryCodes: string[];
    if (user.passwordHash) {
      // The new device first: its code is no secret, so refusing it says nothing about the password.
      recoveryCodes = await enrolMfa(tx, user.id, data.totpSecret, data.code, at);
      await confirmPassword(tx, user, data.password, at, context);
    } else {
      await storePassword(tx, user.id, await checkNewPassword(tx, user.id, user.email, data.password), at);
      recoveryCodes = await enrolMfa(tx, user.id, data.totpSecret, data.code, at);
    }
    await tx.user.update({
      where: { id: user.id },
      data: { status: user.status === "invited" ? "active" : user.status, sessionVersion: { increment: 1 } },
    });
    await tx.oneTimeToken.update({ where: { id: row.id }, data: { usedAt: at } });
    await recordAuditEvent(tx, {
      actor: { kind: "user", userId: user.id, roles: user.roles },
      action: user.passwordHash ? "user.mfa-enrolled" : "user.invitation-accepted",
      target: { type: "user", id: user.id },
      context,
    });
    return { userId: user.id, recoveryCodes };
  });
}
