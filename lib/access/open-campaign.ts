import "server-only";
// Opening a quarterly access review: due 90 days after the previous one's due day (the first 90
// days after the module's first use), opened 14 days before by the sweep or earlier on demand.
// One campaign per period however many sweeps race: openers take turns on an advisory lock, and
// the due day is unique, so a second opener finds the first one's campaign and opens nothing.
import { systemActor, type Actor } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { nextReference } from "@/lib/core/references";
import type { Db, Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { formatDay } from "@/lib/findings/types";
import { newId } from "@/lib/ids";
import { markFirstUse, readFirstUse } from "./access-settings";
import { campaignOpensOn, isCampaignOpenable, nextDueOnFrom } from "./campaign-rules";
import { refreshFlags } from "./refresh-flags";
import { syncVigilAccounts } from "./vigil-system";

async function lockCampaigns(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('access:campaign-open'))`;
}

/** The due day of the next campaign to open, or null before the module's first use. */
export async function nextDueOn(database: Db | Tx): Promise<Date | null> {
  const last = await database.accessReviewCampaign.findFirst({ orderBy: { dueOn: "desc" }, select: { dueOn: true } });
  return nextDueOnFrom(last?.dueOn ?? null, last ? null : await readFirstUse(database));
}

/** Snapshots every active account of every system in scope, with each system's owner as its reviewer. */
async function createCampaign(tx: Tx, actor: Actor, dueOn: Date, at: Date): Promise<{ id: string; reference: string }> {
  await syncVigilAccounts(tx, at);
  await refreshFlags(tx, {}, at);
  const id = newId("acr");
  const reference = await nextReference(tx, "ACR", at);
  const inserted = await tx.$executeRaw`
    INSERT INTO "AccessReviewCampaign" ("id", "reference", "dueOn", "opensOn", "status", "openedAt", "openedById", "createdAt")
    VALUES (${id}, ${reference}, ${dueOn}::date, ${campaignOpensOn(dueOn)}::date, 'open', ${at}, ${actor.kind === "user" ? actor.userId : null}, ${at})
    ON CONFLICT ("dueOn") DO NOTHING`;
  if (inserted === 0) throw new AppError("CONFLICT", "The campaign of this period is already open.");
  const systems = await tx.asset.findMany({ where: { kind: "system", retiredAt: null }, select: { id: true, name: true, ownerId: true, owner: { select: { userId: true } } }, orderBy: { name: "asc" } });
  await tx.accessReviewSystem.createMany({
    data: systems.map((s) => ({ id: newId("ars"), campaignId: id, systemId: s.id, systemName: s.name, reviewerPersonId: s.ownerId, reviewerUserId: s.owner?.userId ?? null })),
  });
  const reviewerOf = new Map(systems.map((s) => [s.id, s.owner?.userId ?? null]));
  let accounts = 0;
  let after: string | null = null;
  for (;;) {
    const batch: { id: string; systemId: string; identifier: string; kind: "human" | "service"; personId: string | null; userId: string | null; privileges: string | null; lastUsedAt: Date | null; mfa: boolean | null; flags: string[]; person: { userId: string | null } | null }[] =
      await tx.accessAccount.findMany({
        where: { status: "active", systemId: { in: systems.map((s) => s.id) }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take: 1000,
        select: { id: true, systemId: true, identifier: true, kind: true, personId: true, userId: true, privileges: true, lastUsedAt: true, mfa: true, flags: true, person: { select: { userId: true } } },
      });
    await tx.accessReviewItem.createMany({
      data: batch.map((a) => ({
        id: newId("ari"),
        campaignId: id,
        accountId: a.id,
        systemId: a.systemId,
        reviewerUserId: reviewerOf.get(a.systemId) ?? null,
        identifier: a.identifier,
        kind: a.kind,
        personId: a.personId,
        holderUserId: a.userId ?? a.person?.userId ?? null,
        privileges: a.privileges,
        lastUsedAt: a.lastUsedAt,
        mfa: a.mfa,
        flags: a.flags,
      })),
    });
    accounts += batch.length;
    if (batch.length < 1000) break;
    after = batch[batch.length - 1]!.id;
  }
  await recordAuditEvent(tx, { actor, action: "access.campaign-opened", target: { type: "access-campaign", id }, details: { reference, dueOn: formatDay(dueOn), systems: systems.length, accounts } });
  return { id, reference };
}

/** The sweep's job: opens the period's campaign from 14 days before it is due, once. Returns its reference, or null. */
export async function openDueCampaign(now: Date): Promise<string | null> {
  return withTransaction(async (tx) => {
    await lockCampaigns(tx);
    if (await tx.accessReviewCampaign.count({ where: { status: "open" } })) return null;
    const dueOn = await nextDueOn(tx);
    if (!dueOn || !isCampaignOpenable(dueOn, now)) return null;
    if (await tx.accessReviewCampaign.count({ where: { dueOn } })) return null;
    return (await createCampaign(tx, systemActor("reminders"), dueOn, now)).reference;
  });
}

/** Opens the next campaign now, before its 14 days (a lead's choice); refused while one is open. */
export async function openCampaignNow(actor: Actor): Promise<{ reference: string }> {
  await authorize(actor, "access.manage");
  if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can open a campaign on demand." });
  const at = clockNow();
  return withTransaction(async (tx) => {
    await lockCampaigns(tx);
    if (await tx.accessReviewCampaign.count({ where: { status: "open" } })) throw new AppError("INVALID_STATE", "A campaign is already open: sign it off before opening the next.");
    await markFirstUse(tx, at);
    const dueOn = (await nextDueOn(tx))!;
    return { reference: (await createCampaign(tx, actor, dueOn, at)).reference };
  });
}
