import "server-only";
// Reads of the access registers. Security leads and auditors read everything (names, roles,
// account identifiers; never emails or secrets); an access reviewer reads the systems they own.
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { can } from "@/lib/auth/policy";
import { now as clockNow } from "@/lib/clock";
import { pageArgs } from "@/lib/core/list-query";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { dueText, formatDay } from "@/lib/findings/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findSystemToRead, systemScope } from "./access-access";
import { hasLeft, rotationDueState, systemFlags, type TAccountFlag } from "./access-rules";
import { syncVigilAccounts } from "./vigil-system";
import { ZAccountListQuery, ZCredentialListQuery, ZPersonListQuery, ZSystemListQuery, type TAccountListQuery, type TCredentialListQuery, type TPersonListQuery, type TSystemListQuery } from "./schemas";
import type { TAccountRowView, TCredentialRow, TPersonRow, TSystemDetail, TSystemRow } from "./types";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date | null) => (d ? formatDay(d) : null);

/** Vigil's own accounts brought up to date before a read shows them. */
export async function refreshVigilAccounts(): Promise<void> {
  await withTransaction((tx) => syncVigilAccounts(tx, clockNow()));
}

export async function listPeople(actor: Actor, rawQuery: unknown): Promise<{ rows: TPersonRow[]; total: number; query: TPersonListQuery }> {
  // The whole register: an "all" grant only (an access reviewer sees their systems, not the people).
  await authorize(actor, "access.read", { type: "person", id: "*", memberIds: [] });
  const query = ZPersonListQuery.parse(rawQuery ?? {});
  const [people, total] = await Promise.all([
    db().person.findMany({
      ...pageArgs(query),
      select: { id: true, reference: true, displayName: true, kind: true, jobTitle: true, startsOn: true, endsOn: true, manager: { select: { displayName: true } }, user: { select: { displayName: true } }, _count: { select: { accessAccounts: { where: { status: "active" } } } } },
    }),
    db().person.count(),
  ]);
  const now = clockNow();
  return {
    total,
    query,
    rows: people.map((p) => ({
      id: p.id,
      reference: p.reference,
      displayName: p.displayName,
      kind: p.kind,
      jobTitle: p.jobTitle,
      managerName: p.manager?.displayName ?? null,
      userName: p.user?.displayName ?? null,
      startsOn: day(p.startsOn),
      endsOn: day(p.endsOn),
      hasLeft: hasLeft(p.endsOn, now),
      activeAccounts: p._count.accessAccounts,
    })),
  };
}

/** One person of the register (never their email). */
export async function getPerson(actor: Actor, reference: string): Promise<TPersonRow & { managerId: string | null; userId: string | null }> {
  await authorize(actor, "access.read", { type: "person", id: reference, memberIds: [] });
  const p = await db().person.findUnique({
    where: { reference },
    select: { id: true, reference: true, displayName: true, kind: true, jobTitle: true, startsOn: true, endsOn: true, managerId: true, userId: true, manager: { select: { displayName: true } }, user: { select: { displayName: true } }, _count: { select: { accessAccounts: { where: { status: "active" } } } } },
  });
  if (!p) throw new AppError("NOT_FOUND", "There is no person with this reference.");
  return {
    id: p.id,
    reference: p.reference,
    displayName: p.displayName,
    kind: p.kind,
    jobTitle: p.jobTitle,
    managerId: p.managerId,
    userId: p.userId,
    managerName: p.manager?.displayName ?? null,
    userName: p.user?.displayName ?? null,
    startsOn: day(p.startsOn),
    endsOn: day(p.endsOn),
    hasLeft: hasLeft(p.endsOn, clockNow()),
    activeAccounts: p._count.accessAccounts,
  };
}

/** People as form options (owners, managers): names only. */
export async function personOptions(actor: Actor): Promise<{ value: string; label: string }[]> {
  if (!can(actor, "access.manage")) return [];
  const people = await db().person.findMany({ select: { id: true, reference: true, displayName: true }, orderBy: [{ displayName: "asc" }, { id: "asc" }], take: 1000 });
  return people.map((p) => ({ value: p.id, label: `${p.displayName} (${p.reference})` }));
}

/** Vigil accounts a person may be linked to. */
export async function vigilUserOptions(actor: Actor): Promise<{ value: string; label: string }[]> {
  if (!can(actor, "access.manage")) return [];
  const users = await db().user.findMany({ select: { id: true, displayName: true }, orderBy: [{ displayName: "asc" }, { id: "asc" }], take: 1000 });
  return users.map((u) => ({ value: u.id, label: u.displayName }));
}

type TSystemRecord = Prisma.AssetGetPayload<{ include: { owner: { select: { displayName: true } } } }>;

async function systemRows(systems: TSystemRecord[]): Promise<TSystemRow[]> {
  const counts = await db().accessAccount.groupBy({ by: ["systemId"], where: { systemId: { in: systems.map((s) => s.id) }, status: "active" }, _count: { _all: true } });
  const flagged = await db().accessAccount.groupBy({ by: ["systemId"], where: { systemId: { in: systems.map((s) => s.id) }, status: "active", NOT: { flags: { isEmpty: true } } }, _count: { _all: true } });
  const active = new Map(counts.map((c) => [c.systemId, c._count._all]));
  const flaggedOf = new Map(flagged.map((c) => [c.systemId, c._count._all]));
  return systems.map((s) => ({
    id: s.id,
    reference: s.reference,
    name: s.name,
    builtIn: s.builtIn !== null,
    ownerName: s.owner?.displayName ?? null,
    lockoutThreshold: s.lockoutThreshold,
    passwordHistory: s.passwordHistory,
    mfaEnforced: s.mfaEnforced,
    flags: systemFlags(s),
    activeAccounts: active.get(s.id) ?? 0,
    flaggedAccounts: flaggedOf.get(s.id) ?? 0,
  }));
}

export async function listSystems(actor: Actor, rawQuery: unknown): Promise<{ rows: TSystemRow[]; total: number; query: TSystemListQuery }> {
  await authorize(actor, "access.read");
  const query = ZSystemListQuery.parse(rawQuery ?? {});
  const where = systemScope(actor, "access.read") ?? { id: "none" };
  const [systems, total] = await Promise.all([db().asset.findMany({ where: { ...where, retiredAt: null }, ...pageArgs(query), include: { owner: { select: { displayName: true } } } }), db().asset.count({ where: { ...where, retiredAt: null } })]);
  return { rows: await systemRows(systems), total, query };
}

export async function getSystem(actor: Actor, reference: string): Promise<TSystemDetail> {
  const system = await findSystemToRead(db(), actor, reference);
  const [row] = await systemRows([system]);
  return { ...row!, description: system.description, ownerId: system.ownerId, holdsAmazonInfo: system.holdsAmazonInfo, canManage: can(actor, "access.manage"), canImport: can(actor, "access.manage") && !system.builtIn };
}

export async function listAccounts(actor: Actor, systemReference: string, rawQuery: unknown): Promise<{ rows: TAccountRowView[]; total: number; query: TAccountListQuery }> {
  const system = await findSystemToRead(db(), actor, systemReference);
  const query = ZAccountListQuery.parse(rawQuery ?? {});
  const where: Prisma.AccessAccountWhereInput = { systemId: system.id, ...(query.flagged === "flagged" ? { status: "active", NOT: { flags: { isEmpty: true } } } : {}) };
  const [accounts, total] = await Promise.all([db().accessAccount.findMany({ where, ...pageArgs(query), include: { person: { select: { displayName: true } } } }), db().accessAccount.count({ where })]);
  return {
    total,
    query,
    rows: accounts.map((a) => ({
      id: a.id,
      identifier: a.identifier,
      kind: a.kind,
      personName: a.person?.displayName ?? null,
      alsoUsedBy: a.alsoUsedByIds.length,
      privileges: a.privileges,
      lastUsedAt: iso(a.lastUsedAt),
      mfa: a.mfa,
      createdOn: day(a.accountCreatedOn),
      status: a.status,
      flags: a.flags as TAccountFlag[],
      revokedAt: iso(a.revokedAt),
      revokedLate: a.revokedLate,
      revocationDueAt: iso(a.revocationDueAt),
    })),
  };
}

export async function listCredentials(actor: Actor, rawQuery: unknown): Promise<{ rows: TCredentialRow[]; total: number; query: TCredentialListQuery }> {
  await authorize(actor, "access.read", { type: "access-credential", id: "*", memberIds: [] });
  const query = ZCredentialListQuery.parse(rawQuery ?? {});
  const where = { retiredAt: null };
  const [credentials, total] = await Promise.all([
    db().accessCredential.findMany({ where, ...pageArgs(query), include: { system: { select: { name: true } }, owner: { select: { displayName: true } } } }),
    db().accessCredential.count({ where }),
  ]);
  const now = clockNow();
  return {
    total,
    query,
    rows: credentials.map((c) => ({
      id: c.id,
      reference: c.reference,
      kind: c.kind,
      name: c.name,
      systemName: c.system.name,
      ownerName: c.owner?.displayName ?? null,
      fingerprint: c.fingerprint,
      createdOn: formatDay(c.createdOn),
      lastRotatedOn: day(c.lastRotatedOn),
      rotationPeriodDays: c.rotationPeriodDays,
      nextRotationDueOn: formatDay(c.nextRotationDueOn),
      dueState: rotationDueState(c.nextRotationDueOn, now),
      dueText: dueText(c.nextRotationDueOn, now),
    })),
  };
}

/** Systems as form options (credentials). */
export async function systemOptions(actor: Actor): Promise<{ value: string; label: string }[]> {
  if (!can(actor, "access.manage")) return [];
  const systems = await db().asset.findMany({ where: { kind: "system", retiredAt: null }, select: { id: true, name: true, reference: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 1000 });
  return systems.map((s) => ({ value: s.id, label: `${s.name} (${s.reference})` }));
}

