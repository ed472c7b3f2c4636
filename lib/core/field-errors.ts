// The one rule from a zod refusal to a form's field errors: keyed by the top-level field name
// (forms post flat fields; "teamIds.2" belongs to the teamIds field), "form" for the whole
// input, first message per field.
import type { z } from "zod";
import { AppError } from "@/lib/errors";

export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

export function validationError(fieldErrors: Record<string, string>, message = "Check the highlighted fields."): AppError {
  return new AppError("VALIDATION", message, { fieldErrors });
}

/** Parses input with a service's own schema, or throws VALIDATION with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(zodFieldErrors(parsed.error));
}
