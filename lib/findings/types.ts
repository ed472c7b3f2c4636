// What screens and other domains may know about audit findings without a database: row and
// view shapes, the enums with their one label each, and the input schemas.
import { FINDING_SEVERITIES } from "./schemas";
import type { TDueTone } from "./due-rules";

export * from "./schemas";
export * from "./due-rules";

export type TFindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const SEVERITY_LABEL: Record<TFindingSeverity, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

export const FINDING_STATUSES = ["open", "closed"] as const;
export type TFindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABEL: Record<TFindingStatus, string> = { open: "Open", closed: "Closed" };

export interface THistoryEntry {
  sequence: string;
  occurredAt: string;
  who: string;
  what: string;
  /** Free text the event kept: a reason, a closure note and its evidence. */
  notes: { label: string; text: string }[];
}

export interface TFindingRow {
  id: string;
  reference: string;
  controlId: string;
  controlTitle: string;
  title: string;
  severity: TFindingSeverity;
  ownerName: string;
  dueDate: string;
  /** Null once closed: a closed finding has no deadline left. */
  dueTone: TDueTone | null;
  dueText: string | null;
  status: TFindingStatus;
}

export interface TFindingDetail {
  id: string;
  reference: string;
  controlId: string;
  controlTitle: string;
  engagement: { reference: string; name: string } | null;
  title: string;
  description: string;
  severity: TFindingSeverity;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  dueTone: TDueTone | null;
  dueText: string | null;
  status: TFindingStatus;
  closedAt: string | null;
  closedByName: string | null;
  closureNote: string | null;
  closureEvidence: string | null;
  createdAt: string;
  createdByName: string;
  history: THistoryEntry[];
  canManage: boolean;
}
