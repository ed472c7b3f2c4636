// Generic tasks: schemas and shapes that forms and screens may import.
import { z } from "zod";

export const TASK_STATES = ["open", "done", "cancelled"] as const;
export type TTaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_LABELS: Record<TTaskState, string> = { open: "Open", done: "Done", cancelled: "Cancelled" };

/** A completion note must say at least this much when no evidence item proves the work. */
export const MIN_COMPLETION_NOTE = 10;
export const MIN_REASON = 3;

const day = /^\d{4}-\d{2}-\d{2}$/;

export const ZTaskCreate = z.object({
  title: z.string().trim().min(3, "Say what needs doing.").max(300),
  ownerId: z.string().trim().min(1, "Choose an owner."),
  /** An instant (ISO with offset) or a calendar day, which then means the end of that day (UTC). */
  dueAt: z
    .string()
    .trim()
    .optional()
    .transform((text, ctx) => {
      if (!text) return null;
      const at = day.test(text) ? new Date(`${text}T23:59:59.999Z`) : new Date(text);
      if (Number.isNaN(at.getTime())) {
        ctx.addIssue({ code: "custom", message: "Enter a valid date." });
        return z.NEVER;
      }
      return at;
    }),
});
export type TTaskCreate = z.input<typeof ZTaskCreate>;

export const ZTaskComplete = z.object({
  note: z.string().trim().max(5000).optional().default(""),
  evidenceId: z.string().trim().max(100).optional().default(""),
});
export type TTaskComplete = z.input<typeof ZTaskComplete>;

export const ZTaskReason = z.object({ reason: z.string().trim().min(MIN_REASON, "Say why.").max(2000) });
export type TTaskReason = z.input<typeof ZTaskReason>;

export interface TTaskRow {
  id: string;
  title: string;
  ownerId: string;
  dueAt: string | null;
  state: TTaskState;
  completionNote: string | null;
  completionEvidenceId: string | null;
  completedById: string | null;
  completedAt: string | null;
  createdAt: string;
}
