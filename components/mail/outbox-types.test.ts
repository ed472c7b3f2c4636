import { describe, expect, it } from "vitest";
import { outboxHref, type TOutboxTableQuery } from "./outbox-types";

const base: TOutboxTableQuery = { page: 1, pageSize: 25, sort: "createdAt", dir: "desc" };

describe("outboxHref", () => {
  it("keeps defaults out of the address", () => {
    expect(outboxHref(base)).toBe("/settings/mail");
  });
  it("carries paging, sort and filters, so the server can apply them", () => {
    expect(outboxHref({ ...base, status: "failed", q: "alarm" }, { page: 3, sort: "attempts", dir: "asc", pageSize: 50 })).toBe(
      "/settings/mail?page=3&pageSize=50&sort=attempts&dir=asc&status=failed&q=alarm",
    );
  });
});
