// What a finding's status allows (pure). A closed finding refuses every change but reopening;
// an open one cannot be reopened.
import { AppError } from "@/lib/errors";
import type { TFindingStatus } from "./types";

/** Owner, due date and closure change only while the finding is open. */
export function assertFindingOpen(status: TFindingStatus): void {
  if (status !== "open") throw new AppError("INVALID_STATE", "This finding is closed. Reopen it first to change it.");
}

/** Only a closed finding can be reopened. */
export function assertFindingClosed(status: TFindingStatus): void {
  if (status !== "closed") throw new AppError("INVALID_STATE", "This finding is open already.");
}
