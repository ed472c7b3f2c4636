import { beforeAll, describe, expect, it } from "vitest";
import { addAsset, updateAsset } from "@/lib/assets";
import { makeSignedUpUser, type TSignedUpUser } from "@/test/support/signed-up-user";
import { getComplianceMap } from "./get-compliance-map";
import { setControlOwner } from "./set-control-owner";

// Issue 16: concurrent requests for the map share one computation while no record has changed
// since it started (every change writes an audit event, so the chain's head says so). Nothing is
// kept afterwards, nothing depends on the reader, and each reader's permission is checked alone.

let lead: TSignedUpUser;
let auditor: TSignedUpUser;
let responder: TSignedUpUser;

describe("the compliance map under concurrent requests", () => {
  beforeAll(async () => {
    lead = await makeSignedUpUser(["security_lead"]);
    auditor = await makeSignedUpUser(["auditor"], { accessEndsAt: new Date(Date.now() + 30 * 86_400_000) });
    responder = await makeSignedUpUser(["responder"]);
  });

  it("readers arriving together share one computation; each gets their own answer to whether they may manage it", async () => {
    const [a, b, c] = await Promise.all([getComplianceMap(lead.actor), getComplianceMap(auditor.actor), getComplianceMap(lead.actor)]);
    expect(b.results).toBe(a.results);
    expect(c.results).toBe(a.results);
    expect(a.canManage).toBe(true);
    expect(b.canManage).toBe(false);
  });

  it("a reader without the permission is refused even while a computation is in flight", async () => {
    const [allowed, refused] = await Promise.allSettled([getComplianceMap(lead.actor), getComplianceMap(responder.actor)]);
    expect(allowed.status).toBe("fulfilled");
    expect(refused).toMatchObject({ status: "rejected", reason: { code: "FORBIDDEN" } });
  });

  it("keeps nothing: a request after a change sees it, and one made after a computation ended computes afresh", async () => {
    const first = await getComplianceMap(lead.actor);
    expect(first.results.find((r) => r.control.id === "A-1")!.owner).toBeNull();
    await setControlOwner(lead.actor, { controlId: "A-1", ownerId: auditor.id });
    const after = await getComplianceMap(lead.actor);
    expect(after.results).not.toBe(first.results);
    expect(after.results.find((r) => r.control.id === "A-1")!.owner).not.toBeNull();
  });

  it("the asset facts kept between views: a change to an asset shows in the next map, and a reader without the permission is still refused", async () => {
    const channel = { kind: "cloud_service", name: "Kept facts API", holdsAmazonInfo: "on", atRestAlgorithm: "aes_256", atRestKeyManagement: "kms", inTransitMinTls: "tls1_1" };
    const { reference } = await addAsset(lead.actor, channel);
    const gs3 = async () => (await getComplianceMap(lead.actor)).results.find((r) => r.control.id === "GS-3")!.problems.filter((p) => p.startsWith(reference));
    expect(await gs3()).toHaveLength(1);
    await expect(getComplianceMap(responder.actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateAsset(lead.actor, reference, { ...channel, inTransitMinTls: "tls1_2" });
    expect(await gs3()).toEqual([]);
    expect((await getComplianceMap(auditor.actor)).results.find((r) => r.control.id === "GS-3")!.problems.filter((p) => p.startsWith(reference))).toEqual([]);
  });

  it("a request made after a change does not join a computation that started before it", async () => {
    const earlier = getComplianceMap(lead.actor);
    // The change commits (with its audit event) while the earlier computation may still be reading.
    await setControlOwner(lead.actor, { controlId: "A-2", ownerId: auditor.id });
    const later = await getComplianceMap(lead.actor);
    expect(later.results.find((r) => r.control.id === "A-2")!.owner).not.toBeNull();
    await earlier;
  });
});
