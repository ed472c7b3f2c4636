import { describe, expect, it } from "vitest";
import { campaignDueState, campaignOpensOn, decisionErrors, isCampaignOpenable, nextCampaignDueOn, nextDueOnFrom, signOffProblem } from "./campaign-rules";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("campaign due dates", () => {
  it("the first is due 90 days after the module's first use, each next one 90 days after the previous due day", () => {
    expect(iso(nextCampaignDueOn(null, new Date("2026-12-01T15:30:00Z")))).toBe("2027-03-01");
    expect(iso(nextCampaignDueOn(day("2027-03-01"), new Date("2026-12-01T15:30:00Z")))).toBe("2027-05-30");
  });
  it("from the records: 90 days after the last due day, else after the first use, else none yet", () => {
    expect(iso(nextDueOnFrom(day("2027-03-01"), null)!)).toBe("2027-05-30");
    expect(iso(nextDueOnFrom(day("2027-03-01"), day("2020-01-01"))!)).toBe("2027-05-30");
    expect(iso(nextDueOnFrom(null, new Date("2026-12-01T15:30:00Z"))!)).toBe("2027-03-01");
    expect(nextDueOnFrom(null, null)).toBeNull();
  });

  it("a late sign-off does not move the next due day", () => {
    // Whatever day the previous one was signed off, the next counts from its due day.
    expect(iso(nextCampaignDueOn(day("2027-03-01"), day("2020-01-01")))).toBe("2027-05-30");
  });
  it("opens 14 days before it is due, not a day earlier", () => {
    expect(iso(campaignOpensOn(day("2027-03-01")))).toBe("2027-02-15");
    expect(isCampaignOpenable(day("2027-03-01"), new Date("2027-02-14T23:59:59Z"))).toBe(false);
    expect(isCampaignOpenable(day("2027-03-01"), new Date("2027-02-15T00:00:00Z"))).toBe(true);
  });
  it("is overdue once its due day has ended", () => {
    expect(campaignDueState(day("2027-03-01"), new Date("2027-03-01T23:00:00Z"))).toBe("due-soon");
    expect(campaignDueState(day("2027-03-01"), new Date("2027-03-02T00:00:00Z"))).toBe("overdue");
    expect(campaignDueState(day("2027-03-01"), new Date("2027-02-01T00:00:00Z"))).toBe("on-time");
  });
});

describe("decisions", () => {
  const item = { campaignOpen: true, holderUserId: "usr_anna", flags: [] as string[] };
  it("a reviewer cannot decide on their own account; someone else can", () => {
    expect(decisionErrors(item, "usr_anna", { decision: "keep", reason: null })).toHaveProperty("form");
    expect(decisionErrors(item, "usr_owner", { decision: "keep", reason: null })).toEqual({});
  });
  it("keeping a flagged account needs a reason; an unflagged one does not", () => {
    expect(decisionErrors({ ...item, flags: ["shared"] }, "usr_owner", { decision: "keep", reason: null })).toHaveProperty("reason");
    expect(decisionErrors({ ...item, flags: ["shared"] }, "usr_owner", { decision: "keep", reason: "Break-glass account, sealed." })).toEqual({});
  });
  it("revoke and change say why", () => {
    expect(decisionErrors(item, "usr_owner", { decision: "revoke", reason: null })).toHaveProperty("reason");
    expect(decisionErrors(item, "usr_owner", { decision: "revoke", reason: "Left the team." })).toEqual({});
  });
  it("a signed-off campaign refuses every decision", () => {
    expect(decisionErrors({ ...item, campaignOpen: false }, "usr_owner", { decision: "keep", reason: "x" })).toHaveProperty("form");
  });
});

describe("sign-off", () => {
  const campaign = { campaignOpen: true, undecided: 0, reviewerIds: ["usr_owner", "usr_lead"] };
  it("the signer is not a reviewer of the campaign", () => {
    expect(signOffProblem(campaign, "usr_owner")).toMatch(/reviewer/);
    expect(signOffProblem(campaign, "usr_other")).toBeNull();
  });
  it("every account needs a decision first, and a campaign is signed off once", () => {
    expect(signOffProblem({ ...campaign, undecided: 2 }, "usr_other")).toMatch(/2 account/);
    expect(signOffProblem({ ...campaign, campaignOpen: false }, "usr_other")).toMatch(/already/);
  });
});
