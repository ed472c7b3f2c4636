import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { fixedClock, setClock } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { expectAppError, makeUser } from "@/test/incidents/fixtures";
import { closeLegalRequest, createLegalRequest, listLegalRequests, recordLegalRequestNotice } from ".";

const clock = fixedClock("2026-11-28T12:00:00Z");
let restore: () => void;
let lead: Actor;
const refs: Record<string, string> = {};

// Created in this order (references LPR-2026-0001 to -0007), received in another.
const REQUESTS = [
  { key: "court", party: "District Court of Example", receivedAt: "2026-11-20T09:00" },
  { key: "police", party: "Police of Sample Town", receivedAt: "2026-11-27T09:00" },
  { key: "agency", party: "Agency for Audits", receivedAt: "2026-11-01T09:00" },
  { key: "bureau", party: "Bureau of Records", receivedAt: "2026-11-25T09:00" },
  { key: "council", party: "Council of Examples", receivedAt: "2026-11-10T09:00" },
  { key: "embassy", party: "Embassy of Nowhere", receivedAt: "2026-11-28T08:00" },
  { key: "fiscal", party: "Fiscal Office", receivedAt: "2026-11-05T09:00" },
];

beforeAll(async () => {
  restore = setClock(clock);
  lead = await makeUser(["security_lead"], "Lead");
  for (const r of REQUESTS) {
    refs[r.key] = (await createLegalRequest(lead, { receivedAt: r.receivedAt, timeZone: "UTC", requestingParty: r.party, dataSought: "Orders of one buyer account" })).reference;
  }
  for (const key of ["agency", "fiscal"]) {
    await recordLegalRequestNotice(lead, refs[key]!, { sentAt: "2026-11-28T10:00", timeZone: "UTC", channel: "email", sender: "General counsel", toAddress: "security@amazon.com", subject: "Legal process", body: "We inform you of a legal process request." });
    await closeLegalRequest(lead, refs[key]!);
  }
});
afterAll(async () => {
  restore();
  await db().$disconnect();
});

const references = (page: { rows: { reference: string }[] }) => page.rows.map((r) => r.reference);
const keys = (...names: string[]) => names.map((n) => refs[n]);

describe("listLegalRequests", () => {
  it("pages in the database, newest received first by default", async () => {
    const first = await listLegalRequests(lead, { pageSize: "5" });
    expect(first.total).toBe(7);
    expect(first.query).toMatchObject({ page: 1, pageSize: 5, sort: "receivedAt", dir: "desc", status: "all" });
    expect(references(first)).toEqual(keys("embassy", "police", "bureau", "court", "council"));
    const second = await listLegalRequests(lead, { pageSize: "5", page: "2" });
    expect(second.total).toBe(7);
    expect(references(second)).toEqual(keys("fiscal", "agency"));
    expect((await listLegalRequests(lead, { pageSize: "5", page: "3" })).rows).toEqual([]);
  });

  it("sorts by each offered column, both ways", async () => {
    expect(references(await listLegalRequests(lead, { sort: "requestingParty", dir: "asc" }))).toEqual(
      keys("agency", "bureau", "council", "court", "embassy", "fiscal", "police"),
    );
    expect(references(await listLegalRequests(lead, { sort: "reference", dir: "desc" }))).toEqual(keys("fiscal", "embassy", "council", "bureau", "agency", "police", "court"));
    expect(references(await listLegalRequests(lead, { sort: "notificationDueAt", dir: "asc" }))).toEqual(
      keys("agency", "fiscal", "council", "court", "bureau", "police", "embassy"),
    );
  });

  it("filters open and closed requests", async () => {
    const open = await listLegalRequests(lead, { status: "open" });
    expect(open.total).toBe(5);
    expect(open.rows.every((r) => r.closedAt === null)).toBe(true);
    const closed = await listLegalRequests(lead, { status: "closed" });
    expect(references(closed)).toEqual(keys("fiscal", "agency"));
    expect(closed.rows.every((r) => r.closedAt !== null && r.clock === "met-late")).toBe(true);
  });

  it("searches part of a reference or of the requesting party, ignoring case", async () => {
    expect(references(await listLegalRequests(lead, { q: "  of EXAMPLE" }))).toEqual(keys("court", "council"));
    expect(references(await listLegalRequests(lead, { q: refs.bureau!.slice(-4) }))).toEqual(keys("bureau"));
    const both = await listLegalRequests(lead, { q: "office", status: "closed" });
    expect(references(both)).toEqual(keys("fiscal"));
    expect((await listLegalRequests(lead, { q: "no such party" })).total).toBe(0);
  });

  it("falls back to the defaults on a malformed query", async () => {
    const page = await listLegalRequests(lead, { page: "-3", pageSize: "9999", sort: "dataSought", dir: "sideways", status: "pending" });
    expect(page.query).toMatchObject({ page: 1, pageSize: 25, sort: "receivedAt", dir: "desc", status: "all" });
    expect(page.total).toBe(7);
  });

  it("lets security leads, privacy officers and auditors read the list; refuses everyone else", async () => {
    for (const role of ["security_lead", "privacy_officer", "auditor"] as const) {
      expect((await listLegalRequests(await makeUser([role]), {})).total).toBe(7);
    }
    for (const role of ["admin", "responder", "member"] as const) {
      await expectAppError(listLegalRequests(await makeUser([role]), {}), "FORBIDDEN");
    }
  });
});
