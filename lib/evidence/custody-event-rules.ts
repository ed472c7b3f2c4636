// What may happen to an evidence item in each status (pure): the custody events each status
// allows and the status they leave, legal hold, and hand-overs. The page offers what these
// allow; the services refuse the rest with the reason.
import { AppError } from "@/lib/errors";
import type { TCustodyEventKind, TEvidenceStatus } from "./types";

/** From which statuses each event may be recorded, and the status it leaves. */
const RULES: Record<TCustodyEventKind, { from: readonly TEvidenceStatus[]; to?: TEvidenceStatus }> = {
  analysed: { from: ["active"] },
  sealed: { from: ["active"], to: "sealed" },
  unsealed: { from: ["sealed"], to: "active" },
  released: { from: ["active", "sealed"], to: "released" },
  destroyed: { from: ["active", "sealed"], to: "destroyed" },
};

const ENDS_CUSTODY: readonly TCustodyEventKind[] = ["released", "destroyed"];

/** The status the event leaves, or why it cannot be recorded now. */
export function nextEvidenceStatus(current: TEvidenceStatus, action: TCustodyEventKind, legalHold: boolean): TEvidenceStatus | { error: string } {
  const rule = RULES[action];
  if (!rule.from.includes(current)) return { error: `Cannot record "${action}" for an item that is ${current}.` };
  if (legalHold && ENDS_CUSTODY.includes(action)) return { error: "The item is under legal hold: it cannot be released or destroyed." };
  return rule.to ?? current;
}

/** The events an item in this status (and hold) accepts, in the order the page offers them. */
export function allowedCustodyEvents(current: TEvidenceStatus, legalHold: boolean): TCustodyEventKind[] {
  return (Object.keys(RULES) as TCustodyEventKind[]).filter((action) => typeof nextEvidenceStatus(current, action, legalHold) === "string");
}

/** Whether the item is still held by someone: released and destroyed items are not. */
export function isInCustody(current: TEvidenceStatus): boolean {
  return current === "active" || current === "sealed";
}

/** A released or destroyed item has left custody: it cannot change hands. */
export function assertCanChangeHands(current: TEvidenceStatus): void {
  if (!isInCustody(current)) throw new AppError("INVALID_STATE", `A ${current} item cannot change hands.`);
}

/** A transfer is answered once: accepted or declined, it refuses a second answer. */
export function assertTransferOpen(status: string): void {
  if (status !== "pending") throw new AppError("INVALID_STATE", `This transfer was already ${status}.`);
}
