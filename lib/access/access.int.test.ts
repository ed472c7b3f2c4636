import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/policy";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { lastEvent, testPerson, type TUserActor } from "@/lib/plans/test-people";
import { accessCampaignClock, accessLeaverClock, accessRotationClock } from "./clock-source";
import { campaignReportRegister } from "./access-registers";
import { accessPackFiles, gatherAccessFacts } from "./access-compliance";
import { evaluateAccessControl } from "./access-controls";
import { campaignReportBytes } from "./download-campaign-report";
import { getCampaign } from "./campaigns-read";
import { decideAccount } from "./decide-account";
import { commitAccountImport, previewAccountImport, saveAccountImportMapping } from "./import-accounts";
import { getSystem, listAccounts, listPeople, listSystems, refreshVigilAccounts } from "./list-registers";
import { openCampaignNow, openDueCampaign } from "./open-campaign";
import { proveRevocation } from "./prove-revocation";
import { createCredential, recordRotation } from "./record-credential";
import { createPerson, updatePerson } from "./record-person";
import { createSystem } from "./record-system";
import { addAccount } from "./record-account";
import { revokeAccount } from "./revoke-account";
import { signOffCampaign } from "./sign-off-campaign";

const run = randomBytes(3).toString("hex");
const clock = fixedClock("2026-12-01T09:00:00Z");
let restoreClock: () => void;
const user = (key: string, roles: Role[]) => testPerson(`acc_${run}`, key, roles);

let lead: TUserActor, lead2: TUserActor, owner: TUserActor, otherOwner: TUserActor, auditor: TUserActor, member: TUserActor;
let crm: string, shop: string;
let ownerPersonId: string, anna: string;

const accountsOf = async (reference: string) =>
  (await db().accessAccount.findMany({ where: { system: { reference } }, orderBy: { identifierKey: "asc" } })).map((a) => ({ id: a.identifierKey, status: a.status, flags: a.flags }));

beforeAll(async () => {
  restoreClock = setClock(clock);
  lead = await user("lead", ["security_lead"]);
  lead2 = await user("lead2", ["security_lead"]);
  owner = await user("owner", ["access_reviewer"]);
  otherOwner = await user("other", ["access_reviewer"]);
  auditor = await user("aud", ["auditor"]);
  member = await user("mem", ["member"]);
  const ownerPerson = await createPerson(lead, { displayName: "Olga Owner", kind: "employee", userId: owner.userId, email: "olga@example.test" });
  ownerPersonId = (await db().person.findUniqueOrThrow({ where: { reference: ownerPerson.reference } })).id;
  const otherPerson = await createPerson(lead, { displayName: "Oskar Other", kind: "employee", userId: otherOwner.userId });
  await createPerson(lead, { displayName: "Anna Berg", kind: "employee" });
  await createPerson(lead, { displayName: "Ben Leaver", kind: "contractor", endsOn: "2026-11-20" });
  anna = (await db().person.findFirstOrThrow({ where: { displayName: "Anna Berg" } })).id;
  ({ reference: crm } = await createSystem(lead, { name: "CRM", ownerId: ownerPersonId, lockoutThreshold: "5", passwordHistory: "12", mfaEnforced: "no", holdsAmazonInfo: "on" }));
  const otherId = (await db().person.findUniqueOrThrow({ where: { reference: otherPerson.reference } })).id;
  ({ reference: shop } = await createSystem(lead, { name: "Shop admin", ownerId: otherId, lockoutThreshold: "20", passwordHistory: "" }));
  await addAccount(lead, shop, { identifier: "anna@shop", person: "Anna Berg", mfa: "yes", lastUsed: "2026-11-30" });
});
afterAll(async () => {
  restoreClock();
  await db().$disconnect();
});

describe("registers", () => {
  it("Vigil is a system from the start: its users come in as accounts with roles, MFA and last sign-in", async () => {
    await refreshVigilAccounts();
    const vigil = await db().asset.findUniqueOrThrow({ where: { builtIn: "vigil" } });
    expect(vigil).toMatchObject({ kind: "system", lockoutThreshold: 5, passwordHistory: 10, mfaEnforced: true });
    const own = await db().accessAccount.findUniqueOrThrow({ where: { userId: lead.userId } });
    expect(own).toMatchObject({ systemId: vigil.id, identifier: "Person lead", privileges: "Security lead", mfa: true, status: "active" });
    // The reviewer's Vigil account belongs to their person.
    expect((await db().accessAccount.findUniqueOrThrow({ where: { userId: owner.userId } })).personId).toBe(ownerPersonId);
  });

  it("keeps a person's email encrypted and never shows it; only access.manage adds people", async () => {
    const row = await db().person.findFirstOrThrow({ where: { displayName: "Olga Owner" } });
    expect(row.emailEnc).toBeTruthy();
    expect(row.emailEnc).not.toContain("olga@");
    expect(JSON.stringify(await listPeople(auditor, {}))).not.toContain("olga@");
    await expect(createPerson(auditor, { displayName: "X", kind: "employee" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPerson(owner, { displayName: "X", kind: "employee" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("flags systems whose lockout allows more than 10 attempts or whose password history is under 10", async () => {
    expect((await getSystem(lead, crm)).flags).toEqual([]);
    expect((await getSystem(lead, shop)).flags).toEqual(["lockout", "password-history"]);
  });

  it("an access reviewer sees the systems they own and no other", async () => {
    expect((await listSystems(owner, {})).rows.map((s) => s.reference)).toEqual([crm]);
    await expect(getSystem(owner, shop)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listPeople(owner, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listSystems(member, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listSystems(auditor, {})).total).toBe(3);
    await expect(addAccount(owner, crm, { identifier: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps a credential's fingerprint, never its secret, and moves its rotation on", async () => {
    const crmId = (await db().asset.findUniqueOrThrow({ where: { reference: crm } })).id;
    await expect(createCredential(lead, { systemId: crmId, kind: "lwa_client_secret", name: "LWA app", fingerprint: "amzn1.oa2-cs.v1.0123456789abcdef0123", createdOn: "2026-06-01" })).rejects.toMatchObject({
      fieldErrors: { fingerprint: expect.stringMatching(/Never the secret/) },
    });
    const { reference } = await createCredential(lead, { systemId: crmId, kind: "lwa_client_secret", name: "LWA app", fingerprint: "…X9z2", createdOn: "2026-06-01" });
    const stored = await db().accessCredential.findUniqueOrThrow({ where: { reference } });
    expect(stored).toMatchObject({ rotationPeriodDays: 180, fingerprint: "…X9z2" });
    expect(stored.nextRotationDueOn.toISOString().slice(0, 10)).toBe("2026-11-28");
    expect((await accessRotationClock.listOpen(db(), clock.now(), { dueBefore: new Date("2026-12-02T00:00:00Z"), scope: { kind: "all" } })).map((i) => [i.reference, i.state])).toEqual([[reference, "overdue"]]);
    expect(await recordRotation(lead, reference, { rotatedOn: "2026-11-30" })).toEqual({ nextRotationDueOn: "2027-05-29" });
    await expect(recordRotation(auditor, reference, { rotatedOn: "2026-11-30" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("CSV import of a system's accounts", () => {
  const good = [
    "Login,Type,Owner,Role,Last login,MFA,Created",
    "anna.berg,human,Anna Berg,Agent,2026-11-30,yes,2025-02-01",
    "admin,human,Anna Berg,Administrator,2026-11-29,yes,2024-01-01",
    "Olga,human,Olga Owner,Administrator,2026-11-29,yes,2024-01-01",
    "ben,human,Ben Leaver,Agent,2026-11-19,no,2025-01-01",
    "backup-bot,service,Anna Berg,Read,2026-11-30,,2025-01-01",
    "old.user,human,Nobody Known,Agent,2026-05-01,yes,2024-01-01",
  ].join("\n");

  it("reports each bad row with its line and reason and writes nothing", async () => {
    await saveAccountImportMapping(lead, crm, { Login: "identifier", Type: "kind", Owner: "person", Role: "privileges", "Last login": "lastUsed", MFA: "mfa", Created: "created" });
    const file = ["Login,Type,Owner,Role,Last login,MFA,Created", "anna.berg,human,Anna Berg,Agent,2026-11-30,yes,2025-02-01", "robot,machine,,,,,", "x,human,,,yesterday,,", "anna.berg,human,,,,,", "y,human,,,,maybe,"].join("\n");
    const preview = await previewAccountImport(lead, crm, file);
    expect(preview.problems).toEqual([
      { line: 3, reason: "kind: Enter human or service." },
      { line: 4, reason: "lastUsed: Enter a date (YYYY-MM-DD) or a date and time." },
      { line: 5, reason: "The same record (anna.berg) is also on line 2." },
      { line: 6, reason: "mfa: Enter yes or no." },
    ]);
    await expect(commitAccountImport(lead, crm, preview.id)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await accountsOf(crm)).toEqual([]);
  });

  it("imports, flags on import, and the same file again changes nothing", async () => {
    await expect(previewAccountImport(owner, crm, good)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const preview = await previewAccountImport(lead, crm, good);
    expect(preview.counts).toMatchObject({ added: 6, problems: 0 });
    await commitAccountImport(lead, crm, preview.id);
    expect(await accountsOf(crm)).toEqual([
      { id: "admin", status: "active", flags: ["shared"] },
      { id: "anna.berg", status: "active", flags: [] },
      { id: "backup-bot", status: "active", flags: [] },
      { id: "ben", status: "active", flags: ["orphaned", "no-mfa"] },
      { id: "old.user", status: "active", flags: ["orphaned", "dormant"] },
      { id: "olga", status: "active", flags: [] },
    ]);
    const before = await db().accessAccount.findMany({ where: { system: { reference: crm } }, orderBy: { id: "asc" } });
    const again = await previewAccountImport(lead, crm, good);
    expect(again.counts).toEqual({ added: 0, changed: 0, unchanged: 6, removed: 0, problems: 0 });
    await commitAccountImport(lead, crm, again.id);
    expect(await db().accessAccount.findMany({ where: { system: { reference: crm } }, orderBy: { id: "asc" } })).toEqual(before);
    expect((await listAccounts(lead, crm, { flagged: "flagged" })).total).toBe(3);
  });

  it("Vigil's own accounts are not imported", async () => {
    const vigil = await db().asset.findUniqueOrThrow({ where: { builtIn: "vigil" } });
    await expect(previewAccountImport(lead, vigil.reference, good)).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});

describe("leavers", () => {
  it("each leaver holding accounts has a 24-hour clock; a revocation after it is recorded late, for good", async () => {
    const items = await accessLeaverClock.listOpen(db(), clock.now(), { dueBefore: new Date("2026-12-02T00:00:00Z"), scope: { kind: "all" } });
    expect(items.map((i) => [i.title, i.dueAt.toISOString(), i.state])).toEqual([["Revoke the access of Ben Leaver (left 2026-11-20)", "2026-11-22T00:00:00.000Z", "overdue"]]);
    const ben = await db().accessAccount.findFirstOrThrow({ where: { identifierKey: "ben", system: { reference: crm } } });
    const { taskId } = await revokeAccount(lead, crm, ben.id);
    await proveRevocation(lead, taskId, { removedOn: "2026-12-01", note: "Disabled the login in the CRM admin console." });
    expect(await db().accessAccount.findUniqueOrThrow({ where: { id: ben.id } })).toMatchObject({ status: "revoked", revokedLate: true, flags: [] });
    expect(await accessLeaverClock.listOpen(db(), clock.now(), { dueBefore: new Date("2026-12-02T00:00:00Z"), scope: { kind: "all" } })).toEqual([]);
  });
});

describe("review campaigns", () => {
  let campaign: string;

  it("opens once per period however many sweeps run at once, 14 days before it is due", async () => {
    // First use was 2026-12-01: due 2027-03-01, opens 2027-02-15.
    clock.set("2027-02-15T08:00:00Z");
    expect(await openDueCampaign(new Date("2027-02-14T23:00:00Z"))).toBeNull();
    const opened = await Promise.all([0, 1, 2, 3].map(() => openDueCampaign(new Date("2027-02-15T08:00:00Z"))));
    expect(opened.filter(Boolean)).toHaveLength(1);
    expect(await db().accessReviewCampaign.count()).toBe(1);
    campaign = opened.find(Boolean)!;
    const row = await db().accessReviewCampaign.findUniqueOrThrow({ where: { reference: campaign } });
    expect(row.dueOn.toISOString().slice(0, 10)).toBe("2027-03-01");
    expect(await openDueCampaign(new Date("2027-02-16T08:00:00Z"))).toBeNull();
    await expect(openCampaignNow(lead)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await lastEvent("access.campaign-opened"))?.details).toMatchObject({ reference: campaign, dueOn: "2027-03-01" });
    // The clock registry lists it for the dashboard and the reminders.
    expect((await accessCampaignClock.listOpen(db(), clock.now(), { dueBefore: new Date("2027-04-01T00:00:00Z"), scope: { kind: "all" } })).map((i) => i.reference)).toEqual([campaign]);
  });

  it("a reviewer sees and decides on the accounts of their own systems only, never on their own account", async () => {
    const view = await getCampaign(owner, campaign);
    expect(view.scoped).toBe(true);
    expect(new Set(view.items.map((i) => i.systemName))).toEqual(new Set(["CRM"]));
    const leadView = await getCampaign(lead, campaign);
    const shopItem = await db().accessReviewItem.findFirst({ where: { campaign: { reference: campaign }, reviewerUserId: otherOwner.userId } });
    const vigilItem = leadView.items.find((i) => i.systemName === "Vigil" && i.identifier === "Person lead")!;
    await expect(decideAccount(owner, campaign, vigilItem.id, { decision: "keep" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(shopItem).not.toBeNull();
    await expect(decideAccount(owner, campaign, shopItem!.id, { decision: "keep" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const olga = view.items.find((i) => i.identifier === "Olga")!;
    expect(olga.canDecide).toBe(false);
    await expect(decideAccount(owner, campaign, olga.id, { decision: "keep" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideAccount(lead, campaign, olga.id, { decision: "keep" });
  });

  it("keeping a flagged account needs a reason; a revocation becomes a task that closes only with proof", async () => {
    const view = await getCampaign(owner, campaign);
    const admin = view.items.find((i) => i.identifier === "admin")!;
    expect(admin.flags).toEqual(["shared"]);
    await expect(decideAccount(owner, campaign, admin.id, { decision: "keep" })).rejects.toMatchObject({ fieldErrors: { reason: expect.any(String) } });
    const { taskId } = await decideAccount(owner, campaign, admin.id, { decision: "revoke", reason: "Shared administrator login." });
    const task = await db().task.findUniqueOrThrow({ where: { id: taskId! } });
    expect(task).toMatchObject({ ownerId: owner.userId, state: "open" });
    await expect(proveRevocation(owner, taskId!, { removedOn: "2027-02-15", note: "" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(proveRevocation(otherOwner, taskId!, { removedOn: "2027-02-15", note: "Deleted the admin login." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db().task.findUniqueOrThrow({ where: { id: taskId! } })).state).toBe("open");
    clock.set("2027-02-16T10:00:00Z");
    expect(await proveRevocation(owner, taskId!, { removedOn: "2027-02-16", note: "Deleted the admin login in the CRM." })).toEqual({ late: false });
    expect(await db().accessAccount.findFirstOrThrow({ where: { identifierKey: "admin", system: { reference: crm } } })).toMatchObject({ status: "revoked", revokedLate: false });
  });

  it("a revoked account that appears again in an import is active again and its revocation task reopens", async () => {
    const file = "identifier,person,mfa\nadmin,Anna Berg,yes\nanna.berg,Anna Berg,yes\n";
    const preview = await previewAccountImport(lead, crm, file, { identifier: "identifier", person: "person", mfa: "mfa" });
    await commitAccountImport(lead, crm, preview.id);
    const admin = await db().accessAccount.findFirstOrThrow({ where: { identifierKey: "admin", system: { reference: crm } } });
    expect(admin.status).toBe("active");
    const tasks = await db().task.findMany({ where: { subjectId: admin.id } });
    expect(tasks.map((t) => t.state)).toEqual(["open"]);
    expect((await lastEvent("task.reopened"))?.targetId).toBe(tasks[0]!.id);
    // The others left the file: revoked.
    expect((await db().accessAccount.findFirstOrThrow({ where: { identifierKey: "old.user", system: { reference: crm } } })).status).toBe("revoked");
  });

  it("revoking a Vigil account deactivates it at once", async () => {
    const leadView = await getCampaign(lead, campaign);
    const memberItem = leadView.items.find((i) => i.systemName === "Vigil" && i.identifier === "Person mem")!;
    await decideAccount(lead, campaign, memberItem.id, { decision: "revoke", reason: "No longer needs Vigil." });
    expect((await db().user.findUniqueOrThrow({ where: { id: member.userId } })).status).toBe("deactivated");
    expect(await db().accessAccount.findUniqueOrThrow({ where: { userId: member.userId } })).toMatchObject({ status: "revoked" });
    const item = await db().accessReviewItem.findUniqueOrThrow({ where: { id: memberItem.id } });
    expect((await db().task.findUniqueOrThrow({ where: { id: item.taskId! } })).state).toBe("done");
  });

  it("is signed off by someone who reviewed none of it, once every account is decided; the report lists every decision", async () => {
    const undecided = await db().accessReviewItem.findMany({ where: { campaign: { reference: campaign }, decision: null } });
    await expect(signOffCampaign(lead2, campaign, {})).rejects.toMatchObject({ code: "INVALID_STATE" });
    for (const item of undecided) {
      const decider = item.holderUserId === lead.userId ? lead2 : lead;
      await decideAccount(decider, campaign, item.id, { decision: "keep", reason: "Still needed for the job." });
    }
    await expect(signOffCampaign(lead, campaign, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(signOffCampaign(owner, campaign, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(signOffCampaign(auditor, campaign, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
    const signer = await user("signer", ["security_lead"]);
    await signOffCampaign(signer, campaign, { note: "Reviewed with the team." });
    const row = await db().accessReviewCampaign.findUniqueOrThrow({ where: { reference: campaign } });
    expect(row).toMatchObject({ status: "signed_off", signedOffById: signer.userId });
    // Closed for everyone, the holder of the account included: a state, not a permission.
    for (const item of undecided) {
      await expect(decideAccount(lead, campaign, item.id, { decision: "revoke", reason: "Too late." })).rejects.toMatchObject({ code: "INVALID_STATE" });
    }
    const csv = (await campaignReportBytes(campaignReportRegister(db(), { ...row, signedOffByName: "Person signer" }), "csv")).toString("utf8");
    expect(csv.split("\n")[0]).toContain("System,Account,Kind,Person");
    expect(csv).toMatch(/CRM,admin,Person,Anna Berg,.*Revoke,Shared administrator login\.,Person owner/);
    expect(csv).not.toContain("@example.test");
    const pdf = await campaignReportBytes(campaignReportRegister(db(), { ...row, signedOffByName: "Person signer" }), "pdf");
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    // The next is due 90 days after this one's due day, however late the sign-off.
    expect(await openDueCampaign(new Date("2027-05-15T08:00:00Z"))).toBeNull();
    const next = await openDueCampaign(new Date("2027-05-16T08:00:00Z"));
    expect((await db().accessReviewCampaign.findUniqueOrThrow({ where: { reference: next! } })).dueOn.toISOString().slice(0, 10)).toBe("2027-05-30");
  });

  it("the compliance map counts the signed-off review as GS-2b's evidence, and the audit pack carries its report", async () => {
    const facts = await gatherAccessFacts(db(), clock.now());
    expect(facts.lastSignedOff?.reference).toBe(campaign);
    // Ben's accounts were revoked after his 24 hours: recorded late, so the review needs attention.
    expect(evaluateAccessControl("GS-2b", facts, clock.now())).toMatchObject({ status: "attention", evidence: campaign, problems: ["1 revocation(s) recorded late in the last 90 days"] });
    // The shop admin allows 20 attempts: R25-3 is not met, whatever Vigil's own setting.
    expect(evaluateAccessControl("R25-3", facts, clock.now()).problems[0]).toMatch(/Shop admin \(20\)/);
    const paths: string[] = [];
    for await (const file of accessPackFiles(db())) paths.push(file.path);
    expect(paths).toEqual(expect.arrayContaining(["access/people.csv", "access/systems.csv", "access/accounts.csv", "access/credentials.csv", `access/campaigns/${campaign}.pdf`, `access/campaigns/${campaign}.csv`]));
  });

  it("a person's end date makes their accounts orphaned on the next change", async () => {
    await updatePerson(lead, (await db().person.findUniqueOrThrow({ where: { id: anna } })).reference, { displayName: "Anna Berg", kind: "employee", endsOn: "2027-01-01" });
    expect((await db().accessAccount.findFirstOrThrow({ where: { identifierKey: "anna.berg", system: { reference: crm } } })).flags).toContain("orphaned");
  });
});
