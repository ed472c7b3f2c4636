import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/ids";
import { makeUser, resetMailState } from "@/test/support/mail-db";
import { openAlarmRule } from "./open-alarm";

const t0 = new Date("2026-03-02T09:00:00.000Z");

async function openAlarm() {
  const id = newId("alm");
  await db().alarm.create({ data: { id, rule: "auth.brute-force", subjectKey: "usr_x", title: "Repeated failed sign-ins", details: {}, firstSeenAt: t0, lastSeenAt: t0 } });
  return id;
}

describe("the open-alarm reminder reads current state from the database", () => {
  beforeEach(async () => {
    await resetMailState(db());
  });
  afterAll(async () => {
    await db().$disconnect();
  });

  it("alarms: open ones only", async () => {
    await makeUser(db(), { roles: ["security_lead"] });
    const open = await openAlarm();
    const closed = await openAlarm();
    await db().alarm.update({ where: { id: closed }, data: { status: "closed" } });
    expect((await openAlarmRule.collect(db(), t0)).map((r) => r.key)).toEqual([`alarm.open:${open}`]);
  });
});
