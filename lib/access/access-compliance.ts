import "server-only";
// What the compliance map and the audit pack take from access governance: the facts for the
// GS-2a, GS-2b, GS-2d, R25-3 and R25-4 rows (evaluated by access-controls.ts), and the registers
// and every campaign's report as files.
import { registerCsv } from "@/lib/core/register-report/render-register";
import type { Db } from "@/lib/db/client";
import { utcDay } from "@/lib/findings/types";
import type { TAccessFacts } from "./access-controls";
import { leaverRevocationDueAt } from "./access-rules";
import { readFirstUse } from "./access-settings";
import { nextDueOnFrom } from "./campaign-rules";
import { accountsRegister, campaignReportRegister, credentialsRegister, peopleRegister, systemsRegister } from "./access-registers";
import { campaignReportBytes } from "./download-campaign-report";

export async function gatherAccessFacts(database: Db, now: Date): Promise<TAccessFacts> {
  // Every account count in one pass over the accounts (seven counts were seven scans).
  const lateSince = new Date(now.getTime() - 90 * 86_400_000);
  const [systems, [counts], [campaigns], leavers, [credentials]] = await Promise.all([
    database.asset.findMany({ where: { kind: "system", retiredAt: null }, select: { reference: true, name: true, builtIn: true, lockoutThreshold: true, passwordHistory: true }, orderBy: { name: "asc" }, take: 1000 }),
    database.$queryRaw<{ active: number; shared: number; orphaned: number; dormant: number; noMfa: number; systemsWithAccounts: number; late: number }[]>`
      -- Most accounts carry no flag: testing for an empty list first spares four array searches
      -- per account; the distinct systems by hashing, not by sorting every account (3 ms, not 9-25).
      SELECT count(*) FILTER (WHERE "status" = 'active')::int AS "active",
             count(*) FILTER (WHERE "status" = 'active' AND "flags" <> '{}' AND 'shared' = ANY("flags"))::int AS "shared",
             count(*) FILTER (WHERE "status" = 'active' AND "flags" <> '{}' AND 'orphaned' = ANY("flags"))::int AS "orphaned",
             count(*) FILTER (WHERE "status" = 'active' AND "flags" <> '{}' AND 'dormant' = ANY("flags"))::int AS "dormant",
             count(*) FILTER (WHERE "status" = 'active' AND "flags" <> '{}' AND 'no-mfa' = ANY("flags"))::int AS "noMfa",
             (SELECT count(*) FROM (SELECT DISTINCT "systemId" FROM "AccessAccount" WHERE "status" = 'active') s)::int AS "systemsWithAccounts",
             count(*) FILTER (WHERE "revokedLate" AND "revokedAt" >= ${lateSince})::int AS "late"
      FROM "AccessAccount"`,
    // The campaigns in one statement: the latest signed off, the open one with its undecided
    // accounts, and the latest due day (the next one is due 90 days after it).
    database.$queryRaw<
      {
        signedReference: string | null;
        signedDueOn: Date | null;
        signedOffAt: Date | null;
        openReference: string | null;
        openDueOn: Date | null;
        undecided: number | null;
        lastDueOn: Date | null;
      }[]
    >`
      SELECT s."reference" AS "signedReference", s."dueOn" AS "signedDueOn", s."signedOffAt",
             o."reference" AS "openReference", o."dueOn" AS "openDueOn",
             (SELECT count(*) FROM "AccessReviewItem" WHERE "campaignId" = o."id" AND "decision" IS NULL)::int AS "undecided",
             (SELECT max("dueOn") FROM "AccessReviewCampaign") AS "lastDueOn"
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (SELECT "reference", "dueOn", "signedOffAt" FROM "AccessReviewCampaign" WHERE "status" = 'signed_off' ORDER BY "dueOn" DESC LIMIT 1) s ON true
      LEFT JOIN LATERAL (SELECT "id", "reference", "dueOn" FROM "AccessReviewCampaign" WHERE "status" = 'open' ORDER BY "dueOn" ASC LIMIT 1) o ON true`,
    database.person.findMany({ where: { endsOn: { lt: utcDay(now, -1) }, accessAccounts: { some: { status: "active" } } }, select: { reference: true, endsOn: true }, orderBy: { endsOn: "asc" }, take: 200 }),
    // The credentials in use, and the first 50 overdue for rotation: one statement.
    database.$queryRaw<{ total: number; overdue: string[] }[]>`
      SELECT (SELECT count(*) FROM "AccessCredential" WHERE "retiredAt" IS NULL)::int AS "total",
             ARRAY(SELECT "reference" FROM "AccessCredential" WHERE "retiredAt" IS NULL AND "nextRotationDueOn" < ${utcDay(now)} ORDER BY "nextRotationDueOn" ASC LIMIT 50) AS "overdue"`,
  ]);
  // Before the first campaign, the next is due 90 days after the module's first use (as open-campaign.ts's nextDueOn).
  const lastDueOn = campaigns?.lastDueOn ?? null;
  const next = nextDueOnFrom(lastDueOn, lastDueOn ? null : await readFirstUse(database));
  const { late, ...accounts } = counts!;
  return {
    systems: systems.map((s) => ({ ...s, builtIn: s.builtIn !== null })),
    accounts,
    lastSignedOff:
      campaigns?.signedReference && campaigns.signedDueOn && campaigns.signedOffAt ? { reference: campaigns.signedReference, dueOn: campaigns.signedDueOn, signedOffAt: campaigns.signedOffAt } : null,
    open: campaigns?.openReference && campaigns.openDueOn ? { reference: campaigns.openReference, dueOn: campaigns.openDueOn, undecided: campaigns.undecided ?? 0 } : null,
    nextDueOn: next,
    leaversOverdue: leavers.filter((p) => leaverRevocationDueAt(p.endsOn!) < now).map((p) => p.reference),
    lateRevocations: late,
    credentials: { total: credentials?.total ?? 0, overdue: credentials?.overdue ?? [] },
  };
}

export const ACCESS_PACK_README = `access/people.csv              The people register: names, kinds, managers, Vigil accounts, start and end days (no emails).
access/systems.csv             Systems in scope with their owner, lockout, password history and MFA.
access/accounts.csv            Every account per system: person, privileges, last use, MFA, flags, revocations (late ones marked).
access/credentials.csv         API keys, tokens and LWA client secrets: metadata and rotation only, never a secret.
access/campaigns/<ref>.pdf/.csv  Each access review campaign's report: every account, decision, reviewer and proof.
`;

/** The access registers and every campaign's report, one file at a time, read in batches. */
export async function* accessPackFiles(database: Db): AsyncGenerator<{ path: string; body: AsyncIterable<string> | Buffer }> {
  yield { path: "access/people.csv", body: registerCsv(peopleRegister(database)) };
  yield { path: "access/systems.csv", body: registerCsv(systemsRegister(database)) };
  yield { path: "access/accounts.csv", body: registerCsv(accountsRegister(database)) };
  yield { path: "access/credentials.csv", body: registerCsv(credentialsRegister(database)) };
  let after: string | null = null;
  for (;;) {
    const campaigns: { id: string; reference: string; dueOn: Date; status: string; signedOffAt: Date | null; signedOffById: string | null }[] = await database.accessReviewCampaign.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: 20,
      select: { id: true, reference: true, dueOn: true, status: true, signedOffAt: true, signedOffById: true },
    });
    for (const c of campaigns) {
      const signer = c.signedOffById ? await database.user.findUnique({ where: { id: c.signedOffById }, select: { displayName: true } }) : null;
      const register = () => campaignReportRegister(database, { ...c, signedOffByName: signer?.displayName ?? null });
      const name = c.reference.replace(/[^A-Za-z0-9._-]/g, "_");
      yield { path: `access/campaigns/${name}.pdf`, body: await campaignReportBytes(register(), "pdf") };
      yield { path: `access/campaigns/${name}.csv`, body: registerCsv(register()) };
    }
    if (campaigns.length < 20) return;
    after = campaigns[campaigns.length - 1]!.id;
  }
}
