// State rules of an alarm: open -> acknowledged -> closed, or open -> closed. Closed is final;
// a new firing after that opens a new alarm.
import type { AlarmStatus } from "@/lib/generated/prisma/enums";

export function canAcknowledge(status: AlarmStatus): boolean {
  return status === "open";
}

export function canClose(status: AlarmStatus): boolean {
  return status === "open" || status === "acknowledged";
}

export function canOpenIncident(status: AlarmStatus, incidentId: string | null): boolean {
  return status !== "closed" && incidentId === null;
}
