import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parseInput, zodFieldErrors } from "./field-errors";

const ZForm = z.object({ title: z.string().min(3, "Give it a title."), teamIds: z.array(z.string().min(1, "Choose a person.")) });

describe("zodFieldErrors", () => {
  it("keys errors by the top-level field, first message per field, 'form' for the whole input", () => {
    const parsed = ZForm.safeParse({ title: "x", teamIds: ["a", "", ""] });
    expect(parsed.success).toBe(false);
    expect(zodFieldErrors(parsed.error!)).toEqual({ title: "Give it a title.", teamIds: "Choose a person." });
    const whole = z.string().safeParse(5);
    expect(Object.keys(zodFieldErrors(whole.error!))).toEqual(["form"]);
  });
});

describe("parseInput", () => {
  it("returns the parsed value, or throws VALIDATION with the field errors", () => {
    expect(parseInput(ZForm, { title: "Laptop", teamIds: [] })).toEqual({ title: "Laptop", teamIds: [] });
    expect(() => parseInput(ZForm, { title: "" })).toThrow(expect.objectContaining({ code: "VALIDATION", fieldErrors: { title: "Give it a title.", teamIds: expect.any(String) } }));
  });
});
