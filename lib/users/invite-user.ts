import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordAuditEvent, type TRequestContext } from "@/lib/audit-log/record-audit-event";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { enqueueEmail } from "@/lib/mail";
import { createEnrolmentLink } from "./enrolment-link";
import { alarmOnRoleGrant } from "./role-grant-alarm";
import { ZInviteUser, type TInviteUser } from "./schemas";
import { checkRoles } from "./user-rules";

/**
 * Invites a person: an invited account and a one-time link (72 hours) with which they set a
 * password and enrol MFA. The link is emailed to the invitee (queued in this transaction) and
 * returned to be shown once to the admin, for when mail is not configured.
 */
export async function inviteUser(actor: Actor, input: unknown, context: TRequestContext = {}): Promise<{ userId: string; link: string; expiresAt: Date }> {
  await authorize(actor, "user.manage");
  const data = ZInviteUser.parse(input);
  const at = now();
  checkRoles(data.roles, data.accessEndsAt, at);
  return withTransaction((tx) => inviteUserInTransaction(tx, actor, data, at, context));
}

/**
 * The invitation itself, in the caller's transaction, for a caller that has already checked its
 * own permission: an audit engagement invites its auditors (auditor role only) with the
 * engagement, so both commit or neither does.
 */
export async function inviteUserInTransaction(
  tx: Tx,
  actor: Actor,
  data: TInviteUser,
  at: Date,
  context: TRequestContext = {},
): Promise<{ userId: string; link: string; expiresAt: Date }> {
  checkRoles(data.roles, data.accessEndsAt, at);
  if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "Check the highlighted fields.", { fieldErrors: { email: "An account with this email already exists." } });
  }
  const userId = newId("usr");
  await tx.user.create({
    data: {
      id: userId,
      email: data.email,
      displayName: data.displayName,
      roles: data.roles,
      status: "invited",
      accessEndsAt: data.accessEndsAt,
      invitedById: actor.kind === "user" ? actor.userId : null,
      createdAt: at,
    },
  });
  const { link, expiresAt } = await createEnrolmentLink(tx, { userId, createdById: actor.kind === "user" ? actor.userId : null, at, baseUrl: env().baseUrl });
  await enqueueEmail(tx, { template: "invitation", toUserId: userId, content: invitationContent(link, expiresAt) }, at);
  await alarmOnRoleGrant(tx, actor, { userId, from: [], to: data.roles, at });
  await recordAuditEvent(tx, {
    actor,
    action: "user.invited",
    target: { type: "user", id: userId },
    details: { roles: data.roles, accessEndsAt: data.accessEndsAt?.toISOString() ?? null },
    context,
  });
  return { userId, link, expiresAt };
}

/** A new enrolment link for an existing account (after an MFA reset or an expired invitation). */
export async function issueEnrolmentLink(tx: Parameters<Parameters<typeof withTransaction>[0]>[0], actor: Actor, userId: string, at: Date): Promise<string> {
  const { link, expiresAt } = await createEnrolmentLink(tx, { userId, createdById: actor.kind === "user" ? actor.userId : null, at, baseUrl: env().baseUrl });
  await enqueueEmail(tx, { template: "enrolment", toUserId: userId, content: invitationContent(link, expiresAt) }, at);
  return link;
}

function invitationContent(link: string, expiresAt: Date) {
  return {
    subject: "Your Vigil account: set your password and two-step sign-in",
    heading: "Set up your Vigil account",
    lines: [
      "An administrator gave you access to Vigil, where your security team tracks incidents, evidence and compliance with Amazon's Data Protection Policy.",
      `Open the link below to choose a password and set up two-step sign-in. It works once and expires ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    ],
    link,
    linkLabel: "Set up my account",
  };
}
