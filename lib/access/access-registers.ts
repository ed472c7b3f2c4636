import "server-only";
// The access registers described once (lib/core/register-report): the campaign report (PDF and
// CSV) and, for the audit pack, people, systems, accounts and credentials. Names, roles and
// account identifiers only: never an email address or a secret.
import { pagedRows } from "@/lib/core/register-report/register-rows";
import type { TRegister } from "@/lib/core/register-report/types";
import type { Db } from "@/lib/db/client";
import { formatDay } from "@/lib/findings/types";
import { ACCOUNT_FLAG_LABELS, CREDENTIAL_KIND_LABELS, SYSTEM_FLAG_LABELS, systemFlags, type TAccountFlag } from "./access-rules";
import { ACCESS_DECISION_LABELS } from "./campaign-rules";
import { ACCOUNT_KIND_LABELS, ACCOUNT_STATUS_LABELS, PERSON_KIND_LABELS } from "./types";

const BATCH = 500;
const flagText = (flags: readonly string[]) => flags.map((f) => ACCOUNT_FLAG_LABELS[f as TAccountFlag] ?? f).join(", ");
const day = (d: Date | null) => (d ? formatDay(d) : "");
const yesNo = (v: boolean | null) => (v === null ? "Not known" : v ? "Yes" : "No");
const byId = <T extends { id: string }>(fetch: (after: string | null, take: number) => Promise<T[]>) => pagedRows(BATCH, fetch, (r: T) => r.id);

async function namesOf(database: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const [people, users] = await Promise.all([
    database.person.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }),
    database.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } }),
  ]);
  return new Map([...people, ...users].map((p) => [p.id, p.displayName]));
}

type TCampaignReportRow = {
  id: string;
  systemName: string;
  identifier: string;
  kind: "human" | "service";
  personName: string;
  privileges: string | null;
  lastUsedAt: Date | null;
  mfa: boolean | null;
  flags: string[];
  decision: keyof typeof ACCESS_DECISION_LABELS | null;
  reason: string | null;
  decidedBy: string;
  decidedAt: Date | null;
  taskState: string;
  provenBy: string;
  provenAt: Date | null;
  proof: string;
};

/** One campaign: every account as it was snapshotted, the decision, who made it and the proof of each revocation. */
export function campaignReportRegister(database: Db, campaign: { id: string; reference: string; dueOn: Date; status: string; signedOffAt: Date | null; signedOffByName: string | null }): TRegister<TCampaignReportRow> {
  return {
    title: `Access review ${campaign.reference}`,
    subtitle:
      `Due ${formatDay(campaign.dueOn)}. ` +
      (campaign.signedOffAt ? `Signed off by ${campaign.signedOffByName ?? "Unknown"} on ${campaign.signedOffAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` : "Not signed off yet."),
    columns: [
      { label: "System", value: (r) => r.systemName },
      { label: "Account", value: (r) => r.identifier, width: 1.4 },
      { label: "Kind", value: (r) => ACCOUNT_KIND_LABELS[r.kind] },
      { label: "Person", value: (r) => r.personName },
      { label: "Privileges", value: (r) => r.privileges },
      { label: "Last used (UTC)", value: (r) => r.lastUsedAt },
      { label: "MFA", value: (r) => yesNo(r.mfa) },
      { label: "Flags", value: (r) => flagText(r.flags) },
      { label: "Decision", value: (r) => (r.decision ? ACCESS_DECISION_LABELS[r.decision] : "None") },
      { label: "Reason", value: (r) => r.reason, width: 1.4 },
      { label: "Decided by", value: (r) => r.decidedBy },
      { label: "Decided at (UTC)", value: (r) => r.decidedAt },
      { label: "Task", value: (r) => r.taskState },
      { label: "Proven by", value: (r) => r.provenBy },
      { label: "Proven at (UTC)", value: (r) => r.provenAt },
      { label: "Proof", value: (r) => r.proof, width: 1.4 },
    ],
    rows: byId(async (after, take) => {
      const items = await database.accessReviewItem.findMany({ where: { campaignId: campaign.id, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, take });
      const [systems, tasks] = await Promise.all([
        database.accessReviewSystem.findMany({ where: { campaignId: campaign.id, systemId: { in: items.map((i) => i.systemId) } }, select: { systemId: true, systemName: true } }),
        database.task.findMany({ where: { id: { in: items.flatMap((i) => (i.taskId ? [i.taskId] : [])) } } }),
      ]);
      const systemName = new Map(systems.map((s) => [s.systemId, s.systemName]));
      const taskOf = new Map(tasks.map((t) => [t.id, t]));
      const names = await namesOf(database, [...items.flatMap((i) => [i.personId, i.decidedById]), ...tasks.map((t) => t.completedById)]);
      return items.map((i) => {
        const task = i.taskId ? taskOf.get(i.taskId) : undefined;
        return {
          id: i.id,
          systemName: systemName.get(i.systemId) ?? "",
          identifier: i.identifier,
          kind: i.kind,
          personName: i.personId ? (names.get(i.personId) ?? "") : "",
          privileges: i.privileges,
          lastUsedAt: i.lastUsedAt,
          mfa: i.mfa,
          flags: i.flags,
          decision: i.decision,
          reason: i.reason,
          decidedBy: i.decidedById ? (names.get(i.decidedById) ?? "") : "",
          decidedAt: i.decidedAt,
          taskState: task ? (task.state === "done" ? "Done" : task.state === "open" ? "Open" : "Cancelled") : "",
          provenBy: task?.completedById ? (names.get(task.completedById) ?? "") : "",
          provenAt: task?.completedAt ?? null,
          proof: task ? [task.completionNote, task.completionEvidenceId ? `Evidence ${task.completionEvidenceId}` : null].filter(Boolean).join(" ") : "",
        };
      });
    }),
  };
}

export function peopleRegister(database: Db): TRegister<{ id: string; reference: string; displayName: string; kind: "employee" | "contractor"; jobTitle: string | null; managerId: string | null; userId: string | null; startsOn: Date | null; endsOn: Date | null; managerName: string; userName: string }> {
  return {
    title: "People",
    columns: [
      { label: "Reference", value: (p) => p.reference },
      { label: "Name", value: (p) => p.displayName },
      { label: "Kind", value: (p) => PERSON_KIND_LABELS[p.kind] },
      { label: "Job title", value: (p) => p.jobTitle },
      { label: "Manager", value: (p) => p.managerName },
      { label: "Vigil account", value: (p) => p.userName },
      { label: "Starts", value: (p) => day(p.startsOn) },
      { label: "Ends", value: (p) => day(p.endsOn) },
    ],
    rows: byId(async (after, take) => {
      const people = await database.person.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" }, take, select: { id: true, reference: true, displayName: true, kind: true, jobTitle: true, managerId: true, userId: true, startsOn: true, endsOn: true } });
      const names = await namesOf(database, people.flatMap((p) => [p.managerId, p.userId]));
      return people.map((p) => ({ ...p, managerName: p.managerId ? (names.get(p.managerId) ?? "") : "", userName: p.userId ? (names.get(p.userId) ?? "") : "" }));
    }),
  };
}

export function systemsRegister(database: Db): TRegister<{ id: string; reference: string; name: string; builtIn: string | null; ownerName: string; lockoutThreshold: number | null; passwordHistory: number | null; mfaEnforced: boolean | null; holdsAmazonInfo: boolean; retiredAt: Date | null }> {
  return {
    title: "Systems in scope",
    columns: [
      { label: "Reference", value: (s) => s.reference },
      { label: "System", value: (s) => s.name },
      { label: "Owner (reviewer)", value: (s) => s.ownerName },
      { label: "Holds Amazon Information", value: (s) => s.holdsAmazonInfo },
      { label: "Lockout after (attempts)", value: (s) => s.lockoutThreshold ?? "Not known" },
      { label: "Password history", value: (s) => s.passwordHistory ?? "Not known" },
      { label: "MFA enforced", value: (s) => yesNo(s.mfaEnforced) },
      { label: "Flags", value: (s) => systemFlags(s).map((f) => SYSTEM_FLAG_LABELS[f]).join(", ") },
      { label: "Built in", value: (s) => (s.builtIn ? "Vigil itself" : "") },
      { label: "Retired at (UTC)", value: (s) => s.retiredAt },
    ],
    rows: byId(async (after, take) => {
      const systems = await database.asset.findMany({ where: { kind: "system", ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, take, include: { owner: { select: { displayName: true } } } });
      return systems.map((s) => ({ ...s, ownerName: s.owner?.displayName ?? "" }));
    }),
  };
}

export function accountsRegister(database: Db): TRegister<{ id: string; systemName: string; identifier: string; kind: "human" | "service"; personName: string; alsoUsedBy: number; privileges: string | null; lastUsedAt: Date | null; mfa: boolean | null; accountCreatedOn: Date | null; status: "active" | "revoked"; flags: string[]; revocationDueAt: Date | null; revokedAt: Date | null; revokedLate: boolean }> {
  return {
    title: "Accounts",
    columns: [
      { label: "System", value: (a) => a.systemName },
      { label: "Account", value: (a) => a.identifier },
      { label: "Kind", value: (a) => ACCOUNT_KIND_LABELS[a.kind] },
      { label: "Person", value: (a) => a.personName },
      { label: "Also used by (people)", value: (a) => a.alsoUsedBy },
      { label: "Privileges", value: (a) => a.privileges },
      { label: "Last used (UTC)", value: (a) => a.lastUsedAt },
      { label: "MFA", value: (a) => yesNo(a.mfa) },
      { label: "Created", value: (a) => day(a.accountCreatedOn) },
      { label: "Status", value: (a) => ACCOUNT_STATUS_LABELS[a.status] },
      { label: "Flags", value: (a) => flagText(a.flags) },
      { label: "Revocation due (UTC)", value: (a) => a.revocationDueAt },
      { label: "Revoked at (UTC)", value: (a) => a.revokedAt },
      { label: "Revoked late", value: (a) => a.revokedLate },
    ],
    rows: byId(async (after, take) => {
      const accounts = await database.accessAccount.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" }, take, include: { system: { select: { name: true } }, person: { select: { displayName: true } } } });
      return accounts.map((a) => ({ ...a, systemName: a.system.name, personName: a.person?.displayName ?? "", alsoUsedBy: a.alsoUsedByIds.length }));
    }),
  };
}

export function credentialsRegister(database: Db): TRegister<{ id: string; reference: string; kind: keyof typeof CREDENTIAL_KIND_LABELS; name: string; systemName: string; ownerName: string; fingerprint: string | null; createdOn: Date; lastRotatedOn: Date | null; rotationPeriodDays: number; nextRotationDueOn: Date; retiredAt: Date | null }> {
  return {
    title: "Credentials (metadata only; no secret is stored)",
    columns: [
      { label: "Reference", value: (c) => c.reference },
      { label: "Kind", value: (c) => CREDENTIAL_KIND_LABELS[c.kind] },
      { label: "Name", value: (c) => c.name },
      { label: "System", value: (c) => c.systemName },
      { label: "Owner", value: (c) => c.ownerName },
      { label: "Fingerprint", value: (c) => c.fingerprint },
      { label: "Created", value: (c) => day(c.createdOn) },
      { label: "Last rotated", value: (c) => day(c.lastRotatedOn) },
      { label: "Rotate every (days)", value: (c) => c.rotationPeriodDays },
      { label: "Next rotation due", value: (c) => day(c.nextRotationDueOn) },
      { label: "Retired at (UTC)", value: (c) => c.retiredAt },
    ],
    rows: byId(async (after, take) => {
      const credentials = await database.accessCredential.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" }, take, include: { system: { select: { name: true } }, owner: { select: { displayName: true } } } });
      return credentials.map((c) => ({ ...c, systemName: c.system.name, ownerName: c.owner?.displayName ?? "" }));
    }),
  };
}
