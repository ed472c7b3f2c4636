// The one-time link with which a person sets a password and enrols MFA (token purpose
// "invitation", valid 72 hours, usable once), at /accept-invitation?token=… . Invitations, MFA
// resets and reactivations (invite-user.ts) and the demo seed (demo-people.ts) all issue it here.
// No "server-only": `npm run db:seed -- --demo` runs it from the command line.
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { INVITATION_TTL_MS, newOneTimeToken } from "./one-time-token";

export interface TEnrolmentLinkInput {
  userId: string;
  /** The person who issued it; null for Vigil itself (the demo seed). */
  createdById: string | null;
  at: Date;
  /** `env().baseUrl`: where the link points. */
  baseUrl: string;
}

/**
 * Stores a new enrolment token for the user (only its SHA-256) and returns the link to give
 * them. Their earlier unused enrolment links stop working: only the newest one is valid.
 */
export async function createEnrolmentLink(tx: Tx, input: TEnrolmentLinkInput): Promise<{ link: string; expiresAt: Date }> {
  const { userId, createdById, at, baseUrl } = input;
  await tx.oneTimeToken.updateMany({ where: { userId, purpose: "invitation", usedAt: null, expiresAt: { gt: at } }, data: { expiresAt: at } });
  const { token, tokenHash } = newOneTimeToken();
  const expiresAt = new Date(at.getTime() + INVITATION_TTL_MS);
  await tx.oneTimeToken.create({ data: { id: newId("ott"), purpose: "invitation", tokenHash, userId, createdById, createdAt: at, expiresAt } });
  return { link: `${baseUrl}/accept-invitation?token=${token}`, expiresAt };
}
