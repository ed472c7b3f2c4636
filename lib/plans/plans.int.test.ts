import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/policy";
import { fixedClock, setClock } from "@/lib/clock";
import { lastEvent, testPerson, type TUserActor } from "./test-people";
import { db } from "@/lib/db/client";
import { pdfText } from "@/test/support/pdf-text";
import { approvePolicyDraft } from "./approve-version";
import { comparePolicyVersions } from "./compare-versions";
import { createPolicyDocument } from "./create-document";
import { downloadPolicyVersionPdf } from "./download-version-pdf";
import { getPolicyDocument, getPolicyVersion } from "./get-document";
import { listPolicyDocuments } from "./list-documents";
import { savePolicyDraft } from "./save-draft";
import { startFromTemplates } from "./start-from-templates";
import { policyReviewClock } from "./clock-source";
import { addPlanContact } from "./add-plan-contact";
import { listPlanContacts } from "./list-plan-contacts";
import { removePlanContact } from "./remove-plan-contact";
import { addPlanIncidentType } from "./add-plan-incident-type";
import { updatePlanIncidentType } from "./update-plan-incident-type";
import { removePlanIncidentType } from "./remove-plan-incident-type";
import { createIncident } from "@/lib/incidents/create-incident";
import { getIncidentCatalog } from "@/lib/incidents/get-incident-catalog";
import { gatherPlanFacts, planRegisterFiles, policyPackFiles } from "./plan-compliance";
import { evaluatePlanControl } from "./plan-controls";
import { acknowledgePolicyVersion } from "./acknowledge-version";
import { policyAcknowledgementClock } from "./clock-source";
import { acknowledgementRule } from "./reminder-rules/acknowledgement-due";
import { recordPolicyChange } from "./record-change";
import { recordPolicyReview } from "./record-review";
import { policyReviewDueRule } from "./reminder-rules/policy-review-due";

const run = randomBytes(3).toString("hex");
const ALL_TEAM = ["admin", "security_lead", "responder", "privacy_officer", "member"];
let restoreClock: () => void;

const user = (key: string, roles: Role[]) => testPerson(`pl_${run}`, key, roles);

let lead: TUserActor;
let lead2: TUserActor;
let privacy: TUserActor;
let responder: TUserActor;
let member: TUserActor;
let auditor: TUserActor;


beforeAll(async () => {
  restoreClock = setClock(fixedClock("2026-12-01T09:00:00Z"));
  lead = await user("lead", ["security_lead"]);
  lead2 = await user("lead2", ["security_lead"]);
  privacy = await user("priv", ["privacy_officer"]);
  responder = await user("resp", ["responder"]);
  member = await user("member", ["member"]);
  auditor = await user("aud", ["auditor"]);
});
afterAll(async () => {
  restoreClock();
  await db().$disconnect();
});

describe("plans and policies", () => {
  let plan: string;
  let privacyPolicy: string;

  it("starts the plan and the privacy policy from Vigil's templates, once, as the starter's drafts", async () => {
    await expect(startFromTemplates(responder)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startFromTemplates(auditor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { references } = await startFromTemplates(privacy);
    expect(references).toHaveLength(2);
    [plan, privacyPolicy] = references as [string, string];
    const doc = await getPolicyDocument(member, plan);
    expect(doc).toMatchObject({ kind: "ir_plan", inForce: null, reviewFrequencyMonths: 6 });
    // The address of the policy version followed (the November 2025 revision by default).
    expect(doc.draft?.body).toContain("mailto:security@amazon.com");
    expect(doc.draft?.body).toContain("within 24 hours of detection");
    expect(doc.draft?.body).toContain("Incident Management Point of Contact");
    expect(doc.draft?.contributorNames).toEqual(["Person priv"]);
    const event = await lastEvent("policy.document-created");
    expect(event?.actorId).toBe(privacy.userId);
    expect(event?.details).toMatchObject({ fromTemplate: true });
    await expect(startFromTemplates(lead)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect((await getPolicyDocument(member, privacyPolicy)).kind).toBe("privacy_policy");
  });

  it("refuses approval by the draft's author and by anyone who edited it, and logs the refusal", async () => {
    await expect(approvePolicyDraft(privacy, plan)).rejects.toMatchObject({ code: "FORBIDDEN" }); // privacy officers do not approve
    await savePolicyDraft(lead, plan, { body: `${(await getPolicyDocument(lead, plan)).draft!.body}\nEdited by the lead.\n`, changeSummary: "Named the IMPOC", reviewFrequencyMonths: "6", audienceRoles: ALL_TEAM });
    await expect(approvePolicyDraft(lead, plan)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/another approver/) });
    const denial = await lastEvent("authorization.denied");
    expect(denial).toMatchObject({ actorId: lead.userId, outcome: "denied" });
    expect(denial?.details).toMatchObject({ reason: "approver-wrote-draft" });
    expect((await getPolicyDocument(lead, plan)).inForce).toBeNull();
  });

  it("publishes version 1 when someone who wrote none of it approves, with approver and time", async () => {
    const { number } = await approvePolicyDraft(lead2, plan);
    expect(number).toBe(1);
    const doc = await getPolicyDocument(auditor, plan);
    expect(doc.draft).toBeNull();
    expect(doc.inForce).toMatchObject({ number: 1, approvedByName: "Person lead2", approvedAt: "2026-12-01T09:00:00.000Z", changeSummary: "Named the IMPOC" });
    expect(doc.inForce?.contributorNames).toEqual(["Person priv", "Person lead"]);
    const event = await lastEvent("policy.version-approved");
    expect(event).toMatchObject({ actorId: lead2.userId, targetType: "policy-document" });
    expect(event?.details).toMatchObject({ number: 1 });
    await expect(approvePolicyDraft(lead2, plan)).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("edits start a new draft; the version in force stays until the next approval; every version stays readable and comparable", async () => {
    await expect(savePolicyDraft(auditor, plan, { body: "# Plan\n\nAuditors change nothing here.", changeSummary: "x", reviewFrequencyMonths: "6", audienceRoles: ALL_TEAM })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(savePolicyDraft(member, plan, { body: "# Plan\n\nMembers change nothing here.", changeSummary: "x", reviewFrequencyMonths: "6", audienceRoles: ALL_TEAM })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const v1 = (await getPolicyDocument(lead, plan)).inForce!.body;
    await expect(savePolicyDraft(lead, plan, { body: v1, changeSummary: "Nothing", reviewFrequencyMonths: "6", audienceRoles: ALL_TEAM })).rejects.toMatchObject({ fieldErrors: { body: expect.stringMatching(/Nothing changed/) } });
    await expect(savePolicyDraft(lead, plan, { body: "short", changeSummary: "", reviewFrequencyMonths: "40", audienceRoles: [] })).rejects.toMatchObject({
      fieldErrors: { body: expect.any(String), changeSummary: expect.any(String), reviewFrequencyMonths: expect.any(String), audienceRoles: expect.any(String) },
    });
    await savePolicyDraft(lead, plan, { body: v1.replace("Detection and reporting", "Detecting and reporting"), changeSummary: "Wording", reviewFrequencyMonths: "6", audienceRoles: ALL_TEAM });
    const doc = await getPolicyDocument(lead, plan);
    expect(doc.inForce?.number).toBe(1);
    expect(doc.draft?.contributorNames).toEqual(["Person lead"]);
    expect(doc.actorContributedToDraft).toBe(true);
    expect((await getPolicyDocument(lead2, plan)).actorContributedToDraft).toBe(false);
    await approvePolicyDraft(lead2, plan);
    expect((await getPolicyVersion(member, plan, "1")).version.body).toBe(v1);
    expect((await getPolicyVersion(member, plan, "2")).version.body).toContain("Detecting and reporting");
    const comparison = await comparePolicyVersions(auditor, plan, { from: "1", to: "2" });
    expect(comparison.keys).toEqual(["1", "2"]);
    expect(comparison.parts.filter((p) => p.kind === "removed").map((p) => p.text).join("")).toContain("Detection and reporting");
    expect(comparison.parts.filter((p) => p.kind === "added").map((p) => p.text).join("")).toContain("Detecting and reporting");
    await expect(comparePolicyVersions(auditor, plan, { from: "1", to: "9" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(comparePolicyVersions(auditor, plan, { from: "x" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("renders an approved version as PDF for every reader, auditors included, and logs the download", async () => {
    const file = await downloadPolicyVersionPdf(auditor, plan, "2");
    expect(file.fileName).toBe(`${plan}-v2.pdf`);
    const text = await pdfText(file.body);
    expect(text).toContain("Approved by Person lead2");
    expect(text).toContain("Detecting and reporting");
    const event = await lastEvent("policy.version.downloaded");
    expect(event).toMatchObject({ actorId: auditor.userId });
    expect(event?.details).toMatchObject({ number: 2, recordCount: 1 });
    await expect(downloadPolicyVersionPdf(auditor, plan, "draft")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(downloadPolicyVersionPdf(auditor, plan, "7")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("adds a policy of the team's own, lists documents paged, and refuses a second draft at the database", async () => {
    await expect(createPolicyDocument(responder, { title: "Access control policy" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPolicyDocument(lead, { title: "" })).rejects.toMatchObject({ fieldErrors: { title: expect.any(String) } });
    const { reference } = await createPolicyDocument(privacy, { title: "Access control policy", reviewFrequencyMonths: "12" });
    const list = await listPolicyDocuments(member, { sort: "title", dir: "asc", pageSize: "5" });
    expect(list.total).toBe(3);
    expect(list.canWrite).toBe(false);
    expect(list.missingTemplates).toEqual([]);
    expect(list.rows.map((r) => r.title)).toEqual(["Access control policy", "Incident response plan", "Privacy and data-handling policy"]);
    expect(list.rows.find((r) => r.reference === plan)).toMatchObject({ versionInForce: 2, hasDraft: false });
    expect(list.rows.find((r) => r.reference === reference)).toMatchObject({ versionInForce: null, hasDraft: true, reviewFrequencyMonths: 12 });
    const document = await db().policyDocument.findUniqueOrThrow({ where: { reference } });
    await expect(
      db().policyDocumentVersion.create({ data: { id: `pdv_dup_${run}`, documentId: document.id, status: "draft", body: "x", changeSummary: "x", authorId: lead.userId, contributorIds: [lead.userId], createdAt: new Date(), updatedAt: new Date() } }),
    ).rejects.toThrow();
  });

  it("the database itself refuses an approved version whose approver wrote it", async () => {
    const document = await db().policyDocument.findUniqueOrThrow({ where: { reference: privacyPolicy } });
    await expect(
      db().policyDocumentVersion.create({
        data: { id: `pdv_self_${run}`, documentId: document.id, number: 1, status: "approved", body: "x", changeSummary: "x", authorId: lead.userId, contributorIds: [lead.userId], approvedById: lead.userId, approvedAt: new Date(), createdAt: new Date(), updatedAt: new Date() },
      }),
    ).rejects.toThrow();
  });

  it("the first approval starts the review clock: six months on, listed for the dashboard only once it falls due", async () => {
    const stored = await db().policyDocument.findUniqueOrThrow({ where: { reference: plan } });
    expect(stored.reviewDueOn?.toISOString().slice(0, 10)).toBe("2027-06-01");
    expect(stored.reviewDueBasis).toBe("periodic");
    expect((await getPolicyDocument(member, plan)).review).toMatchObject({ dueOn: "2027-06-01", basis: "periodic", state: "on-time" });
    const soon = await policyReviewClock.listOpen(db(), new Date("2026-12-01T09:00:00Z"), { dueBefore: new Date("2027-01-01T00:00:00Z"), scope: { kind: "all" } });
    expect(soon.map((i) => i.reference)).not.toContain(plan);
    expect((await db().policyDocument.findUniqueOrThrow({ where: { reference: privacyPolicy } })).reviewDueOn).toBeNull();
  });

  it("a major change opens a review due within 30 days; a minor one changes nothing; readers cannot record either", async () => {
    await expect(recordPolicyChange(auditor, plan, { description: "Moved to a new cloud region", changedOn: "2026-12-01", major: "on" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordPolicyChange(member, plan, { description: "Moved to a new cloud region", changedOn: "2026-12-01", major: "on" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordPolicyChange(lead, plan, { description: "Future", changedOn: "2026-12-02", major: "on" })).rejects.toMatchObject({ fieldErrors: { changedOn: expect.stringMatching(/future/) } });
    await expect(recordPolicyChange(lead, plan, { description: "x", changedOn: "1 Dec", reviewWithinDays: "400" })).rejects.toMatchObject({
      fieldErrors: { description: expect.any(String), changedOn: expect.any(String), reviewWithinDays: expect.any(String) },
    });
    await expect(recordPolicyChange(lead, plan, { description: "A new region", changedOn: "2026-13-01" })).rejects.toMatchObject({ fieldErrors: { changedOn: "Enter a real calendar day." } });
    const minor = await recordPolicyChange(privacy, plan, { description: "New on-call phone number", changedOn: "2026-11-30" });
    expect(minor.nextDueOn).toBe("2027-06-01");
    const major = await recordPolicyChange(lead, plan, { description: "Moved order processing to a new hosting provider", changedOn: "2026-12-01", major: "on" });
    expect(major.nextDueOn).toBe("2026-12-31");
    const event = await lastEvent("policy.change-recorded");
    expect(event).toMatchObject({ actorId: lead.userId });
    expect(event?.details).toMatchObject({ major: true, reviewWithinDays: 30, nextReviewDueOn: "2026-12-31", changeId: major.id });
    expect(JSON.stringify(event?.details)).not.toContain("hosting provider");
    const doc = await getPolicyDocument(auditor, plan);
    expect(doc.review).toMatchObject({ dueOn: "2026-12-31", basis: "major-change", state: "due-soon", dueText: "in 30 days" });
    expect(doc.changes.map((c) => c.major)).toEqual([true, false]);

    // The dashboard's clock and the reminders see it.
    const items = await policyReviewClock.listOpen(db(), new Date("2026-12-01T09:00:00Z"), { dueBefore: new Date("2027-01-01T00:00:00Z"), scope: { kind: "all" } });
    expect(items.find((i) => i.reference === plan)).toMatchObject({ state: "due-soon", link: `/plans/${plan}#reviews-heading`, ownerIds: [lead.userId] });
    const reminders = await policyReviewDueRule.collect(db(), new Date("2026-12-01T09:00:00Z"));
    const reminder = reminders.find((r) => r.link === `/plans/${plan}`);
    expect(reminder?.key).toMatch(/^policy\.review-due:pol_\w+:2026-12-31:30d$/);
    expect(reminder?.recipientUserIds).toEqual([lead.userId]);
    const overdue = (await policyReviewDueRule.collect(db(), new Date("2027-01-01T09:00:00Z"))).find((r) => r.link === `/plans/${plan}`);
    expect(overdue?.key).toMatch(/:2026-12-31:overdue$/);
    expect(overdue?.recipientUserIds).toEqual(expect.arrayContaining([lead.userId, lead2.userId]));
  });

  it("a review records reviewer, day, outcome and notes, and moves the next review six months on", async () => {
    await expect(recordPolicyReview(auditor, plan, { reviewedOn: "2026-12-01", outcome: "no_change", notes: "Looked at every section." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordPolicyReview(responder, plan, { reviewedOn: "2026-12-01", outcome: "no_change", notes: "Looked at every section." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordPolicyReview(lead, privacyPolicy, { reviewedOn: "2026-12-01", outcome: "no_change", notes: "Looked at every section." })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(recordPolicyReview(lead, plan, { reviewedOn: "2026-12-01", outcome: "changes_made", notes: "Changed the roles table." })).rejects.toMatchObject({ fieldErrors: { versionNumber: expect.any(String) } });
    await expect(recordPolicyReview(lead, plan, { reviewedOn: "2026-12-01", outcome: "changes_made", versionNumber: "9", notes: "Changed the roles table." })).rejects.toMatchObject({ fieldErrors: { versionNumber: expect.any(String) } });
    await expect(recordPolicyReview(lead, plan, { reviewedOn: "2026-12-05", outcome: "no_change", notes: "Looked at every section." })).rejects.toMatchObject({ fieldErrors: { reviewedOn: expect.any(String) } });
    await expect(recordPolicyReview(lead, plan, { reviewedOn: "2026-12-01", outcome: "maybe", notes: "short" })).rejects.toMatchObject({ fieldErrors: { outcome: expect.any(String), notes: expect.any(String) } });
    const { nextDueOn } = await recordPolicyReview(privacy, plan, { reviewedOn: "2026-12-01", outcome: "changes_made", versionNumber: "2", notes: "Reviewed after the hosting move; wording changed in version 2." });
    expect(nextDueOn).toBe("2027-06-01");
    const doc = await getPolicyDocument(member, plan);
    expect(doc.review).toMatchObject({ dueOn: "2027-06-01", basis: "periodic" });
    expect(doc.reviews[0]).toMatchObject({ reviewedOn: "2026-12-01", reviewerName: "Person priv", outcome: "changes_made", versionNumber: 2 });
    const event = await lastEvent("policy.review-recorded");
    expect(event?.details).toMatchObject({ outcome: "changes_made", versionNumber: 2, nextReviewDueOn: "2027-06-01" });
    expect(JSON.stringify(event?.details)).not.toContain("hosting");
  });

  it("feeds the compliance map's plan rows from these records, and the audit pack gets every approved version's PDF and the module's registers", async () => {
    const facts = await gatherPlanFacts(db());
    expect(facts.irPlan).toMatchObject({ reference: plan, versionInForce: 2 });
    expect(facts.irPlan?.lastReviewedOn?.toISOString().slice(0, 10)).toBe("2026-12-01");
    expect(facts.privacyPolicy).toMatchObject({ reference: privacyPolicy, versionInForce: null });
    // Versions 1 and 2 name nobody yet (the people come with version 3, below).
    expect(facts.contactRoles).toEqual([]);
    const now = new Date("2026-12-01T09:00:00Z");
    expect(evaluatePlanControl("GS-4a", facts, now)).toMatchObject({ status: "attention", problems: ["The plan names no Incident Management Point of Contact", "The plan names no incident commander"] });
    expect(evaluatePlanControl("GS-4b", facts, now).status).toBe("met");
    expect(evaluatePlanControl("PII-2a", facts, now).status).toBe("no_evidence");
    expect(evaluatePlanControl("R25-6", facts, now).status).toBe("not_met");

    const files: { path: string; body: Buffer }[] = [];
    for await (const file of policyPackFiles(db())) files.push(file);
    for await (const file of planRegisterFiles(db())) files.push(file);
    expect(files.map((f) => f.path).sort()).toEqual([
      `policies/${plan}-v1.pdf`,
      `policies/${plan}-v2.pdf`,
      "policies/acknowledgements.csv",
      "policies/change-register.csv",
      "policies/control-activities.csv",
      "policies/reviews.csv",
    ]);
    // The registers, with names and no email: the change register, the reviews.
    const csv = (name: string) => files.find((f) => f.path === `policies/${name}.csv`)!.body.toString("utf8");
    expect(csv("change-register").split("\n")[0]).toContain("What changed");
    expect(csv("change-register")).toContain("Moved order processing to a new hosting provider");
    expect(csv("change-register")).toContain("Person lead");
    expect(csv("reviews")).toContain("Changes made");
    expect(csv("reviews")).toContain("Person priv");
    expect(csv("acknowledgements").trim().split("\n")).toHaveLength(1);
    expect(await pdfText(files.find((f) => f.path.endsWith("-v2.pdf"))!.body)).toContain("Detecting and reporting");
  });

  it("the team acknowledges the version in force: tracked per person, with the rate, the pending names for editors, reminders and the dashboard", async () => {
    const asOf = new Date("2026-12-02T09:00:00Z");
    const mine = await policyAcknowledgementClock.listOpen(db(), asOf, { dueBefore: new Date("2027-01-01T00:00:00Z"), scope: { kind: "member", userId: member.userId } });
    expect(mine.map((i) => [i.reference, i.title, i.dueAt.toISOString()])).toEqual([[plan, "Read and acknowledge Incident response plan, version 2", "2026-12-08T09:00:00.000Z"]]);
    const reminders = await acknowledgementRule.collect(db(), asOf);
    expect(reminders.map((r) => r.recipientUserIds[0]).sort()).toEqual([lead.userId, lead2.userId, member.userId, privacy.userId, responder.userId].sort());
    expect(reminders.find((r) => r.recipientUserIds[0] === member.userId)?.key).toMatch(/^policy\.acknowledgement:pdv_\w+:usr_pl_\w+_member:published$/);

    await expect(acknowledgePolicyVersion(auditor, plan)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acknowledgePolicyVersion(member, privacyPolicy)).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await acknowledgePolicyVersion(member, plan)).toEqual({ number: 2 });
    await expect(acknowledgePolicyVersion(member, plan)).rejects.toMatchObject({ code: "INVALID_STATE", message: "You acknowledged version 2 already." });
    const event = await lastEvent("policy.acknowledged");
    expect(event).toMatchObject({ actorId: member.userId });
    expect(event?.details).toMatchObject({ number: 2 });

    const forMember = await getPolicyDocument(member, plan);
    expect(forMember.acknowledgement).toMatchObject({ number: 2, asked: true, acknowledged: 1, total: 5, rate: "1 of 5 (20%)", pendingNames: null });
    expect(forMember.acknowledgement?.acknowledgedAt).toBe("2026-12-01T09:00:00.000Z");
    expect((await getPolicyDocument(auditor, plan)).acknowledgement).toMatchObject({ asked: false, pendingNames: null });
    expect((await getPolicyDocument(lead, plan)).acknowledgement?.pendingNames).toEqual(["Person lead", "Person lead2", "Person priv", "Person resp"]);
    expect(await policyAcknowledgementClock.listOpen(db(), asOf, { dueBefore: new Date("2027-01-01T00:00:00Z"), scope: { kind: "member", userId: member.userId } })).toEqual([]);

    // By role: asking only security leads leaves the others out of the count and the reminders.
    const body = (await getPolicyDocument(lead, plan)).inForce!.body;
    await expect(savePolicyDraft(lead, plan, { body, changeSummary: "Audience", reviewFrequencyMonths: "6", audienceRoles: ["auditor"] })).rejects.toMatchObject({ fieldErrors: { audienceRoles: expect.any(String) } });
    await savePolicyDraft(lead, plan, { body, changeSummary: "Only leads acknowledge", reviewFrequencyMonths: "6", audienceRoles: ["security_lead"] });
    expect((await getPolicyDocument(lead, plan)).acknowledgement).toMatchObject({ acknowledged: 0, total: 2, pendingNames: ["Person lead", "Person lead2"] });
    expect((await getPolicyDocument(member, plan)).acknowledgement?.asked).toBe(false);
    expect((await acknowledgementRule.collect(db(), asOf)).map((r) => r.recipientUserIds[0]).sort()).toEqual([lead.userId, lead2.userId].sort());
  });

  it("the plan's draft names the IMPOC and commanders (email and phone encrypted); they are in force only once another lead approves; readers cannot change them", async () => {
    // The open draft (the audience change above) is the one the people go into.
    const impoc = { role: "impoc", name: "Dana Lead", email: "dana.impoc@example.test", phone: "+44 20 7946 0000" };
    await expect(addPlanContact(responder, plan, impoc)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addPlanContact(auditor, plan, impoc)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addPlanContact(lead, privacyPolicy, impoc)).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(addPlanContact(lead, plan, { role: "boss", name: "", email: "not-an-email", phone: "call me" })).rejects.toMatchObject({
      fieldErrors: { role: expect.any(String), name: expect.any(String), email: expect.any(String), phone: expect.any(String) },
    });
    const { key } = await addPlanContact(privacy, plan, impoc);
    const { key: deputyKey } = await addPlanContact(privacy, plan, { role: "impoc_deputy", name: "Priya Privacy", email: "priya@example.test", phone: "" });
    await addPlanContact(privacy, plan, { role: "incident_commander", name: "Casey Commander", email: "casey@example.test", phone: "" });
    const stored = await db().planContact.findFirstOrThrow({ where: { sealedForId: key } });
    expect(stored.emailEnc).not.toContain("dana.impoc");
    expect(stored.phoneEnc).not.toContain("7946");
    const added = await lastEvent("policy.draft-contact-added");
    expect(added).toMatchObject({ actorId: privacy.userId, targetType: "policy-document" });
    expect(JSON.stringify(added?.details)).not.toContain("example.test");
    expect(JSON.stringify(added?.details)).not.toContain("Dana");

    // Not in force yet: incidents and the map still see version 2's (nobody).
    expect((await listPlanContacts(member)).contacts).toEqual([]);
    expect((await listPlanContacts(lead, { draft: true })).contacts.map((c) => c.name)).toEqual(["Dana Lead", "Priya Privacy", "Casey Commander"]);
    await expect(listPlanContacts(member, { draft: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removePlanContact(member, plan, deputyKey)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removePlanContact(privacy, plan, deputyKey);
    await expect(removePlanContact(privacy, plan, deputyKey)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // privacy and lead wrote the draft; lead2 did not.
    await expect(approvePolicyDraft(privacy, plan)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await approvePolicyDraft(lead2, plan)).toEqual({ number: 3 });

    const forAuditor = await listPlanContacts(auditor);
    expect(forAuditor.withDetails).toBe(false);
    expect(forAuditor.contacts.map((c) => [c.role, c.name, c.email, c.phone])).toEqual([
      ["impoc", "Dana Lead", null, null],
      ["incident_commander", "Casey Commander", null, null],
    ]);
    expect(await db().auditEvent.count({ where: { action: "policy.contacts-read", actorId: auditor.userId } })).toBe(0);
    const forMember = await listPlanContacts(member, { on: { type: "incident", id: "inc_x" } });
    expect(forMember.contacts[0]).toMatchObject({ name: "Dana Lead", email: "dana.impoc@example.test", phone: "+44 20 7946 0000" });
    expect(forMember.contacts[1]).toMatchObject({ email: "casey@example.test", phone: null });
    const read = await lastEvent("policy.contacts-read");
    expect(read).toMatchObject({ actorId: member.userId, targetType: "incident", targetId: "inc_x" });
    expect(read?.details).toMatchObject({ contactIds: forMember.contacts.map((c) => c.id) });
    expect((await gatherPlanFacts(db())).contactRoles.sort()).toEqual(["impoc", "incident_commander"]);

    // A new draft copies the people (their ciphertexts as they are); taking one off leaves version 3 naming them.
    await removePlanContact(lead, plan, key);
    expect((await listPlanContacts(lead, { draft: true })).contacts.map((c) => c.name)).toEqual(["Casey Commander"]);
    expect((await listPlanContacts(lead)).contacts.map((c) => c.name)).toEqual(["Dana Lead", "Casey Commander"]);
    const started = await lastEvent("policy.draft-contact-removed");
    expect(started?.details).toMatchObject({ draftStarted: true });
    // Every version keeps who it named, by name and role.
    expect((await getPolicyVersion(auditor, plan, "3")).version.planLists?.contacts.map((c) => [c.role, c.name])).toEqual([["impoc", "Dana Lead"], ["incident_commander", "Casey Commander"]]);
    expect((await getPolicyVersion(auditor, plan, "2")).version.planLists?.contacts).toEqual([]);
  });

  it("the plan's draft carries its incident types: approval makes them the catalog; a type it no longer lists retires, stays on old incidents, and is refused for new ones", async () => {
    const before = await getIncidentCatalog(lead);
    expect(before.types.find((t) => t.id === "other")?.active).toBe(true);
    const old = await createIncident(lead, incidentInput("other"));
    const type = { name: "Payment card skimming", description: "Card data captured at a point of sale.", procedure: "1. Isolate the terminal. 2. Call the acquirer.", escalationPath: "Security lead, then Amazon within 24 hours." };
    await expect(addPlanIncidentType(responder, plan, type)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addPlanIncidentType(auditor, plan, type)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addPlanIncidentType(lead, plan, { ...type, name: "" })).rejects.toMatchObject({ fieldErrors: { name: expect.any(String) } });
    const { typeId } = await addPlanIncidentType(lead, plan, type);
    await expect(addPlanIncidentType(lead, plan, { ...type, name: "payment CARD  skimming" })).rejects.toMatchObject({ fieldErrors: { name: expect.any(String) } });
    await updatePlanIncidentType(lead, plan, "malware", { name: "Malware or ransomware", description: "Malicious software on a system.", procedure: "Isolate the host first, then call the incident commander.", escalationPath: "Incident commander, then the security lead." });
    await expect(updatePlanIncidentType(lead, plan, "no-such-type", type)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await removePlanIncidentType(lead, plan, "other");
    await expect(removePlanIncidentType(lead, plan, "other")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const changed = await lastEvent("policy.draft-type-changed");
    expect(changed?.details).toMatchObject({ typeId: "malware", fields: expect.arrayContaining(["procedure"]) });
    expect(JSON.stringify(changed?.details)).not.toContain("Isolate");

    // Drafted only: the catalog is still version 3's.
    expect((await getIncidentCatalog(lead)).types.find((t) => t.id === typeId)).toBeUndefined();
    await expect(createIncident(lead, incidentInput(typeId))).rejects.toMatchObject({ fieldErrors: { typeId: expect.any(String) } });

    // The draft compares with version 3: types added, changed, removed; the person taken off.
    const comparison = await comparePolicyVersions(auditor, plan, { from: "3", to: "draft" });
    expect(comparison.lists?.types).toEqual(
      expect.arrayContaining([
        { name: "Payment card skimming", change: "added", fields: [] },
        { name: "Malware or ransomware", change: "changed", fields: expect.arrayContaining(["procedure", "escalationPath"]) },
        { name: "Other", change: "removed", fields: [] },
      ]),
    );
    expect(comparison.lists?.contacts).toEqual([{ name: "Dana Lead", role: "impoc", change: "removed" }]);

    await expect(approvePolicyDraft(lead, plan)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await approvePolicyDraft(lead2, plan)).toEqual({ number: 4 });
    const approval = await lastEvent("policy.version-approved");
    expect(approval?.details).toMatchObject({ number: 4, typesAdded: [typeId], typesRetired: ["other"], typesRestored: [] });

    const after = await getIncidentCatalog(lead);
    expect(after.types.find((t) => t.id === typeId)).toMatchObject({ active: true, name: "Payment card skimming" });
    expect(after.types.find((t) => t.id === "other")?.active).toBe(false);
    expect(after.types.find((t) => t.id === "malware")?.procedure).toBe("Isolate the host first, then call the incident commander.");
    // Retired: refused for a new incident; the old one keeps it.
    await expect(createIncident(lead, incidentInput("other"))).rejects.toMatchObject({ fieldErrors: { typeId: expect.any(String) } });
    await createIncident(lead, incidentInput(typeId));
    expect((await db().incident.findUniqueOrThrow({ where: { id: old.id } })).typeId).toBe("other");

    // Each version keeps its list; the PDF shows the types and the people, never their emails.
    expect((await getPolicyVersion(member, plan, "3")).version.planLists?.types.map((t) => t.typeId)).toContain("other");
    expect((await getPolicyVersion(member, plan, "4")).version.planLists?.types.map((t) => t.typeId)).not.toContain("other");
    const text = await pdfText((await downloadPolicyVersionPdf(auditor, plan, "4")).body);
    expect(text).toContain("Payment card skimming");
    expect(text).toContain("Isolate the terminal");
    expect(text).toContain("Casey Commander");
    expect(text).not.toContain("casey@example.test");

    // Named again, a retired type comes back under its own id.
    await addPlanIncidentType(lead, plan, { name: "other", description: "Anything else.", procedure: "Ask the incident commander.", escalationPath: "Incident commander." });
    await expect(approvePolicyDraft(lead2, plan)).resolves.toEqual({ number: 5 });
    expect((await lastEvent("policy.version-approved"))?.details).toMatchObject({ typesRestored: ["other"] });
    expect((await db().incidentType.findUniqueOrThrow({ where: { id: "other" } })).active).toBe(true);
  });
});

function incidentInput(typeId: string) {
  return { title: "Unclear traffic from a build server", summary: "Seen in the firewall log of the build network.", typeId, severity: "SEV3", detectedAt: "2026-12-01T08:00", timeZone: "UTC", amazonInfoAnswer: "no", affectedSystems: "", affectedDataCategories: "", teamIds: [] };
}
