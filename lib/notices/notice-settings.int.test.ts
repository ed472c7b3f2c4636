import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { amazonNoticeAddress, getNoticeSettings, setAmazonNoticeAddress } from "./index";
import { DEFAULT_AMAZON_NOTICE_ADDRESS } from "./types";

const run = randomBytes(3).toString("hex");

async function user(key: string, roles: Role[]): Promise<Actor & { kind: "user" }> {
  const id = `usr_ns_${key}_${run}`;
  await db().user.create({ data: { id, email: `${key}.${run}@example.test`, displayName: `Person ${key}`, status: "active", roles, mfaEnrolledAt: new Date() } });
  return { kind: "user", userId: id, roles };
}

let lead: Actor & { kind: "user" };
let responder: Actor & { kind: "user" };
let auditor: Actor & { kind: "user" };

beforeAll(async () => {
  lead = await user("lead", ["security_lead"]);
  responder = await user("resp", ["responder"]);
  auditor = await user("aud", ["auditor"]);
});

describe("the address notices to Amazon go to", () => {
  it("starts at the address the policy names; a security lead changes it, logged with domains only", async () => {
    expect((await getNoticeSettings(lead)).address).toBe(DEFAULT_AMAZON_NOTICE_ADDRESS);
    await setAmazonNoticeAddress(lead, { address: "  Seller-Security@Example-Amazon.test " });
    const settings = await getNoticeSettings(responder);
    expect(settings).toMatchObject({ address: "seller-security@example-amazon.test", isDefault: false, canManage: false });
    expect(await amazonNoticeAddress(db())).toBe("seller-security@example-amazon.test");
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "incidents.notice-address.changed", actorId: lead.userId } });
    expect(event.details).toEqual({ fromDomain: "amazon.com", toDomain: "example-amazon.test" });
  });

  it("refuses a responder and an auditor, logs the denial and changes nothing", async () => {
    for (const actor of [responder, auditor]) {
      await expect(setAmazonNoticeAddress(actor, { address: "elsewhere@example.test" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await db().auditEvent.count({ where: { actorId: actor.userId, outcome: "denied", action: "authorization.denied" } })).toBeGreaterThan(0);
    }
    expect(await amazonNoticeAddress(db())).not.toBe("elsewhere@example.test");
  });

  it("refuses what is not an email address with a message for the field", async () => {
    await expect(setAmazonNoticeAddress(lead, { address: "security at amazon" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { address: "Enter an email address, such as security@amazon.com." },
    });
    await expect(setAmazonNoticeAddress(lead, { address: "" })).rejects.toMatchObject({ fieldErrors: { address: expect.stringMatching(/Enter the address/) } });
  });
});
