// The demo's people (`npm run db:seed -- --demo`): invited accounts, each with a one-time link
// to set a password and enrol MFA, the same link an invitation gives (enrolment-link.ts), so
// whoever tries Vigil can sign in as each of them and see the demo from each side. The auditor
// gets a demo audit engagement, which is what makes an auditor's access valid.
// No "server-only": the seed runs this from the command line with its own Prisma client.
import { systemActor } from "@/lib/auth/actor";
import { ROLE_LABELS, type Role } from "@/lib/auth/policy";
import { appendAuditEvent } from "@/lib/audit-log/append-event";
import type { Tx } from "@/lib/db/client";
import { auditorAccessEnd, engagementState } from "@/lib/engagements/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { createEnrolmentLink } from "./enrolment-link";

export const DEMO_PEOPLE = [
  { key: "dana", email: "dana.reyes@example.com", displayName: "Dana Reyes", roles: ["security_lead"] },
  { key: "sam", email: "sam.okafor@example.com", displayName: "Sam Okafor", roles: ["responder"] },
  { key: "jordan", email: "jordan.lee@example.com", displayName: "Jordan Lee", roles: ["responder"] },
  { key: "priya", email: "priya.shah@example.com", displayName: "Priya Shah", roles: ["privacy_officer"] },
  { key: "alex", email: "alex.kim@example.com", displayName: "Alex Kim", roles: ["auditor"] },
] as const satisfies readonly { key: string; email: string; displayName: string; roles: readonly Role[] }[];

export type TDemoPersonKey = (typeof DEMO_PEOPLE)[number]["key"];

const DAY_MS = 86_400_000;
/** The demo engagement runs from a week ago to 30 days ahead (engagements last at most 90 days). */
const ENGAGEMENT_STARTED_DAYS_AGO = 7;
const ENGAGEMENT_DAYS_LEFT = 30;

export interface TDemoPerson {
  key: TDemoPersonKey;
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  /**
   * "link": a new one-time link was issued (any earlier one stopped working);
   * "has-account": they already set a password and enrolled MFA, so no link;
   * "deactivated": the account was deactivated in Vigil, so no link.
   */
  outcome: "link" | "has-account" | "deactivated";
  link: string | null;
  linkExpiresAt: Date | null;
}

export interface TDemoPeople {
  people: TDemoPerson[];
  ids: Record<TDemoPersonKey, string>;
  engagement: { reference: string; endsAt: Date; created: boolean };
}

/**
 * Creates the demo people as invited accounts (or finds them), makes sure the auditor has a
 * live demo engagement, and issues a fresh enrolment link to everyone who has not yet set up
 * their account. Everything, with its audit events (ids only), in one transaction.
 */
export async function loadDemoPeople(prisma: PrismaClient, options: { baseUrl: string; at: Date }): Promise<TDemoPeople> {
  const { baseUrl, at } = options;
  return prisma.$transaction(
    async (tx) => {
      const ids = {} as Record<TDemoPersonKey, string>;
      const created = new Set<string>();
      for (const person of DEMO_PEOPLE) {
        const existing = await tx.user.findUnique({ where: { email: person.email }, select: { id: true, status: true, passwordHash: true } });
        if (existing) {
          ids[person.key] = existing.id;
          // Earlier versions of the demo made "active" accounts without a password: they are invitations.
          if (existing.status === "active" && !existing.passwordHash) await tx.user.update({ where: { id: existing.id }, data: { status: "invited" } });
          continue;
        }
        const id = newId("usr");
        await tx.user.create({
          data: { id, email: person.email, displayName: person.displayName, roles: [...person.roles], status: "invited", timeZone: "Europe/Berlin", createdAt: at },
        });
        ids[person.key] = id;
        created.add(id);
      }

      const engagement = await ensureDemoEngagement(tx, ids, at);

      const people: TDemoPerson[] = [];
      for (const person of DEMO_PEOPLE) {
        const user = await tx.user.findUniqueOrThrow({ where: { id: ids[person.key] } });
        const base = { key: person.key, userId: user.id, email: user.email, displayName: user.displayName, roles: user.roles };
        if (user.status === "deactivated") {
          people.push({ ...base, outcome: "deactivated", link: null, linkExpiresAt: null });
          continue;
        }
        if (user.passwordHash && user.mfaEnrolledAt) {
          people.push({ ...base, outcome: "has-account", link: null, linkExpiresAt: null });
          continue;
        }
        const { link, expiresAt } = await createEnrolmentLink(tx, { userId: user.id, createdById: null, at, baseUrl });
        const isNew = created.has(user.id);
        await appendAuditEvent(tx, {
          actor: systemActor("setup"),
          action: isNew ? "user.invited" : "user.enrolment-link-issued",
          target: { type: "user", id: user.id },
          details: isNew
            ? { roles: user.roles, accessEndsAt: user.accessEndsAt?.toISOString() ?? null, source: "demo-seed" }
            : { enrolmentLinkIssued: true, source: "demo-seed" },
        });
        people.push({ ...base, outcome: "link", link, linkExpiresAt: expiresAt });
      }
      return { people, ids, engagement };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

/**
 * An auditor's access follows their engagements (lib/engagements): Alex gets a live demo
 * engagement unless one of theirs is already running, and their access end is set from it.
 */
async function ensureDemoEngagement(tx: Tx, ids: Record<TDemoPersonKey, string>, at: Date): Promise<TDemoPeople["engagement"]> {
  const auditorId = ids.alex;
  const memberships = await tx.auditEngagementAuditor.findMany({
    where: { userId: auditorId },
    select: { engagement: { select: { reference: true, startsAt: true, endsAt: true, endedAt: true } } },
  });
  const live = memberships.map((m) => m.engagement).find((e) => engagementState(e, at) === "active");
  let result: TDemoPeople["engagement"];
  if (live) {
    result = { reference: live.reference, endsAt: live.endsAt, created: false };
  } else {
    const id = newId("aud");
    const reference = await nextEngagementReference(tx, at);
    const startsAt = new Date(at.getTime() - ENGAGEMENT_STARTED_DAYS_AGO * DAY_MS);
    const endsAt = new Date(at.getTime() + ENGAGEMENT_DAYS_LEFT * DAY_MS);
    await tx.auditEngagement.create({
      data: {
        id,
        reference,
        name: "Annual Data Protection Policy audit (demo)",
        auditFirm: "Example Assurance LLP",
        scope: "Incident response and notification to Amazon (GS-4), evidence handling and the audit log.",
        startsAt,
        endsAt,
        createdById: ids.dana,
        createdAt: at,
        auditors: { create: [{ userId: auditorId, addedById: ids.dana, addedAt: at }] },
      },
    });
    await appendAuditEvent(tx, {
      actor: systemActor("setup"),
      action: "engagement.created",
      target: { type: "engagement", id },
      details: { reference, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), auditorIds: [auditorId], invitedAuditorIds: [], source: "demo-seed" },
    });
    memberships.push({ engagement: { reference, startsAt, endsAt, endedAt: null } });
    result = { reference, endsAt, created: true };
  }
  // As recomputeAuditorAccess does: access ends with the latest engagement that is not over.
  const { accessEndsAt } = auditorAccessEnd(
    memberships.map((m) => m.engagement),
    at,
  );
  await tx.user.update({ where: { id: auditorId }, data: { accessEndsAt } });
  return result;
}

/** The next "AUD-2026-0001" reference, from the same per-year counter the engagement service uses. */
async function nextEngagementReference(tx: Tx, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const rows = await tx.$queryRaw<{ lastNumber: number }[]>`
    INSERT INTO "ReferenceCounter" ("scope", "year", "lastNumber") VALUES ('AUD', ${year}, 1)
    ON CONFLICT ("scope", "year") DO UPDATE SET "lastNumber" = "ReferenceCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  return `AUD-${year}-${String(rows[0]!.lastNumber).padStart(4, "0")}`;
}

/** What the seed prints: one line per person with their link, or why they have none. */
export function describeDemoPeople(result: TDemoPeople, baseUrl: string): string[] {
  const lines: string[] = [];
  const withLinks = result.people.filter((p) => p.outcome === "link");
  const role = (p: TDemoPerson) => p.roles.map((r) => ROLE_LABELS[r]).join(", ");
  if (withLinks.length) {
    const expires = withLinks[0]!.linkExpiresAt!.toISOString().slice(0, 16).replace("T", " ");
    lines.push(
      `One-time links to set a password and two-step sign-in (an authenticator app) for each demo person. Each works once, until ${expires} UTC; links printed by an earlier run no longer work. Open one in a private window to be that person:`,
    );
    for (const p of withLinks) lines.push(`  ${p.displayName} (${role(p)}, ${p.email}):`, `    ${p.link}`);
  }
  const accounts = result.people.filter((p) => p.outcome === "has-account");
  if (accounts.length) {
    lines.push(`Already have accounts (sign in at ${baseUrl}/sign-in with their password and code): ${accounts.map((p) => `${p.displayName} (${role(p)})`).join(", ")}.`);
  }
  const deactivated = result.people.filter((p) => p.outcome === "deactivated");
  if (deactivated.length) {
    lines.push(`Deactivated in Vigil, so no link (an administrator can reactivate them): ${deactivated.map((p) => p.displayName).join(", ")}.`);
  }
  const alex = result.people.find((p) => p.key === "alex")!;
  lines.push(
    `${alex.displayName} audits through engagement ${result.engagement.reference}${result.engagement.created ? " (created now)" : ""}; auditor access ends ${result.engagement.endsAt.toISOString().slice(0, 10)}.`,
  );
  return lines;
}
