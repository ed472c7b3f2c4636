import { describe, expect, it } from "vitest";
import { cancelErrors, completionErrors, reopenErrors } from "./task-rules";
import { MIN_COMPLETION_NOTE } from "./types";

describe("task rules", () => {
  it("completes an open task only with proof: a long enough note or an evidence item", () => {
    expect(completionErrors("open", { note: "", evidenceId: "" })).toHaveProperty("note");
    expect(completionErrors("open", { note: "x".repeat(MIN_COMPLETION_NOTE - 1), evidenceId: "" })).toHaveProperty("note");
    expect(completionErrors("open", { note: `  ${"x".repeat(MIN_COMPLETION_NOTE - 1)}  `, evidenceId: "" })).toHaveProperty("note");
    expect(completionErrors("open", { note: "x".repeat(MIN_COMPLETION_NOTE), evidenceId: "" })).toEqual({});
    expect(completionErrors("open", { note: "", evidenceId: "evd_1" })).toEqual({});
    expect(completionErrors("done", { note: "x".repeat(50), evidenceId: "" })).toHaveProperty("form");
    expect(completionErrors("cancelled", { note: "", evidenceId: "evd_1" })).toHaveProperty("form");
  });

  it("reopens only what is done or cancelled, cancels only what is open", () => {
    expect(reopenErrors("open")).toHaveProperty("form");
    expect(reopenErrors("done")).toEqual({});
    expect(reopenErrors("cancelled")).toEqual({});
    expect(cancelErrors("open")).toEqual({});
    expect(cancelErrors("done")).toHaveProperty("form");
    expect(cancelErrors("cancelled")).toHaveProperty("form");
  });
});
