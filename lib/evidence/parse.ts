import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parses input with a zod schema, or throws VALIDATION with one message per field. */
export function parseOrFieldErrors<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "form";
    fieldErrors[key] ??= issue.message;
  }
  throw new AppError("VALIDATION", "Check the highlighted fields.", { fieldErrors });
}
