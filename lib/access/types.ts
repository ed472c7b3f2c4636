// Access governance: row and view types, label maps and the pure rules screens use.
export * from "./access-rules";
export * from "./campaign-rules";
export * from "./schemas";
export * from "./access-controls";
import type { TDueState } from "@/lib/core/clocks/types";
import type { TTaskState } from "@/lib/core/tasks/types";
import type { TAccessDecision } from "./campaign-rules";
import type { TAccountFlag, TCredentialKind, TSystemFlag } from "./access-rules";

export const PERSON_KIND_LABELS = { employee: "Employee", contractor: "Contractor" } as const;
export const ACCOUNT_KIND_LABELS = { human: "Person", service: "Service" } as const;
export const ACCOUNT_STATUS_LABELS = { active: "Active", revoked: "Revoked" } as const;
export const CAMPAIGN_STATUS_LABELS = { open: "Open", signed_off: "Signed off" } as const;

export interface TPersonRow {
  id: string;
  reference: string;
  displayName: string;
  kind: keyof typeof PERSON_KIND_LABELS;
  jobTitle: string | null;
  managerName: string | null;
  userName: string | null;
  startsOn: string | null;
  endsOn: string | null;
  hasLeft: boolean;
  activeAccounts: number;
}

export interface TSystemRow {
  id: string;
  reference: string;
  name: string;
  builtIn: boolean;
  ownerName: string | null;
  lockoutThreshold: number | null;
  passwordHistory: number | null;
  mfaEnforced: boolean | null;
  flags: TSystemFlag[];
  activeAccounts: number;
  flaggedAccounts: number;
}

export interface TSystemDetail extends TSystemRow {
  description: string | null;
  ownerId: string | null;
  holdsAmazonInfo: boolean;
  canManage: boolean;
  canImport: boolean;
}

export interface TAccountRowView {
  id: string;
  identifier: string;
  kind: keyof typeof ACCOUNT_KIND_LABELS;
  personName: string | null;
  alsoUsedBy: number;
  privileges: string | null;
  lastUsedAt: string | null;
  mfa: boolean | null;
  createdOn: string | null;
  status: keyof typeof ACCOUNT_STATUS_LABELS;
  flags: TAccountFlag[];
  revokedAt: string | null;
  revokedLate: boolean;
  revocationDueAt: string | null;
}

export interface TCredentialRow {
  id: string;
  reference: string;
  kind: TCredentialKind;
  name: string;
  systemName: string;
  ownerName: string | null;
  fingerprint: string | null;
  createdOn: string;
  lastRotatedOn: string | null;
  rotationPeriodDays: number;
  nextRotationDueOn: string;
  dueState: TDueState;
  dueText: string;
}

export interface TCampaignRow {
  id: string;
  reference: string;
  dueOn: string;
  opensOn: string;
  status: keyof typeof CAMPAIGN_STATUS_LABELS;
  dueState: TDueState;
  dueText: string;
  accountCount: number;
  decidedCount: number;
  signedOffByName: string | null;
  signedOffAt: string | null;
}

export interface TCampaignItemView {
  id: string;
  systemName: string;
  identifier: string;
  kind: keyof typeof ACCOUNT_KIND_LABELS;
  personName: string | null;
  privileges: string | null;
  lastUsedAt: string | null;
  mfa: boolean | null;
  flags: TAccountFlag[];
  decision: TAccessDecision | null;
  reason: string | null;
  decidedByName: string | null;
  /** May the viewer decide on it (their system, not their own account, campaign open)? */
  canDecide: boolean;
  /** Why not, when they review it but may not decide (their own account). */
  decideBlockedReason: string | null;
  task: { id: string; state: TTaskState; completedByName: string | null; completedAt: string | null; note: string | null } | null;
  canProve: boolean;
}

export interface TCampaignDetail extends TCampaignRow {
  systems: { systemName: string; reviewerName: string | null; items: number; decided: number }[];
  items: TCampaignItemView[];
  /** Only part of the campaign is shown (a reviewer sees the systems they own). */
  scoped: boolean;
  canSignOff: boolean;
  signOffBlockedReason: string | null;
  signOffNote: string | null;
}

export interface TAccessOverview {
  people: number;
  leavers: number;
  systems: number;
  accounts: number;
  flaggedAccounts: number;
  credentials: number;
  credentialsDue: number;
  openCampaign: TCampaignRow | null;
  nextDueOn: string | null;
  canManage: boolean;
  canSeeAll: boolean;
}
