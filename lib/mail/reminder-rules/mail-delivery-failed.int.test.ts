import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { makeUser, resetMailState } from "@/test/support/mail-db";
import { mailDeliveryFailedRule } from "./mail-delivery-failed";

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("the failed-delivery reminder reads current state from the database", () => {
  beforeEach(async () => {
    await resetMailState(db());
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("failed emails: recent ones only", async () => {
    await makeUser(db(), { roles: ["admin"] });
    const email = (id: string, status: "failed" | "sent", failedAt: Date | null) =>
      db().outboxEmail.create({
        data: { id, template: "reminder:alarm.open", subject: "s", toAddressEnc: "x", textBodyEnc: "x", htmlBodyEnc: "x", status, nextAttemptAt: t0, giveUpAt: t0, createdAt: t0, updatedAt: t0, failedAt },
      });
    await email("eml_recent", "failed", at(-DAY));
    await email("eml_old", "failed", at(-30 * DAY));
    await email("eml_ok", "sent", null);
    expect((await mailDeliveryFailedRule.collect(db(), t0)).map((r) => r.key)).toEqual([`mail.delivery-failed:eml_recent:${at(-DAY).toISOString()}`]);
  });
});
