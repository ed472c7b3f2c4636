import { describe, expect, it } from "vitest";
import {
  accountFlags,
  fingerprintProblem,
  isGenericName,
  isLateRevocation,
  leaverDueState,
  leaverRevocationDueAt,
  nextRotationDueOn,
  revocationProofErrors,
  rotationDueState,
  systemFlags,
  type TFlagInput,
} from "./access-rules";

const now = new Date("2026-12-10T12:00:00Z");
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const named: TFlagInput = {
  identifier: "anna.berg@example.com",
  kind: "human",
  status: "active",
  person: { endsOn: null },
  alsoUsedByCount: 0,
  lastUsedAt: new Date("2026-12-01T09:00:00Z"),
  accountCreatedOn: day("2025-01-01"),
  mfa: true,
  systemMfaEnforced: false,
};

describe("account flags", () => {
  it("a named, used, MFA-protected account of a current person carries no flag", () => {
    expect(accountFlags(named, now)).toEqual([]);
  });

  it("shared: a generic name, or one account used by several people", () => {
    for (const name of ["admin", "Administrator@shop.example", "test2", "team-ops", "shared.mailbox", "guest", "root"]) expect(isGenericName(name), name).toBe(true);
    for (const name of ["anna.berg", "anna.admin", "teamster", "contest", "sebastian"]) expect(isGenericName(name), name).toBe(false);
    expect(accountFlags({ ...named, identifier: "team-ops" }, now)).toEqual(["shared"]);
    expect(accountFlags({ ...named, alsoUsedByCount: 1 }, now)).toEqual(["shared"]);
    // A service account's name is not a person's: only several users make it shared.
    expect(accountFlags({ ...named, kind: "service", identifier: "test-runner" }, now)).toEqual([]);
  });

  it("orphaned: no known owner, or the owner has left; not on the end day itself", () => {
    expect(accountFlags({ ...named, person: null }, now)).toEqual(["orphaned"]);
    expect(accountFlags({ ...named, person: { endsOn: day("2026-12-09") } }, now)).toEqual(["orphaned"]);
    expect(accountFlags({ ...named, person: { endsOn: day("2026-12-10") } }, now)).toEqual([]);
  });

  it("dormant: unused for more than the dormant days (90 by default), counted from creation when never used", () => {
    expect(accountFlags({ ...named, lastUsedAt: new Date("2026-09-11T11:00:00Z") }, now)).toEqual(["dormant"]);
    expect(accountFlags({ ...named, lastUsedAt: new Date("2026-09-11T13:00:00Z") }, now)).toEqual([]);
    expect(accountFlags({ ...named, lastUsedAt: new Date("2026-11-01T00:00:00Z") }, now, 30)).toEqual(["dormant"]);
    expect(accountFlags({ ...named, lastUsedAt: null, accountCreatedOn: day("2026-01-01") }, now)).toEqual(["dormant"]);
    expect(accountFlags({ ...named, lastUsedAt: null, accountCreatedOn: day("2026-11-30") }, now)).toEqual([]);
  });

  it("no MFA: a person's account without MFA, unless the system enforces it; service accounts are not flagged", () => {
    expect(accountFlags({ ...named, mfa: false }, now)).toEqual(["no-mfa"]);
    expect(accountFlags({ ...named, mfa: null }, now)).toEqual(["no-mfa"]);
    expect(accountFlags({ ...named, mfa: false, systemMfaEnforced: true }, now)).toEqual([]);
    expect(accountFlags({ ...named, kind: "service", mfa: false }, now)).toEqual([]);
  });

  it("a revoked account carries no flag", () => {
    expect(accountFlags({ ...named, status: "revoked", identifier: "admin", person: null, mfa: false }, now)).toEqual([]);
  });
});

describe("system flags", () => {
  it("lockout above 10 attempts or not known is flagged; 10 or fewer is not", () => {
    expect(systemFlags({ lockoutThreshold: 10, passwordHistory: 10 })).toEqual([]);
    expect(systemFlags({ lockoutThreshold: 11, passwordHistory: 10 })).toEqual(["lockout"]);
    expect(systemFlags({ lockoutThreshold: null, passwordHistory: 24 })).toEqual(["lockout"]);
  });
  it("password history under 10 or not known is flagged; 10 or more is not", () => {
    expect(systemFlags({ lockoutThreshold: 5, passwordHistory: 9 })).toEqual(["password-history"]);
    expect(systemFlags({ lockoutThreshold: 5, passwordHistory: null })).toEqual(["password-history"]);
    expect(systemFlags({ lockoutThreshold: 5, passwordHistory: 12 })).toEqual([]);
  });
});

describe("leaver clock", () => {
  it("is due 24 hours after the end day has passed", () => {
    expect(leaverRevocationDueAt(day("2026-12-10")).toISOString()).toBe("2026-12-12T00:00:00.000Z");
  });
  it("is on time, then amber in the last 12 hours, then overdue", () => {
    const due = leaverRevocationDueAt(day("2026-12-10"));
    expect(leaverDueState(due, new Date("2026-12-11T11:59:00Z"))).toBe("on-time");
    expect(leaverDueState(due, new Date("2026-12-11T12:00:00Z"))).toBe("due-soon");
    expect(leaverDueState(due, new Date("2026-12-12T00:00:01Z"))).toBe("overdue");
  });
  it("a revocation after the due time is late; at or before it is not", () => {
    const due = leaverRevocationDueAt(day("2026-12-10"));
    expect(isLateRevocation(due, new Date("2026-12-12T00:00:00Z"))).toBe(false);
    expect(isLateRevocation(due, new Date("2026-12-12T00:00:01Z"))).toBe(true);
    expect(isLateRevocation(null, new Date("2030-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("revocation proof", () => {
  it("cannot close without a note or evidence, nor without the day access was removed", () => {
    expect(revocationProofErrors("open", { removedOn: day("2026-12-09"), note: "", evidenceId: "" }, now)).toHaveProperty("note");
    expect(revocationProofErrors("open", { removedOn: null, note: "Removed the account in the console.", evidenceId: "" }, now)).toHaveProperty("removedOn");
    expect(revocationProofErrors("open", { removedOn: day("2026-12-11"), note: "Removed the account in the console.", evidenceId: "" }, now)).toHaveProperty("removedOn");
  });
  it("closes with the day and a note, or the day and an evidence item", () => {
    expect(revocationProofErrors("open", { removedOn: day("2026-12-10"), note: "Removed the account in the console.", evidenceId: "" }, now)).toEqual({});
    expect(revocationProofErrors("open", { removedOn: day("2026-12-09"), note: "", evidenceId: "evd_1" }, now)).toEqual({});
  });
  it("a closed revocation does not close again", () => {
    expect(revocationProofErrors("done", { removedOn: day("2026-12-09"), note: "Removed the account in the console.", evidenceId: "" }, now)).toHaveProperty("form");
  });
});

describe("credential rotation", () => {
  it("is due the rotation period after the last rotation, or after creation", () => {
    expect(nextRotationDueOn(day("2026-01-01"), null, 180).toISOString().slice(0, 10)).toBe("2026-06-30");
    expect(nextRotationDueOn(day("2026-01-01"), day("2026-06-01"), 180).toISOString().slice(0, 10)).toBe("2026-11-28");
  });
  it("is amber within 30 days and overdue once its day has ended", () => {
    expect(rotationDueState(day("2027-01-09"), now)).toBe("due-soon");
    expect(rotationDueState(day("2027-01-10"), now)).toBe("on-time");
    expect(rotationDueState(day("2027-01-10"), new Date("2026-12-01T00:00:00Z"))).toBe("on-time");
    expect(rotationDueState(day("2026-12-10"), now)).toBe("due-soon");
    expect(rotationDueState(day("2026-12-09"), now)).toBe("overdue");
  });
  it("keeps a fingerprint, never what could be the secret", () => {
    expect(fingerprintProblem("a".repeat(64))).toBeNull();
    expect(fingerprintProblem("SHA256:" + "A".repeat(43))).toBeNull();
    expect(fingerprintProblem("…X9z2")).toBeNull();
    expect(fingerprintProblem("amzn1.oa2-cs.v1.3c6f0e9d8b7a6f5e4d3c2b1a0")).not.toBeNull();
    expect(fingerprintProblem("…X9z2abc")).not.toBeNull();
  });
});
