import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { ALL_PERMISSIONS, PERMISSIONS, ROLES, can, scopeOf, type Permission, type Role } from "./policy";

// The whole role x permission matrix, written out. "all": every record; "assigned": only
// records the person is a member of; "-": denied. Changing the policy means changing this table.
const MATRIX = `
  permission              | admin | security_lead | responder | privacy_officer | auditor | member   | access_reviewer
  user.read               | all   | all           | -         | -               | all     | -        | -
  user.email.read         | all   | all           | -         | -               | -       | -        | -
  user.manage             | all   | -             | -         | -               | -       | -        | -
  settings.read           | all   | all           | -         | -               | all     | -        | -
  settings.manage         | all   | -             | -         | -               | -       | -        | -
  mail.read               | all   | -             | -         | -               | -       | -        | -
  mail.manage             | all   | -             | -         | -               | -       | -        | -
  audit.read              | all   | all           | -         | -               | all     | -        | -
  audit.export            | all   | all           | -         | -               | all     | -        | -
  audit.checkpoint        | all   | all           | -         | -               | -       | -        | -
  alarm.read              | all   | all           | -         | -               | all     | -        | -
  alarm.manage            | -     | all           | -         | -               | -       | -        | -
  canary.manage           | -     | all           | -         | -               | -       | -        | -
  incident.read           | -     | all           | assigned  | all             | all     | assigned | -
  incident.create         | -     | all           | all       | -               | -       | -        | -
  incident.update         | -     | all           | assigned  | -               | -       | -        | -
  incident.close          | -     | all           | -         | -               | -       | -        | -
  incident.notify-amazon  | -     | all           | -         | -               | -       | -        | -
  incident.catalog.manage | -     | all           | -         | -               | -       | -        | -
  incident.export         | -     | all           | -         | -               | all     | -        | -
  legal-request.read      | -     | all           | -         | all             | all     | -        | -
  legal-request.manage    | -     | all           | -         | -               | -       | -        | -
  pii.read                | -     | -             | -         | all             | -       | -        | -
  pii.write               | -     | all           | assigned  | all             | -       | -        | -
  evidence.read           | -     | all           | assigned  | -               | all     | -        | -
  evidence.create         | -     | all           | assigned  | -               | -       | -        | -
  evidence.custody        | -     | all           | assigned  | -               | -       | -        | -
  evidence.download       | -     | all           | assigned  | -               | -       | -        | -
  evidence.export         | -     | all           | -         | -               | all     | -        | -
  policy.read             | all   | all           | all       | all             | all     | all      | all
  policy.write            | -     | all           | -         | all             | -       | -        | -
  policy.approve          | -     | all           | -         | -               | -       | -        | -
  review.read             | -     | all           | -         | -               | all     | -        | -
  review.manage           | -     | all           | -         | -               | -       | -        | -
  access.read             | -     | all           | -         | -               | all     | -        | assigned
  access.manage           | -     | all           | -         | -               | -       | -        | -
  access.decide           | -     | all           | -         | -               | -       | -        | assigned
  access.signoff          | -     | all           | -         | -               | -       | -        | -
  asset.read              | -     | all           | all       | all             | all     | -        | -
  asset.manage            | -     | all           | -         | -               | -       | -        | -
  compliance.read         | -     | all           | -         | all             | all     | -        | -
  compliance.manage       | -     | all           | -         | -               | -       | -        | -
  compliance.export       | -     | all           | -         | -               | all     | -        | -
  assignment.acknowledge  | all   | all           | all       | all             | -       | all      | all
`;

function parseMatrix(text: string): Map<Permission, Record<Role, string>> {
  const lines = text.trim().split("\n").map((l) => l.split("|").map((c) => c.trim()));
  const header = lines[0]!.slice(1) as Role[];
  const out = new Map<Permission, Record<Role, string>>();
  for (const cells of lines.slice(1)) {
    const row = {} as Record<Role, string>;
    header.forEach((role, i) => (row[role] = cells[i + 1]!));
    out.set(cells[0] as Permission, row);
  }
  return out;
}

const table = parseMatrix(MATRIX);
const user = (role: Role, userId = "usr_me"): Actor => ({ kind: "user", userId, roles: [role] });
const mine = { memberIds: ["usr_me"] };
const theirs = { memberIds: ["usr_other"] };

describe("role x permission matrix", () => {
  it("lists every role and every permission exactly once", () => {
    expect([...table.keys()].sort()).toEqual([...ALL_PERMISSIONS].sort());
    for (const row of table.values()) expect(Object.keys(row).sort()).toEqual([...ROLES].sort());
  });

  for (const permission of ALL_PERMISSIONS) {
    for (const role of ROLES) {
      const expected = table.get(permission)?.[role];
      it(`${role} ${expected === "-" ? "may not" : "may"} ${permission}${expected === "assigned" ? " (only assigned records)" : ""}`, () => {
        const actor = user(role);
        if (expected === "all") {
          expect(can(actor, permission)).toBe(true);
          expect(can(actor, permission, theirs)).toBe(true);
          expect(scopeOf(actor, permission)).toEqual({ kind: "all" });
        } else if (expected === "assigned") {
          expect(can(actor, permission, mine)).toBe(true);
          expect(can(actor, permission, theirs)).toBe(false);
          expect(scopeOf(actor, permission)).toEqual({ kind: "member", userId: "usr_me" });
        } else {
          expect(expected).toBe("-");
          expect(can(actor, permission)).toBe(false);
          expect(can(actor, permission, mine)).toBe(false);
          expect(scopeOf(actor, permission)).toEqual({ kind: "none" });
        }
      });
    }
  }
});

describe("policy invariants from the DPP", () => {
  it("auditors write nothing, ever", () => {
    for (const p of ALL_PERMISSIONS) if (PERMISSIONS[p].kind === "write") expect(can(user("auditor"), p)).toBe(false);
  });
  it("only the privacy officer reads personal data", () => {
    for (const role of ROLES) expect(can(user(role), "pii.read")).toBe(role === "privacy_officer");
  });
  it("administrators manage users but read no incident content", () => {
    expect(can(user("admin"), "user.manage")).toBe(true);
    expect(can(user("admin"), "incident.read")).toBe(false);
    expect(can(user("admin"), "evidence.read")).toBe(false);
  });
  it("several roles combine: the broadest grant wins", () => {
    const both: Actor = { kind: "user", userId: "usr_me", roles: ["member", "security_lead"] };
    expect(can(both, "incident.read", theirs)).toBe(true);
  });
  it("unknown permissions and actors without roles are denied", () => {
    expect(can(user("admin"), "no.such" as Permission)).toBe(false);
    expect(can({ kind: "user", userId: "u", roles: [] }, "incident.read")).toBe(false);
  });
  it("the background worker reads what it reminds about and changes no incident", () => {
    const system: Actor = { kind: "system", name: "reminders" };
    expect(can(system, "incident.read")).toBe(true);
    expect(can(system, "incident.update")).toBe(false);
    expect(can(system, "pii.read")).toBe(false);
  });
});

describe("read-only roles", () => {
  it("only the auditor role is read-only, alone; any role that writes makes a session writable", async () => {
    const { isReadOnly } = await import("./policy");
    expect(ROLES.filter((role) => isReadOnly([role]))).toEqual(["auditor"]);
    expect(isReadOnly(["auditor", "member"])).toBe(false);
    expect(isReadOnly([])).toBe(false);
  });
});
