import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { changeTaskState } from "./change-task-state";
import { reopenErrors } from "./task-rules";
import type { TTaskSubject } from "./task-subject";
import type { TTaskReason } from "./types";

/** Opens a done or cancelled task again, with a reason. */
export async function reopenTask(actor: Actor, subject: TTaskSubject, taskId: string, input: TTaskReason): Promise<void> {
  await changeTaskState(actor, subject, taskId, input, { to: "open", guard: reopenErrors, note: "reopened", action: "task.reopened" });
}
