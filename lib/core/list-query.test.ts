import { describe, expect, it } from "vitest";
import { z } from "zod";
import { JOIN_RELATIONS_UP_TO_OFFSET, listQueryFields, pageArgs } from "./list-query";

const ZQuery = z.object(listQueryFields(["reference", "dueAt"], { sort: "dueAt", dir: "desc" }));

describe("listQueryFields", () => {
  it("reads page, size, sort and direction from the URL", () => {
    expect(ZQuery.parse({ page: "3", pageSize: "50", sort: "reference", dir: "asc" })).toEqual({ page: 3, pageSize: 50, sort: "reference", dir: "asc" });
  });

  it("falls back to the defaults when a value is missing or malformed", () => {
    expect(ZQuery.parse({})).toEqual({ page: 1, pageSize: 25, sort: "dueAt", dir: "desc" });
    expect(ZQuery.parse({ page: "0", pageSize: "1000", sort: "title", dir: "up" })).toEqual({ page: 1, pageSize: 25, sort: "dueAt", dir: "desc" });
  });
});

describe("pageArgs", () => {
  it("skips the earlier pages and breaks ties by id in the same direction", () => {
    expect(pageArgs({ page: 3, pageSize: 25, sort: "reference", dir: "asc" })).toEqual({
      orderBy: [{ reference: "asc" }, { id: "asc" }],
      skip: 50,
      take: 25,
      relationLoadStrategy: "join",
    });
  });

  it("joins the page's relations in its own statement on the first pages, and reads them separately once the offset is deep", () => {
    const strategy = (page: number, pageSize: number) => pageArgs({ page, pageSize, sort: "reference", dir: "asc" }).relationLoadStrategy;
    expect(JOIN_RELATIONS_UP_TO_OFFSET).toBe(100);
    expect(strategy(1, 25)).toBe("join");
    expect(strategy(5, 25)).toBe("join"); // skips 100
    expect(strategy(6, 25)).toBe("query"); // skips 125
    expect(strategy(3, 50)).toBe("join"); // skips 100
    expect(strategy(2, 100)).toBe("join");
    expect(strategy(3, 100)).toBe("query");
    expect(strategy(200, 25)).toBe("query");
  });
});
