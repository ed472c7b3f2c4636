// What screens and other domains may know about audit engagements without a database: row and
// view shapes, the state enum with its one label each, and the input schemas.
import type { TEngagementState } from "./schemas";

export * from "./schemas";
// Pure rules the demo seed (outside the server) and screens use.
export { auditorAccessEnd, engagementState } from "./engagement-rules";

export const ENGAGEMENT_STATE_LABEL: Record<TEngagementState, string> = { planned: "Planned", active: "Active", ended: "Ended" };

export interface TEngagementRow {
  id: string;
  reference: string;
  name: string;
  auditFirm: string;
  startsAt: string;
  endsAt: string;
  state: TEngagementState;
  auditorCount: number;
}

/** What every view of one engagement shows about it. */
export interface TEngagementBasics {
  reference: string;
  name: string;
  auditFirm: string;
  scope: string;
  startsAt: string;
  endsAt: string;
}

export interface TEngagementDetail extends TEngagementBasics {
  id: string;
  endedAt: string | null;
  state: TEngagementState;
  createdByName: string;
  auditors: { userId: string; name: string; accountState: string; accessEndsAt: string | null; addedAt: string }[];
  grants: { id: string; evidenceLabel: string; incidentReference: string; grantedByName: string; grantedAt: string; revokedAt: string | null }[];
  canManage: boolean;
  canReadActivity: boolean;
}

export interface TEvidenceAuditorAccess {
  grants: { id: string; engagementReference: string; engagementName: string; grantedAt: string; live: boolean }[];
  /** Engagements not ended that do not hold a grant for this item yet. */
  engagements: { id: string; label: string }[];
}

export interface TMyEngagement extends TEngagementBasics {
  files: { label: string; incidentReference: string; description: string; fileName: string | null }[];
}

export interface TAuditorActivityRow {
  id: string;
  sequence: string;
  occurredAt: string;
  actorName: string;
  action: string;
  target: string | null;
  outcome: "success" | "denied" | "failed";
}
