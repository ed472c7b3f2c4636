import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { changeIncidentStatus, createIncident, exportIncidentsCsv, getDashboard, getIncidentCatalog, listIncidents, recordAmazonNotice, applyPlanIncidentTypes, activeIncidentTypes } from "@/lib/incidents";
import { closeLegalRequest, createLegalRequest, getLegalRequest, listLegalRequests, recordLegalRequestNotice, sendLegalRequestNotice } from "@/lib/legal-requests";
import { baseIncident, expectAppError, makeUser } from "./fixtures";

const clock = fixedClock("2026-11-28T12:00:00Z");
let restore: () => void;
let lead: Actor, mine: Actor & { kind: "user" }, other: Actor & { kind: "user" }, auditor: Actor, privacy: Actor, member: Actor;
const refs: Record<string, string> = {};

beforeAll(async () => {
  restore = setClock(clock);
  lead = await makeUser(["security_lead"], "Lead");
  mine = await makeUser(["responder"], "Mine");
  other = await makeUser(["responder"], "Other");
  auditor = await makeUser(["auditor"], "Auditor");
  privacy = await makeUser(["privacy_officer"], "Privacy");
  member = await makeUser(["member"], "Member");
  const make = async (key: string, actor: Actor, input: Partial<typeof baseIncident>, at: string) => {
    clock.set(at);
    refs[key] = (await createIncident(actor, { ...baseIncident, ...input })).reference;
  };
  // Times relative to the list's "now", 2026-11-28T12:00Z (Berlin = UTC+1).
  await make("overdue", mine, { title: "Payroll mailbox phished", severity: "SEV1", typeId: "credential-compromise", detectedAt: "2026-11-27T09:00" }, "2026-11-27T08:30:00Z");
  await make("red", other, { title: "Public bucket", severity: "SEV2", typeId: "data-exposure", detectedAt: "2026-11-27T14:00" }, "2026-11-27T13:30:00Z");
  await make("amber", other, { title: "Ransomware on print server", severity: "SEV1", typeId: "malware", detectedAt: "2026-11-27T22:00" }, "2026-11-27T21:30:00Z");
  await make("green", mine, { title: "Lost phone", severity: "SEV3", typeId: "lost-device", detectedAt: "2026-11-28T12:30" }, "2026-11-28T11:45:00Z");
  await make("none", other, { title: "Misdirected invoice", severity: "SEV4", typeId: "misdirected-data", amazonInfoAnswer: "no", detectedAt: "2026-06-10T09:00" }, "2026-06-10T09:00:00Z");
  clock.set("2026-11-28T12:00:00Z");
  await recordAmazonNotice(lead, refs.red!, { sentAt: "2026-11-28T11:00", timeZone: "UTC", channel: "email", sender: "Lead", toAddress: "security@amazon.com", subject: "Notice", body: "We are notifying you of a security incident." });
});
beforeEach(() => clock.set("2026-11-28T12:00:00Z"));
afterAll(async () => {
  restore();
  await db().$disconnect();
});
afterEach(() => clock.set("2026-11-28T12:00:00Z"));

const refsOf = (page: { rows: { reference: string }[] }) => page.rows.map((r) => r.reference);

describe("listIncidents", () => {
  it("shows a security lead every incident, an auditor too, a responder only theirs, a member none of these", async () => {
    expect((await listIncidents(lead, {})).total).toBe(5);
    expect((await listIncidents(auditor, {})).total).toBe(5);
    expect(refsOf(await listIncidents(mine, {})).sort()).toEqual([refs.overdue, refs.green].sort());
    expect((await listIncidents(member, {})).total).toBe(0);
  });

  it("is refused to a role without incident.read", async () => {
    const admin = await makeUser(["admin"], "Admin");
    await expectAppError(listIncidents(admin, {}), "FORBIDDEN");
  });

  it("filters by clock state as the screens compute it", async () => {
    const by = async (clock: string) => refsOf(await listIncidents(lead, { clock }));
    expect(await by("overdue")).toEqual([refs.overdue]);
    expect(await by("met")).toEqual([refs.red]);
    expect(await by("amber")).toEqual([refs.amber]);
    expect(await by("green")).toEqual([refs.green]);
    expect(await by("not-required")).toEqual([refs.none]);
    expect((await by("overdue,amber")).sort()).toEqual([refs.overdue, refs.amber].sort());
    const page = await listIncidents(lead, { clock: "overdue" });
    expect(page.rows[0]!.clock).toBe("overdue");
  });

  it("filters by status, severity, type and date range", async () => {
    await changeIncidentStatus(lead, refs.amber!, { status: "triaged" });
    expect(refsOf(await listIncidents(lead, { status: "triaged" }))).toEqual([refs.amber]);
    expect((await listIncidents(lead, { status: "open" })).total).toBe(5);
    expect(refsOf(await listIncidents(lead, { severity: "SEV1", sort: "reference", dir: "asc" }))).toEqual([refs.overdue, refs.amber]);
    expect(refsOf(await listIncidents(lead, { type: "malware" }))).toEqual([refs.amber]);
    expect(refsOf(await listIncidents(lead, { from: "2026-06-01", to: "2026-06-30" }))).toEqual([refs.none]);
    expect((await listIncidents(lead, { from: "2026-11-27", to: "2026-11-27" })).total).toBe(3);
  });

  it("finds incidents by words of the title or summary, and by reference", async () => {
    expect(refsOf(await listIncidents(lead, { q: "payroll" }))).toEqual([refs.overdue]);
    expect(refsOf(await listIncidents(lead, { q: "ransom" }))).toEqual([refs.amber]);
    expect(refsOf(await listIncidents(lead, { q: refs.green }))).toEqual([refs.green]);
    expect((await listIncidents(lead, { q: "nothing-like-this" })).total).toBe(0);
    expect((await listIncidents(lead, { q: "!!!" })).total).toBe(5);
  });

  it("sorts on every sortable column in both directions, and pages", async () => {
    for (const sort of ["reference", "title", "severity", "status", "type", "detectedAt", "dueAt", "createdAt", "updatedAt"]) {
      const asc = refsOf(await listIncidents(lead, { sort, dir: "asc" }));
      const desc = refsOf(await listIncidents(lead, { sort, dir: "desc" }));
      expect(asc).toHaveLength(5);
      expect(desc).toEqual([...asc].reverse());
    }
    expect(refsOf(await listIncidents(lead, { sort: "title", dir: "asc" }))[0]).toBe(refs.green); // "Lost phone" sorts first
    const first = await listIncidents(lead, { sort: "reference", dir: "asc", pageSize: 5, page: 1 });
    expect(first.total).toBe(5);
    const second = await listIncidents(lead, { sort: "reference", dir: "asc", pageSize: 5, page: 2 });
    expect(second.rows).toEqual([]);
    const small = await listIncidents(lead, { sort: "reference", dir: "asc", pageSize: "5", page: "1", junk: "x" });
    expect(small.query).toMatchObject({ pageSize: 5, page: 1, sort: "reference", dir: "asc" });
  });

  it("falls back to defaults for malformed URL state", async () => {
    const page = await listIncidents(lead, { page: "-3", sort: "DROP TABLE", dir: "sideways", severity: "SEV9", clock: "purple" });
    expect(page.query).toMatchObject({ page: 1, sort: "detectedAt", dir: "desc", severity: [], clock: [] });
    expect(page.total).toBe(5);
  });
});

describe("exportIncidentsCsv", () => {
  it("exports the filtered list without personal data and logs the export", async () => {
    const result = await exportIncidentsCsv(lead, { severity: "SEV1" });
    expect(result.count).toBe(2);
    const lines = result.csv.trim().split("\r\n");
    expect(lines[0]).toBe("Reference,Title,Type,Severity,Status,Detected at (UTC),Amazon notice due (UTC),Amazon notified at (UTC),Amazon clock,Commander");
    expect(lines).toHaveLength(3);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "incident.exported" }, orderBy: { sequence: "desc" } });
    expect(event.details).toMatchObject({ recordCount: 2, filters: { severity: ["SEV1"] } });
  });

  it("is refused to a responder and a privacy officer", async () => {
    await expectAppError(exportIncidentsCsv(mine, {}), "FORBIDDEN");
    await expectAppError(exportIncidentsCsv(privacy, {}), "FORBIDDEN");
  });
});

describe("getDashboard", () => {
  it("lists open incidents nearest deadline first, notices overdue and falling due, counts and 12 months", async () => {
    const dashboard = await getDashboard(lead);
    expect(dashboard.open.map((r) => r.reference).slice(0, 3)).toEqual([refs.overdue, refs.amber, refs.green]);
    // The notice already recorded (red) and the one not required (none) are not due.
    const notices = dashboard.due.filter((d) => d.kind === "incident.amazon-notice");
    expect(notices.map((d) => [d.reference, d.state])).toEqual([
      [refs.overdue, "overdue"],
      [refs.amber, "due-soon"],
      [refs.green, "on-time"],
    ]);
    expect(Object.values(dashboard.byStatus).reduce((a, b) => a + b, 0)).toBe(5);
    expect(dashboard.bySeverity).toMatchObject({ SEV1: 2 });
    expect(dashboard.months).toHaveLength(12);
    expect(dashboard.months.at(-1)).toEqual({ month: "2026-11", count: 4 });
    expect(dashboard.months.find((m) => m.month === "2026-06")).toEqual({ month: "2026-06", count: 1 });
    expect(dashboard.alarms).toEqual([]);
  });

  it("shows open alarms to those who may read them", async () => {
    await db().alarm.create({ data: { id: "alm_test1", rule: "repeated-denials", subjectKey: "usr_x", title: "Repeated denied requests", details: {}, firstSeenAt: new Date(), lastSeenAt: new Date() } });
    expect((await getDashboard(lead)).alarms?.map((a) => a.title)).toEqual(["Repeated denied requests"]);
    expect((await getDashboard(mine)).alarms).toBeNull();
  });

  it("limits a responder's dashboard to their incidents and refuses an administrator", async () => {
    const dashboard = await getDashboard(mine);
    expect(dashboard.open.map((r) => r.reference).sort()).toEqual([refs.overdue, refs.green].sort());
    expect(dashboard.due.map((d) => d.reference)).toEqual([refs.overdue, refs.green]);
    const admin = await makeUser(["admin"], "Admin");
    await expectAppError(getDashboard(admin), "FORBIDDEN");
  });
});

describe("the incident catalog", () => {
  it("offers the nine types and four severities", async () => {
    const catalog = await getIncidentCatalog(mine);
    expect(catalog.types).toHaveLength(9);
    expect(catalog.types[0]!.name).toBe("Unauthorized access");
    expect(catalog.severities.map((s) => s.severity)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
  });

  it("takes the types an approved plan lists: listed ones written and offered, the others retired (lib/plans approves)", async () => {
    const listed = await withTransaction((tx) => activeIncidentTypes(tx));
    const edited = listed.map((t) => (t.typeId === "malware" ? { ...t, procedure: "Isolate the host first." } : t));
    await withTransaction((tx) => applyPlanIncidentTypes(tx, edited, mine.userId));
    expect((await db().incidentType.findUniqueOrThrow({ where: { id: "malware" } })).procedure).toBe("Isolate the host first.");
    expect((await getIncidentCatalog(mine)).types.filter((t) => t.active)).toHaveLength(9);
    // A list without "other" retires it (rolled back here: the other tests log incidents of any type).
    const rollback = new Error("rollback");
    await expect(
      withTransaction(async (tx) => {
        const result = await applyPlanIncidentTypes(tx, edited.filter((t) => t.typeId !== "other"), mine.userId);
        expect(result).toEqual({ added: [], retired: ["other"], restored: [] });
        expect((await tx.incidentType.findUniqueOrThrow({ where: { id: "other" } })).active).toBe(false);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect((await db().incidentType.findUniqueOrThrow({ where: { id: "other" } })).active).toBe(true);
  });
});

describe("legal-process requests", () => {
  const request = { receivedAt: "2026-11-28T09:00", timeZone: "UTC", requestingParty: "District Court of Example", dataSought: "All orders of one buyer account in 2026" };

  it("registers a request with its own 24-hour clock and reference", async () => {
    const { id, reference } = await createLegalRequest(lead, request);
    expect(reference).toMatch(/^LPR-2026-\d{4}$/);
    const detail = await getLegalRequest(lead, id);
    expect(detail.notificationDueAt).toBe("2026-11-29T09:00:00.000Z");
    expect(detail.clock).toBe("green");
    expect(detail.draft?.body).toContain("Requesting party: District Court of Example");
    clock.set("2026-11-29T09:00:01Z");
    expect((await getLegalRequest(lead, id)).clock).toBe("overdue");
    expect(await db().auditEvent.count({ where: { action: "legal-request.created", targetId: id } })).toBe(1);
  });

  it("records the notice and keeps on time or late for good; closes only after it", async () => {
    const { id } = await createLegalRequest(lead, request);
    await expectAppError(closeLegalRequest(lead, id), "INVALID_STATE");
    const result = await recordLegalRequestNotice(lead, id, { sentAt: "2026-11-28T11:00", timeZone: "UTC", channel: "email", sender: "General counsel", toAddress: "security@amazon.com", subject: "Legal process", body: "We inform you of a legal process request." });
    expect(result.onTime).toBe(true);
    clock.set("2026-12-10T00:00:00Z");
    expect((await getLegalRequest(lead, id)).clock).toBe("met");
    await closeLegalRequest(lead, id);
    expect((await listLegalRequests(lead, { status: "closed" })).rows.find((r) => r.id === id)?.closedAt).toBeTruthy();
  });

  it("takes notices while open, none once closed", async () => {
    const { id } = await createLegalRequest(lead, request);
    const notice = { toAddress: "3p-security@amazon.com", subject: "Legal process", body: "We inform you of a legal process request." };
    await recordLegalRequestNotice(lead, id, { sentAt: "2026-11-28T11:00", timeZone: "UTC", channel: "email", sender: "General counsel", ...notice });
    await closeLegalRequest(lead, id);
    const refusal = sendLegalRequestNotice(lead, id, notice);
    await expect(refusal).rejects.toMatchObject({ code: "INVALID_STATE", message: "This request is closed: a closed request takes no more notices." });
    await expectAppError(recordLegalRequestNotice(lead, id, { sentAt: "2026-11-28T11:00", timeZone: "UTC", channel: "email", sender: "General counsel", ...notice }), "INVALID_STATE");
    expect(await db().amazonNotice.count({ where: { legalRequestId: id } })).toBe(1);
  });

  it("a notice sent through Vigil is not a notice until the mail server accepts it", async () => {
    const { id } = await createLegalRequest(lead, request);
    clock.set("2026-11-29T10:00:00Z");
    expect((await sendLegalRequestNotice(lead, id, { toAddress: "security@amazon.com", subject: "Legal process", body: "We inform you of a legal process request." })).state).toBe("sending");
    const detail = await getLegalRequest(lead, id);
    expect(detail.clock).toBe("overdue");
    expect(detail.amazonNotifiedAt).toBeNull();
  });

  it("lets a privacy officer read but not register, and refuses a responder entirely", async () => {
    const { id } = await createLegalRequest(lead, request);
    expect((await getLegalRequest(privacy, id)).canManage).toBe(false);
    expect((await getLegalRequest(privacy, id)).draft).toBeNull();
    await expectAppError(createLegalRequest(privacy, request), "FORBIDDEN");
    await expectAppError(recordLegalRequestNotice(privacy, id, { sentAt: "2026-11-28T11:00", timeZone: "UTC", channel: "email", sender: "x y", toAddress: "security@amazon.com", subject: "Legal", body: "We inform you of a legal process request." }), "FORBIDDEN");
    await expectAppError(sendLegalRequestNotice(auditor, id, { toAddress: "3p-security@amazon.com", subject: "Legal", body: "We inform you of a legal process request." }), "FORBIDDEN");
    await expectAppError(closeLegalRequest(auditor, id), "FORBIDDEN");
    await expectAppError(listLegalRequests(mine, {}), "FORBIDDEN");
  });

  it("refuses a receipt time in the future and missing fields", async () => {
    const errors = await expectAppError(createLegalRequest(lead, { ...request, receivedAt: "2026-11-28T13:00", requestingParty: "" }), "VALIDATION");
    expect(errors).toHaveProperty("requestingParty");
    expect(await expectAppError(createLegalRequest(lead, { ...request, receivedAt: "2026-11-28T13:00" }), "VALIDATION")).toEqual({ receivedAt: "The time received cannot be in the future." });
  });
});
