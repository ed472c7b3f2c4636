// `npm run db:seed` loads seed data; `npm run db:seed -- --demo` adds a realistic demo for
// trying Vigil out: demo people and about 20 incidents in every state, some overdue, some
// notified late, and two legal-process requests. Every run prints a fresh one-time link per
// demo person who has not set up their account yet (lib/users/demo-people.ts). The catalog of
// incident types and severities comes with the migrations. Tests never use this.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type IncidentSeverity, type IncidentStatus } from "@/lib/generated/prisma/client";
import { attachOrStartEmbeddedServer } from "@/lib/db/embedded-server";
import { deployMigrations } from "@/lib/db/migrations";
import { env } from "@/lib/env";
import { encryptField } from "@/lib/crypto/field-encryption";
import { nextReference } from "@/lib/core/references";
import { newId } from "@/lib/ids";
import { DEMO_PEOPLE, describeDemoPeople, loadDemoPeople } from "@/lib/users/demo-people";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type TDemoIncident = {
  title: string;
  summary: string;
  typeId: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  detectedAgo: number;
  amazon: boolean;
  notifiedAfter?: number;
  pii?: string;
  commander: string;
  team?: string[];
  systems: string[];
  data: string[];
  falsePositive?: string;
};

const INCIDENTS: TDemoIncident[] = [
  { title: "Phishing led to a compromised support mailbox", summary: "A support agent entered credentials on a fake login page. The mailbox held order questions with buyer names and addresses.", typeId: "credential-compromise", severity: "SEV1", status: "triaged", detectedAgo: 27 * HOUR, amazon: true, pii: "Affected buyers: M. Jensen, R. Alvarez, K. Nakamura", commander: "dana", team: ["sam"], systems: ["Support mailbox", "Helpdesk"], data: ["Buyer names", "Shipping addresses"] },
  { title: "Order export left in a public S3 bucket", summary: "A nightly order export was written to a bucket whose policy allowed public reads for about 5 hours.", typeId: "data-exposure", severity: "SEV1", status: "contained", detectedAgo: 21 * HOUR, amazon: true, commander: "dana", team: ["jordan"], systems: ["orders-export bucket"], data: ["Order data", "Shipping addresses"] },
  { title: "Laptop stolen from a car", summary: "A developer laptop was stolen from a parked car. It holds a local copy of the order database for testing.", typeId: "lost-device", severity: "SEV2", status: "triaged", detectedAgo: 14 * HOUR, amazon: true, commander: "sam", systems: ["Laptop L-113"], data: ["Order data"] },
  { title: "SP-API refresh token found in a public repository", summary: "A refresh token for the Selling Partner API was committed to a public GitHub repository and found by secret scanning.", typeId: "credential-compromise", severity: "SEV2", status: "detected", detectedAgo: 3 * HOUR, amazon: true, commander: "jordan", systems: ["SP-API integration"], data: ["API credentials"] },
  { title: "Ransomware note on the warehouse print server", summary: "Files on the label print server were encrypted and a ransom note left. The server caches shipping labels.", typeId: "malware", severity: "SEV1", status: "eradicated", detectedAgo: 2 * DAY, amazon: true, notifiedAfter: 6 * HOUR, commander: "dana", team: ["sam", "jordan"], systems: ["Print server PRN-02"], data: ["Shipping labels"] },
  { title: "Invoice emailed to the wrong customer", summary: "An invoice with another customer's order lines was emailed to the wrong address.", typeId: "misdirected-data", severity: "SEV3", status: "recovered", detectedAgo: 4 * DAY, amazon: true, notifiedAfter: 20 * HOUR, commander: "sam", systems: ["Billing"], data: ["Order data", "Buyer names"] },
  { title: "Contractor exported more orders than needed", summary: "A contractor exported a full year of orders for a one-week analysis task.", typeId: "insider-misuse", severity: "SEV2", status: "recovered", detectedAgo: 9 * DAY, amazon: true, notifiedAfter: 30 * HOUR, commander: "dana", systems: ["Reporting"], data: ["Order data"] },
  { title: "Shipping label vendor reports a breach", summary: "Our label vendor reported unauthorized access to their customer database, which includes our shipments.", typeId: "vendor-breach", severity: "SEV2", status: "closed", detectedAgo: 40 * DAY, amazon: true, notifiedAfter: 10 * HOUR, commander: "dana", systems: ["Label vendor"], data: ["Shipping addresses"] },
  { title: "Admin console reachable without VPN", summary: "A firewall change exposed the admin console to the internet for two days.", typeId: "unauthorized-access", severity: "SEV2", status: "closed", detectedAgo: 75 * DAY, amazon: true, notifiedAfter: 29 * HOUR, commander: "dana", systems: ["Admin console"], data: ["Order data"] },
  { title: "Malware on a finance workstation", summary: "Endpoint protection quarantined a trojan on a finance workstation with no access to order data.", typeId: "malware", severity: "SEV3", status: "closed", detectedAgo: 110 * DAY, amazon: false, commander: "sam", systems: ["Workstation FIN-07"], data: [] },
  { title: "Lost phone with mail access", summary: "A sales manager lost a phone with company mail; it was wiped remotely within an hour.", typeId: "lost-device", severity: "SEV4", status: "closed", detectedAgo: 150 * DAY, amazon: false, commander: "jordan", systems: ["Mobile device"], data: [] },
  { title: "Unusual API volume from the reporting service", summary: "The reporting service pulled ten times its usual order volume overnight.", typeId: "unauthorized-access", severity: "SEV3", status: "false_positive", detectedAgo: 60 * DAY, amazon: true, commander: "jordan", systems: ["Reporting"], data: ["Order data"], falsePositive: "Planned year-end backfill, announced by the data team." },
  { title: "Penetration test flagged as intrusion", summary: "The IDS alerted on port scans from an external address.", typeId: "other", severity: "SEV4", status: "false_positive", detectedAgo: 200 * DAY, amazon: false, commander: "sam", systems: ["Perimeter"], data: [], falsePositive: "Scheduled penetration test from our contracted firm." },
  { title: "Shared spreadsheet with buyer emails", summary: "A spreadsheet with buyer email addresses was shared by link to anyone in the company.", typeId: "data-exposure", severity: "SEV3", status: "closed", detectedAgo: 240 * DAY, amazon: true, notifiedAfter: 8 * HOUR, pii: "Roughly 300 buyer email addresses", commander: "dana", systems: ["Google Drive"], data: ["Buyer emails"] },
  { title: "Former employee account still active", summary: "The quarterly access review found a former employee's account still active in the warehouse system.", typeId: "unauthorized-access", severity: "SEV3", status: "closed", detectedAgo: 280 * DAY, amazon: false, commander: "jordan", systems: ["WMS"], data: [] },
  { title: "Credential stuffing on the seller portal", summary: "Thousands of failed logins from rotating IPs; three accounts logged in successfully.", typeId: "credential-compromise", severity: "SEV2", status: "closed", detectedAgo: 320 * DAY, amazon: true, notifiedAfter: 26 * HOUR, commander: "dana", systems: ["Seller portal"], data: ["Order data"] },
  { title: "Backup tape missing in transit", summary: "A backup tape was not delivered to the offsite store; it was found in the courier's depot a day later.", typeId: "lost-device", severity: "SEV3", status: "closed", detectedAgo: 350 * DAY, amazon: true, notifiedAfter: 12 * HOUR, commander: "sam", systems: ["Backups"], data: ["Order data"] },
  { title: "Suspicious OAuth app in the workspace", summary: "An unknown OAuth application with mail read scope was authorised by two staff.", typeId: "unauthorized-access", severity: "SEV3", status: "contained", detectedAgo: 6 * DAY, amazon: false, commander: "jordan", systems: ["Workspace"], data: [] },
  { title: "Customer reports receiving another buyer's parcel", summary: "A buyer received a parcel with another buyer's packing slip.", typeId: "misdirected-data", severity: "SEV4", status: "detected", detectedAgo: 2 * HOUR, amazon: true, commander: "sam", systems: ["Warehouse"], data: ["Buyer names", "Shipping addresses"] },
  { title: "Log shipping to SIEM stopped", summary: "Application logs stopped reaching the SIEM for 18 hours after an agent upgrade.", typeId: "other", severity: "SEV4", status: "triaged", detectedAgo: 30 * HOUR, amazon: false, commander: "jordan", systems: ["SIEM"], data: [] },
];

// DATABASE_URL's server, or the embedded one: attached to while Vigil runs, otherwise started
// for the seed and stopped after it.
async function client(): Promise<{ prisma: PrismaClient; close: () => Promise<void>; migrate: () => Promise<unknown> }> {
  const config = env();
  if (config.DATABASE_URL) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL }) });
    return { prisma, close: () => prisma.$disconnect(), migrate: () => deployMigrations({ databaseUrl: config.DATABASE_URL! }) };
  }
  const server = await attachOrStartEmbeddedServer(config);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.url }) });
  return {
    prisma,
    close: async () => {
      await prisma.$disconnect();
      await server.stop();
    },
    migrate: () => deployMigrations({ databaseUrl: server.url }),
  };
}

async function seedDemo(prisma: PrismaClient): Promise<void> {
  // The people first: invited accounts with fresh one-time links (lib/users/demo-people.ts).
  const { baseUrl } = env();
  const people = await loadDemoPeople(prisma, { baseUrl, at: new Date() });
  const ids: Record<string, string> = people.ids;
  if ((await prisma.incident.count({ where: { reportedById: { in: Object.values(ids) } } })) > 0) {
    console.log("The demo is already loaded.");
  } else {
    await seedDemoRecords(prisma, ids);
  }
  console.log("");
  for (const line of describeDemoPeople(people, baseUrl)) console.log(line);
}

async function seedDemoRecords(prisma: PrismaClient, ids: Record<string, string>): Promise<void> {
  const now = new Date();
  const open = ["detected", "triaged", "contained", "eradicated", "recovered"];
  for (const demo of [...INCIDENTS].sort((a, b) => b.detectedAgo - a.detectedAgo)) {
    const detectedAt = new Date(now.getTime() - demo.detectedAgo);
    const createdAt = new Date(detectedAt.getTime() + 20 * 60_000);
    const dueAt = demo.amazon ? new Date(detectedAt.getTime() + DAY) : null;
    const notifiedAt = dueAt && demo.notifiedAfter !== undefined ? new Date(detectedAt.getTime() + demo.notifiedAfter) : null;
    const id = newId("inc");
    const reference = await nextReference(prisma, "INC", createdAt);
    const team = (demo.team ?? []).map((k) => ids[k]!);
    const reporter = ids[demo.commander === "dana" ? "sam" : demo.commander]!;
    const closed = demo.status === "closed";
    const people = new Set([reporter, ids[demo.commander]!, ...team]);
    await prisma.incident.create({
      data: {
        id,
        reference,
        title: demo.title,
        summary: demo.summary,
        typeId: demo.typeId,
        severity: demo.severity,
        status: demo.status,
        detectedAt,
        reportedById: reporter,
        createdById: reporter,
        commanderId: ids[demo.commander]!,
        teamIds: team,
        memberIds: [...people],
        affectedSystems: demo.systems,
        affectedDataCategories: demo.data,
        amazonInfoAnswer: demo.amazon ? "yes" : "no",
        amazonInfoInvolved: demo.amazon,
        piiInvolved: Boolean(demo.pii),
        piiDetailsEnc: demo.pii ? encryptField(demo.pii, `incident:${id}:piiDetails`) : null,
        notificationDueAt: dueAt,
        amazonNotifiedAt: notifiedAt,
        amazonNoticeOnTime: notifiedAt && dueAt ? notifiedAt <= dueAt : null,
        falsePositiveReason: demo.falsePositive ?? null,
        closedAt: closed || demo.falsePositive ? new Date(detectedAt.getTime() + 5 * DAY) : null,
        closedById: closed || demo.falsePositive ? ids.dana! : null,
        ...(closed
          ? {
              closureDescription: demo.summary,
              rootCause: "Missing control identified during the investigation.",
              remediationActions: "Access revoked, affected data secured, credentials rotated.",
              correctiveControls: "Control added and verified; monitoring rule created.",
              lessonsLearned: "Detection was quick; escalation to the commander took too long.",
            }
          : {}),
        createdAt,
      },
    });
    const entries = [{ at: createdAt, kind: "incident.created", text: `Incident logged (${demo.severity}).`, author: reporter }];
    if (!open.includes(demo.status) || demo.status !== "detected") entries.push({ at: new Date(createdAt.getTime() + HOUR), kind: "status.changed", text: "Status Detected → Triaged.", author: ids[demo.commander]! });
    entries.push({ at: new Date(createdAt.getTime() + 30 * 60_000), kind: "manual", text: "Commander briefed; evidence preservation started.", author: ids[demo.commander]! });
    if (notifiedAt) entries.push({ at: notifiedAt, kind: "amazon-notice.recorded", text: `Notice to Amazon given another way (email) by Dana Reyes, recorded, ${notifiedAt <= dueAt! ? "on time" : "late"}.`, author: ids.dana! });
    for (const e of entries.filter((e) => e.at <= now)) {
      await prisma.incidentTimelineEntry.create({ data: { id: newId("itl"), incidentId: id, occurredAt: e.at, kind: e.kind, text: e.text, authorId: e.author, createdAt: e.at } });
    }
    if (notifiedAt && notifiedAt <= now) {
      await prisma.amazonNotice.create({
        data: {
          id: newId("ntc"),
          incidentId: id,
          status: "recorded",
          channel: "email",
          toAddress: "security@amazon.com",
          subject: `Security incident notice ${reference}: ${demo.title}`,
          body: `Reference: ${reference}\nDetected at: ${detectedAt.toISOString()}\n\n${demo.summary}\n\nContact: Dana Reyes <dana.reyes@example.com>`,
          sentAt: notifiedAt,
          sender: "Dana Reyes",
          dueAt: dueAt!,
          onTime: notifiedAt <= dueAt!,
          recordedById: ids.dana!,
        },
      });
    }
    if (open.includes(demo.status)) {
      await prisma.incidentTask.create({ data: { id: newId("tsk"), incidentId: id, title: "Preserve logs and images", ownerId: ids[demo.commander]!, dueDate: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)), createdById: ids[demo.commander]! } });
      await prisma.incidentComment.create({ data: { id: newId("cmt"), incidentId: id, authorId: ids.dana!, body: "Keep the timeline current; Amazon may ask for it." } });
    }
    if (demo.typeId === "data-exposure" && closed) {
      await prisma.thirdPartyNotification.create({
        data: { id: newId("tpn"), incidentId: id, recipientKind: "regulator", recipientName: "Data protection authority", notifiedAt: new Date(detectedAt.getTime() + 2 * DAY), basis: "legal_obligation", legalObligation: "GDPR Article 33", summary: "Breach notification within 72 hours.", recordedById: ids.dana! },
      });
    }
  }
  const legal = [
    { receivedAgo: 30 * HOUR, party: "District Court of Example County", sought: "All orders placed by one buyer account in 2026", notifiedAfter: null },
    { receivedAgo: 20 * DAY, party: "State tax authority", sought: "Sales records for marketplace orders shipped to the state", notifiedAfter: 5 * HOUR },
  ];
  for (const l of legal) {
    const receivedAt = new Date(now.getTime() - l.receivedAgo);
    const dueAt = new Date(receivedAt.getTime() + DAY);
    const notifiedAt = l.notifiedAfter ? new Date(receivedAt.getTime() + l.notifiedAfter) : null;
    const id = newId("lpr");
    await prisma.legalRequest.create({
      data: {
        id,
        reference: await nextReference(prisma, "LPR", receivedAt),
        receivedAt,
        requestingParty: l.party,
        dataSought: l.sought,
        notificationDueAt: dueAt,
        amazonNotifiedAt: notifiedAt,
        amazonNoticeOnTime: notifiedAt ? notifiedAt <= dueAt : null,
        createdById: ids.dana!,
      },
    });
  }
  console.log(`Loaded the demo: ${DEMO_PEOPLE.length} people, ${INCIDENTS.length} incidents, ${legal.length} legal-process requests.`);
}

async function main(): Promise<void> {
  const demo = process.argv.includes("--demo");
  const { prisma, close, migrate } = await client();
  try {
    await migrate();
    if (demo) await seedDemo(prisma);
    else console.log("Nothing to seed: the incident catalog comes with the migrations. Add --demo to load a demo.");
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
