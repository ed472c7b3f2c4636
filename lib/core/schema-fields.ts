// Form fields every module's schemas share, with one wording for their refusals.
import { z } from "zod";

/** Required text: trimmed, not empty, at most `max` characters. */
export const text = (max: number, message: string) => z.string().trim().min(1, message).max(max, `Keep it under ${max} characters.`);

/** Optional text: trimmed, at most `max` characters; empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null));
