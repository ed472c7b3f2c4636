import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can, type Role } from "@/lib/auth/policy";
import type { TTaskSubject } from "@/lib/core/tasks/task-subject";
import { validationError } from "@/lib/core/field-errors";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ControlActivity } from "@/lib/generated/prisma/client";

export function activityTarget(activity: { id: string }) {
  return { type: "control-activity", id: activity.id };
}

/** The activity with this reference, row-locked until the transaction ends, once the actor may record it. */
export async function lockActivityToRecord(tx: Tx, actor: Actor, reference: string): Promise<ControlActivity> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ControlActivity" WHERE "reference" = ${reference} FOR UPDATE`;
  const activity = locked[0] ? await tx.controlActivity.findUnique({ where: { id: locked[0].id } }) : null;
  if (!activity) throw new AppError("NOT_FOUND", "There is no control activity with this reference.");
  await authorize(actor, "policy.write", activityTarget(activity));
  return activity;
}

/** An activity's owner carries it out and records it: an active person who may record activities. */
export async function assertEligibleActivityOwner(tx: Tx, ownerId: string): Promise<void> {
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { id: true, status: true, roles: true } });
  if (!owner || owner.status !== "active") throw validationError({ ownerId: "Choose a person with an active account." });
  if (!can({ kind: "user", userId: owner.id, roles: owner.roles as Role[] }, "policy.write")) {
    throw validationError({ ownerId: "Choose a security lead or privacy officer: they record the activity." });
  }
}

/** The activity as the subject of its follow-up tasks (tabletop exercises). */
export function activityTaskSubject(activity: { id: string; reference: string }): TTaskSubject {
  return { type: "control-activity", id: activity.id, reference: activity.reference, link: `/plans/activities/${activity.reference}`, permission: "policy.write", readPermission: "policy.read" };
}
