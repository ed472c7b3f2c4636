import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { changeTaskState } from "./change-task-state";
import { cancelErrors } from "./task-rules";
import type { TTaskSubject } from "./task-subject";
import type { TTaskReason } from "./types";

/** Cancels an open task that is no longer needed, with a reason. */
export async function cancelTask(actor: Actor, subject: TTaskSubject, taskId: string, input: TTaskReason): Promise<void> {
  await changeTaskState(actor, subject, taskId, input, { to: "cancelled", guard: cancelErrors, note: "cancelled", action: "task.cancelled" });
}
