import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { addIncidentComment } from "./add-incident-comment";
import { createIncident } from "./create-incident";
import { getIncident } from "./get-incident";
import { recordAmazonNotice } from "./record-amazon-notice";
import { recordThirdPartyNotification } from "./record-third-party-notification";

// What an auditor's read of an incident carries: the record, its free text, the clock and its
// verdict, the notices; never the personal-data fields (the encrypted details, third parties'
// names) nor people's emails. Checked on the data the server returns, before any screen.
const run = randomBytes(3).toString("hex");
const PII_DETAILS = `Jane Roe-${run}, 12 Elm Street, order 4471`;
const RECIPIENT = `Rita Recipient-${run}`;
const REPORTER_EMAIL = `reporter.${run}@example.org`;
const COMMENTER_EMAIL = `support.${run}@example.org`;
const SENDER_EMAIL = `dana.${run}@example.org`;
const EMAILS = [REPORTER_EMAIL, COMMENTER_EMAIL, SENDER_EMAIL];

async function user(key: string, roles: Role[]): Promise<Actor & { kind: "user" }> {
  const id = `usr_av_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Person ${key}`, status: "active", roles, mfaEnrolledAt: new Date() } });
  return { kind: "user", userId: id, roles };
}

let lead: Actor & { kind: "user" };
let auditor: Actor & { kind: "user" };
let privacy: Actor & { kind: "user" };
let reference: string;

describe("the auditor's view of an incident", () => {
  beforeAll(async () => {
    lead = await user("lead", ["security_lead"]);
    auditor = await user("aud", ["auditor"]);
    privacy = await user("priv", ["privacy_officer"]);
    const type = await db().incidentType.findFirstOrThrow();
    const created = await createIncident(lead, {
      title: "Order export mailed to the wrong buyer",
      summary: `An export of orders went to the wrong buyer; first reported by ${REPORTER_EMAIL} to the service desk.`,
      typeId: type.id,
      severity: "SEV2",
      detectedAt: new Date(Date.now() - 2 * 3600_000).toISOString().slice(0, 16),
      timeZone: "UTC",
      amazonInfoAnswer: "yes",
      piiInvolved: "on",
      affectedSystems: "",
      affectedDataCategories: "",
      piiDetails: PII_DETAILS,
      teamIds: [],
    } as never);
    reference = created.reference;
    await addIncidentComment(lead, reference, { body: `Mail logs requested from ${COMMENTER_EMAIL}.` });
    await recordAmazonNotice(lead, reference, {
      sentAt: new Date(Date.now() - 60_000).toISOString().slice(0, 16),
      timeZone: "UTC",
      channel: "email",
      toAddress: "security@amazon.com",
      sender: `Dana Lead <${SENDER_EMAIL}>`,
      subject: "Security incident notice",
      body: `To the Amazon security team: an order export went to the wrong buyer. Contact ${SENDER_EMAIL}.`,
    });
    await recordThirdPartyNotification(lead, reference, {
      recipientKind: "customer",
      recipientName: RECIPIENT,
      notifiedAt: "",
      timeZone: "UTC",
      basis: "legal_obligation",
      legalObligation: "GDPR Article 34",
      summary: "Told the buyer which order lines were sent.",
    } as never);
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("gives the auditor the record, its free text, the clock with its verdict and the notices, and none of the personal-data fields", async () => {
    const view = await getIncident(auditor, reference);
    expect(view).toMatchObject({ reference, title: "Order export mailed to the wrong buyer", amazonInfoInvolved: true, piiInvolved: true, piiDetails: null, piiHidden: true, emailsHidden: true });
    expect(view.summary).toBe("An export of orders went to the wrong buyer; first reported by [email address hidden] to the service desk.");
    expect(view.comments.map((c) => c.body)).toEqual(["Mail logs requested from [email address hidden]."]);
    // The clock and its verdict, and the notice with its copy and time.
    expect(view.notificationDueAt).not.toBeNull();
    expect(view.amazonNoticeOnTime).toBe(true);
    expect(view.clock).toBe("met");
    expect(view.notices).toHaveLength(1);
    expect(view.notices[0]).toMatchObject({ subject: "Security incident notice", onTime: true, toAddress: expect.stringContaining("amazon.com") });
    expect(view.notices[0]!.body).toContain("an order export went to the wrong buyer");
    // The third party's entry, without its name.
    expect(view.thirdPartyNotifications).toEqual([expect.objectContaining({ recipientKind: "customer", recipientName: null, summary: "Told the buyer which order lines were sent.", legalObligation: "GDPR Article 34" })]);
    // Nothing of the personal data anywhere in what the server returns.
    const everything = JSON.stringify(view);
    for (const needle of [PII_DETAILS, RECIPIENT, ...EMAILS]) expect(everything.includes(needle), needle).toBe(false);
    // Reading it left no personal-data read in the audit log: nothing was decrypted for the auditor.
    expect(await db().auditEvent.count({ where: { actorId: auditor.userId, action: "incident.pii.read" } })).toBe(0);
  });

  it("gives the security lead the emails as written, and the privacy officer the personal-data fields", async () => {
    const asLead = await getIncident(lead, reference);
    expect(asLead.emailsHidden).toBe(false);
    expect(asLead.summary).toContain(REPORTER_EMAIL);
    expect(asLead.comments[0]!.body).toContain(COMMENTER_EMAIL);
    expect(asLead.notices[0]!.sender).toContain(SENDER_EMAIL);
    // The lead may write personal data but not read it (pii.write without pii.read).
    expect(asLead.piiDetails).toBeNull();

    const asPrivacy = await getIncident(privacy, reference);
    expect(asPrivacy.piiDetails).toBe(PII_DETAILS);
    expect(asPrivacy.thirdPartyNotifications[0]!.recipientName).toBe(RECIPIENT);
    expect(await db().auditEvent.count({ where: { actorId: privacy.userId, action: "incident.pii.read" } })).toBe(1);
  });
});
