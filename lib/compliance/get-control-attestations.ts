import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { now } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { attestationProblem } from "./attestation-rules";
import { findControl } from "./catalog";
import { alarmRulesActive, auditLogFacts } from "./audit-facts";
import { evaluateControls, type TControlResult } from "./evaluate";
import { gatherComplianceFacts } from "./gather-facts";
import type { TAttestationHistoryRow } from "./types";

/** How many past attestations the page lists, newest first. */
const HISTORY = 20;

export interface TControlAttestations {
  result: TControlResult;
  asOf: Date;
  canAttest: boolean;
  history: TAttestationHistoryRow[];
}

/** One control as the map computes it, with its attestations (newest first) and whether the actor may sign one. */
export async function getControlAttestations(actor: Actor, controlId: string): Promise<TControlAttestations> {
  await authorize(actor, "compliance.read");
  const control = findControl(controlId);
  if (!control) throw new AppError("NOT_FOUND", "No such control.");
  const asOf = now();
  const facts = await gatherComplianceFacts(db(), asOf, auditLogFacts(), alarmRulesActive());
  const result = evaluateControls(facts, asOf).find((r) => r.control.id === control.id);
  if (!result) throw new AppError("NOT_FOUND", `${control.id} is not part of the policy version in force.`);
  const rows = await db().controlAttestation.findMany({ where: { controlId: control.id, policyVersion: facts.version }, orderBy: { attestedAt: "desc" }, take: HISTORY });
  const [people, items] = await Promise.all([
    db().user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.attestedById))] } }, select: { id: true, displayName: true } }),
    db().evidenceItem.findMany({ where: { id: { in: rows.flatMap((r) => (r.evidenceId ? [r.evidenceId] : [])) } }, select: { id: true, label: true } }),
  ]);
  const name = new Map(people.map((p) => [p.id, p.displayName]));
  const label = new Map(items.map((i) => [i.id, i.label]));
  return {
    result,
    asOf,
    canAttest: result.attestable !== null && can(actor, "compliance.manage"),
    history: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      statement: r.statement,
      signedBy: name.get(r.attestedById) ?? "Unknown",
      attestedAt: r.attestedAt,
      nextDueAt: r.nextDueAt,
      signedAt: r.signedAt,
      evidenceReference: r.evidenceId ? (label.get(r.evidenceId) ?? null) : null,
      needsResigning: attestationProblem({ statement: r.statement, attestedAt: r.attestedAt, nextDueAt: r.nextDueAt, signed: r.signedAt !== null }),
    })),
  };
}
