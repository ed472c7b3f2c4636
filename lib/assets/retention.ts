import "server-only";
import { parseInput, validationError } from "@/lib/core/field-errors";
import { nextReference } from "@/lib/core/references";
import type { Actor } from "@/lib/auth/actor";
import { actorId } from "@/lib/auth/actor";
import { authorize, deny } from "@/lib/auth/authorize";
import { recordAuditEvent } from "@/lib/audit-log/record-audit-event";
import { now as clockNow } from "@/lib/clock";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { formatDay, parseCalendarDay, utcDay } from "@/lib/findings/types";
import { newId } from "@/lib/ids";
import { nextPurgeDue } from "./retention-rules";
import { ZPurgeAttest, ZRetentionRuleSet } from "./schemas";

const ruleTarget = (rule: { id: string }) => ({ type: "retention-rule", id: rule.id });

/**
 * Sets how long a data store keeps a category of data and how often it is purged: a new rule
 * (RET-<year>-nnnn), or the data store's rule for that category changed. The next purge falls due
 * from the last purge attested, or from today for a new rule.
 */
export async function setRetentionRule(actor: Actor, input: unknown): Promise<{ reference: string }> {
  await authorize(actor, "asset.manage");
  const data = parseInput(ZRetentionRuleSet, input);
  const at = clockNow();
  return withTransaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Asset" WHERE "reference" = ${data.assetReference} FOR UPDATE`;
    const asset = locked[0] ? await tx.asset.findUnique({ where: { id: locked[0].id }, select: { id: true, kind: true, retiredAt: true } }) : null;
    if (!asset || asset.retiredAt) throw validationError({ assetReference: "Choose a data store in use." });
    if (asset.kind !== "data_store") throw validationError({ assetReference: "Retention rules are set per data store: choose a data store." });
    const values = { keepDays: data.keepDays, basis: data.basis, legalReference: data.basis === "legal_requirement" ? data.legalReference : null, purgeEveryDays: data.purgeEveryDays };
    const existing = await tx.retentionRule.findUnique({ where: { assetId_category: { assetId: asset.id, category: data.category } } });
    if (existing) {
      const last = await tx.purgeAttestation.findFirst({ where: { ruleId: existing.id }, orderBy: { purgedOn: "desc" }, select: { purgedOn: true } });
      const nextPurgeDueOn = nextPurgeDue({ createdAt: existing.createdAt, purgeEveryDays: data.purgeEveryDays }, last?.purgedOn ?? null);
      const fields = Object.keys(values).filter((k) => values[k as keyof typeof values] !== existing[k as keyof typeof values]);
      if (!fields.length) return { reference: existing.reference };
      await tx.retentionRule.update({ where: { id: existing.id }, data: { ...values, nextPurgeDueOn } });
      await recordAuditEvent(tx, { actor, action: "asset.retention-changed", target: ruleTarget(existing), details: { reference: existing.reference, fields, nextPurgeDueOn: formatDay(nextPurgeDueOn) } });
      return { reference: existing.reference };
    }
    const id = newId("ret");
    const reference = await nextReference(tx, "RET", at);
    const nextPurgeDueOn = nextPurgeDue({ createdAt: at, purgeEveryDays: data.purgeEveryDays }, null);
    await tx.retentionRule.create({ data: { id, reference, assetId: asset.id, category: data.category, ...values, nextPurgeDueOn, createdById: actorId(actor), createdAt: at } });
    await recordAuditEvent(tx, { actor, action: "asset.retention-set", target: ruleTarget({ id }), details: { reference, assetId: asset.id, category: data.category, keepDays: data.keepDays, basis: data.basis, purgeEveryDays: data.purgeEveryDays, nextPurgeDueOn: formatDay(nextPurgeDueOn) } });
    return { reference };
  });
}

/**
 * Attests a purge under a rule: who purged (the actor), on which day, how many records, how. The
 * next purge falls due from the latest day attested.
 */
export async function attestPurge(actor: Actor, ruleReference: string, input: unknown): Promise<{ id: string; nextPurgeDueOn: string }> {
  const data = parseInput(ZPurgeAttest, input);
  return withTransaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "RetentionRule" WHERE "reference" = ${ruleReference} FOR UPDATE`;
    const rule = locked[0] ? await tx.retentionRule.findUnique({ where: { id: locked[0].id } }) : null;
    if (!rule) throw new AppError("NOT_FOUND", "There is no retention rule with this reference.");
    await authorize(actor, "asset.manage", ruleTarget(rule));
    if (actor.kind !== "user") throw await deny(actor, { message: "Only a person can attest a purge." });
    const now = clockNow();
    const purgedOn = parseCalendarDay(data.purgedOn);
    if (!purgedOn) throw validationError({ purgedOn: "Enter a real calendar day." });
    if (purgedOn.getTime() > utcDay(now).getTime()) throw validationError({ purgedOn: "The purge day cannot be in the future." });
    if (purgedOn.getTime() < utcDay(rule.createdAt).getTime()) throw validationError({ purgedOn: "The purge day cannot be before the rule was set." });
    const id = newId("prg");
    await tx.purgeAttestation.create({ data: { id, ruleId: rule.id, purgedOn, recordsPurged: data.recordsPurged, method: data.method, attestedById: actor.userId, createdAt: now } });
    const last = await tx.purgeAttestation.findFirst({ where: { ruleId: rule.id }, orderBy: { purgedOn: "desc" }, select: { purgedOn: true } });
    const nextPurgeDueOn = nextPurgeDue(rule, last!.purgedOn);
    await tx.retentionRule.update({ where: { id: rule.id }, data: { nextPurgeDueOn } });
    await recordAuditEvent(tx, { actor, action: "asset.purge-attested", target: ruleTarget(rule), details: { reference: rule.reference, attestationId: id, purgedOn: formatDay(purgedOn), recordsPurged: data.recordsPurged, nextPurgeDueOn: formatDay(nextPurgeDueOn) } });
    return { id, nextPurgeDueOn: formatDay(nextPurgeDueOn) };
  });
}
