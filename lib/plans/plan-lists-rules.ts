// The plan's lists compared between two versions (pure): incident types by their catalog id,
// contacts by the person (key) and role.
import type { TPlanLists, TPlanListsDiff } from "./types";

const TYPE_FIELDS = ["name", "description", "procedure", "escalationPath"] as const;

export function diffPlanLists(from: TPlanLists, to: TPlanLists): TPlanListsDiff {
  const before = new Map(from.types.map((t) => [t.typeId, t]));
  const after = new Map(to.types.map((t) => [t.typeId, t]));
  const types: TPlanListsDiff["types"] = [];
  for (const t of to.types) {
    const old = before.get(t.typeId);
    if (!old) types.push({ name: t.name, change: "added", fields: [] });
    else {
      const fields = TYPE_FIELDS.filter((f) => old[f] !== t[f]);
      if (fields.length > 0) types.push({ name: t.name, change: "changed", fields });
    }
  }
  for (const t of from.types) if (!after.has(t.typeId)) types.push({ name: t.name, change: "removed", fields: [] });
  const id = (c: { key: string; role: string }) => `${c.key}:${c.role}`;
  const was = new Map(from.contacts.map((c) => [id(c), c]));
  const is = new Map(to.contacts.map((c) => [id(c), c]));
  const contacts: TPlanListsDiff["contacts"] = [];
  for (const c of to.contacts) {
    const old = was.get(id(c));
    if (!old) contacts.push({ name: c.name, role: c.role, change: "added" });
    else if (old.name !== c.name) contacts.push({ name: c.name, role: c.role, change: "changed" });
  }
  for (const c of from.contacts) if (!is.has(id(c))) contacts.push({ name: c.name, role: c.role, change: "removed" });
  return { types, contacts };
}

/** A type name taken in a list already (case and spacing ignored). */
export function sameTypeName(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();
}
