import { describe, expect, it } from "vitest";
import { emptyListMessage } from "./empty-message";

const params = (query: string) => new URLSearchParams(query).entries();

describe("what an empty list says", () => {
  it("says nothing is there yet when no filter is set, whatever the paging and sorting", () => {
    expect(emptyListMessage("plans and policies", { total: 0, page: 1, pageSize: 25, params: params("") })).toBe("No plans and policies yet.");
    expect(emptyListMessage("incidents", { total: 0, page: 1, pageSize: 25, params: params("sort=title&dir=asc&pageSize=50&page=1") })).toBe("No incidents yet.");
    // A submitted filter form with every field left empty filters nothing.
    expect(emptyListMessage("incidents", { total: 0, page: 1, pageSize: 25, params: params("q=&status=&severity=") })).toBe("No incidents yet.");
  });

  it("says the filters match nothing when one is set", () => {
    expect(emptyListMessage("users", { total: 0, page: 1, pageSize: 25, params: params("q=Nobody") })).toBe("No users match these filters.");
    expect(emptyListMessage("legal-process requests", { total: 0, page: 1, pageSize: 25, params: params("sort=requestingParty&status=closed") })).toBe(
      "No legal-process requests match these filters.",
    );
  });

  it("says a page past the last one is past the last one, with or without filters", () => {
    expect(emptyListMessage("users", { total: 3, page: 2, pageSize: 10, params: params("q=Listed") })).toBe("This page is past the last one: 3 users fill 1 page.");
    expect(emptyListMessage("incidents", { total: 60, page: 9, pageSize: 25, params: params("") })).toBe("This page is past the last one: 60 incidents fill 3 pages.");
  });
});
