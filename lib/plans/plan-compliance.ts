import "server-only";
// What the compliance map and the audit pack take from plans and policies: the facts for the
// GS-4a, GS-4b, PII-2a and R25-6 rows (evaluated by plan-controls.ts), and every approved
// version's PDF.
import { displayNames } from "@/lib/core/display-names";
import type { Db } from "@/lib/db/client";
import type { TPlanDocumentFact, TPlanFacts } from "./plan-controls";
import { planListsOf, planVersionInForce } from "./plan-lists-access";
import { approvedVersionPdf } from "./render-policy-pdf";
import { registerCsv } from "@/lib/core/register-report/render-register";
import type { TRegister } from "@/lib/core/register-report/types";
import { acknowledgementRegister, activityCompletionRegister, changeRegister, reviewRegister } from "./plan-registers";

type TDocumentKind = "ir_plan" | "privacy_policy";

/**
 * The incident response plan and the privacy policy, each with its newest approved version and
 * its last review: one statement for both (through Prisma's relations, three for each).
 */
async function documentFacts(database: Db): Promise<Record<TDocumentKind, TPlanDocumentFact | null>> {
  const rows = await database.$queryRaw<(TPlanDocumentFact & { kind: TDocumentKind })[]>`
    SELECT d."kind"::text AS "kind", d."reference", d."reviewDueOn", v."number" AS "versionInForce", v."approvedAt", r."reviewedOn" AS "lastReviewedOn"
    FROM "PolicyDocument" d
    LEFT JOIN LATERAL (SELECT "number", "approvedAt" FROM "PolicyDocumentVersion" WHERE "documentId" = d."id" AND "status" = 'approved' ORDER BY "number" DESC LIMIT 1) v ON true
    LEFT JOIN LATERAL (SELECT "reviewedOn" FROM "PolicyReview" WHERE "documentId" = d."id" ORDER BY "reviewedOn" DESC LIMIT 1) r ON true
    WHERE d."kind" IN ('ir_plan', 'privacy_policy')`;
  const of = (kind: TDocumentKind): TPlanDocumentFact | null => {
    const row = rows.find((r) => r.kind === kind);
    return row ? { reference: row.reference, versionInForce: row.versionInForce, approvedAt: row.approvedAt, reviewDueOn: row.reviewDueOn, lastReviewedOn: row.lastReviewedOn } : null;
  };
  return { ir_plan: of("ir_plan"), privacy_policy: of("privacy_policy") };
}

export async function gatherPlanFacts(database: Db): Promise<TPlanFacts> {
  const [documents, contacts, activeIncidentTypes, activities] = await Promise.all([
    documentFacts(database),
    // The people the plan in force names (a draft's count once approved).
    planVersionInForce(database).then((v) => (v ? database.planContact.findMany({ where: { versionId: v.id }, select: { role: true }, distinct: ["role"] }) : [])),
    database.incidentType.count({ where: { active: true } }),
    // Each activity's last completion from the ("activityId", "completedOn") index, one row each
    // (a nested `take: 1` would read every completion of the 500 activities).
    database.$queryRaw<{ kind: TPlanFacts["activities"][number]["kind"]; reference: string; nextDueOn: Date; lastCompletedOn: Date | null }[]>`
      SELECT a."kind", a."reference", a."nextDueOn", c."completedOn" AS "lastCompletedOn"
      FROM (SELECT "id", "kind", "reference", "nextDueOn" FROM "ControlActivity" ORDER BY "nextDueOn" ASC, "id" ASC LIMIT 500) a
      LEFT JOIN LATERAL (SELECT "completedOn" FROM "ControlActivityCompletion" WHERE "activityId" = a."id" ORDER BY "completedOn" DESC LIMIT 1) c ON true
      ORDER BY a."nextDueOn" ASC, a."id" ASC`,
  ]);
  return {
    irPlan: documents.ir_plan,
    privacyPolicy: documents.privacy_policy,
    contactRoles: contacts.map((c) => c.role),
    activeIncidentTypes,
    activities: activities.map((a) => ({ kind: a.kind, reference: a.reference, nextDueOn: a.nextDueOn, lastCompletedOn: a.lastCompletedOn })),
  };
}

const BATCH = 20;

async function csvOf<TRow>(register: TRegister<TRow>): Promise<Buffer> {
  const parts: string[] = [];
  for await (const chunk of registerCsv(register)) parts.push(chunk);
  return Buffer.from(parts.join(""), "utf8");
}

/**
 * The module's registers as CSV for the audit pack, each described once (plan-registers.ts):
 * `policies/change-register.csv`, `policies/reviews.csv`, `policies/control-activities.csv`,
 * `policies/acknowledgements.csv`. The pack (lib/compliance/audit-pack.ts) writes them beside
 * the versions' PDFs, each with its SHA-256 in the manifest.
 */
export async function* planRegisterFiles(database: Db): AsyncGenerator<{ path: string; body: Buffer }> {
  yield { path: "policies/change-register.csv", body: await csvOf(changeRegister(database)) };
  yield { path: "policies/reviews.csv", body: await csvOf(reviewRegister(database)) };
  yield { path: "policies/control-activities.csv", body: await csvOf(activityCompletionRegister(database)) };
  yield { path: "policies/acknowledgements.csv", body: await csvOf(acknowledgementRegister(database)) };
}

/** Every approved version of every plan and policy as a PDF, `policies/<reference>-v<n>.pdf`, read a few at a time. */
export function policyPackFiles(database: Db): AsyncGenerator<{ path: string; body: Buffer }> {
  return versionPdfs(database);
}

async function* versionPdfs(database: Db): AsyncGenerator<{ path: string; body: Buffer }> {
  let after: string | null = null;
  for (;;) {
    const versions: { id: string; number: number | null; body: string; changeSummary: string; authorId: string; approvedById: string | null; approvedAt: Date | null; carriesPlanLists: boolean; document: { reference: string; title: string } }[] =
      await database.policyDocumentVersion.findMany({
        where: { status: "approved", ...(after === null ? {} : { id: { gt: after } }) },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, number: true, body: true, changeSummary: true, authorId: true, approvedById: true, approvedAt: true, carriesPlanLists: true, document: { select: { reference: true, title: true } } },
      });
    const names = await displayNames(versions.flatMap((v) => [v.authorId, v.approvedById]));
    const lists = await planListsOf(database, versions);
    for (const v of versions) {
      yield { path: `policies/${v.document.reference}-v${v.number}.pdf`, body: await approvedVersionPdf(v.document, v, names, lists.get(v.id) ?? null) };
    }
    if (versions.length < BATCH) return;
    after = versions[versions.length - 1]!.id;
  }
}
