// What screens may know about plans and policies without a database: row and view shapes, the
// enums with their one label each, the schemas and the pure rules.
import type { TDueState } from "@/lib/core/clocks/types";
import type { TReviewBasis } from "./review-rules";
import type { TActivityOutcome, TControlActivityKind } from "./activity-rules";
import type { PLAN_CONTACT_ROLES, POLICY_DOCUMENT_KINDS, POLICY_REVIEW_OUTCOMES, POLICY_VERSION_STATUSES } from "./schemas";

export * from "./schemas";
export * from "./document-rules";
export * from "./markdown-rules";
export * from "./review-rules";
export * from "./activity-rules";
export * from "./plan-controls";
export * from "./plan-lists-rules";

export type TPolicyDocumentKind = (typeof POLICY_DOCUMENT_KINDS)[number];
export const POLICY_KIND_LABEL: Record<TPolicyDocumentKind, string> = {
  ir_plan: "Incident response plan",
  privacy_policy: "Privacy and data-handling policy",
  other: "Policy",
};

export type TPolicyVersionStatus = (typeof POLICY_VERSION_STATUSES)[number];
export const POLICY_VERSION_STATUS_LABEL: Record<TPolicyVersionStatus, string> = { draft: "Draft", approved: "Approved" };

export interface TPolicyDocumentRow {
  id: string;
  reference: string;
  kind: TPolicyDocumentKind;
  title: string;
  /** The version in force: the highest approved number, or null before the first approval. */
  versionInForce: number | null;
  approvedAt: string | null;
  hasDraft: boolean;
  reviewFrequencyMonths: number;
  reviewDueOn: string | null;
  reviewState: TDueState | null;
}

export interface TPolicyVersionView {
  id: string;
  number: number | null;
  status: TPolicyVersionStatus;
  body: string;
  changeSummary: string;
  authorName: string;
  contributorNames: string[];
  createdAt: string;
  updatedAt: string;
  approvedByName: string | null;
  approvedAt: string | null;
  /** What this version of the incident response plan lists; null for other documents and for versions approved before plans carried lists. */
  planLists: TPlanLists | null;
}

/** An incident type as a version of the plan lists it. */
export interface TPlanTypeView {
  typeId: string;
  name: string;
  description: string;
  procedure: string;
  escalationPath: string;
}

/** A person a version names, by name and role only (what auditors and PDFs see). key: stable across versions. */
export interface TPlanContactName {
  key: string;
  role: TPlanContactRole;
  name: string;
}

export interface TPlanLists {
  types: TPlanTypeView[];
  contacts: TPlanContactName[];
}

export type TListChange = "added" | "removed" | "changed";
export const LIST_CHANGE_LABEL: Record<TListChange, string> = { added: "Added", removed: "Removed", changed: "Changed" };

/** How two versions' lists differ: types by id, contacts by who and in which role. */
export interface TPlanListsDiff {
  types: { name: string; change: TListChange; fields: string[] }[];
  contacts: { name: string; role: TPlanContactRole; change: TListChange }[];
}

export interface TPolicyDocumentDetail {
  reference: string;
  kind: TPolicyDocumentKind;
  title: string;
  reviewFrequencyMonths: number;
  /** The roles asked to acknowledge each published version. */
  audienceRoles: string[];
  inForce: TPolicyVersionView | null;
  draft: TPolicyVersionView | null;
  /** Every approved version, newest first (bodies left out: read one on its own page). */
  versions: Omit<TPolicyVersionView, "body">[];
  /** The next review, from the first approval on; null before it. */
  review: TPolicyReviewClock | null;
  reviews: TPolicyReviewRow[];
  changes: TPolicyChangeRow[];
  /** For the version in force; null before the first approval. */
  acknowledgement: TPolicyAcknowledgementView | null;
  canWrite: boolean;
  canApprove: boolean;
  /** The actor wrote part of the draft, so someone else must approve it. */
  actorContributedToDraft: boolean;
}

export type TPolicyReviewOutcome = (typeof POLICY_REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABEL: Record<TPolicyReviewOutcome, string> = { no_change: "No change", changes_made: "Changes made" };

export interface TPolicyReviewRow {
  id: string;
  reviewedOn: string;
  reviewerName: string;
  outcome: TPolicyReviewOutcome;
  versionNumber: number | null;
  notes: string;
}

export interface TPolicyChangeRow {
  id: string;
  changedOn: string;
  description: string;
  major: boolean;
  reviewWithinDays: number;
  recordedByName: string;
  recordedAt: string;
}

export interface TPolicyReviewClock {
  dueOn: string;
  basis: TReviewBasis;
  state: TDueState;
  dueText: string;
}

export interface TPolicyDiffPart {
  kind: "added" | "removed" | "same";
  text: string;
}

export interface TPolicyComparison {
  reference: string;
  title: string;
  /** A version number or "draft". */
  from: string;
  to: string;
  parts: TPolicyDiffPart[];
  /** The plan's incident types and contacts that differ; null when either version carries no lists. */
  lists: TPlanListsDiff | null;
  /** Every version that can be compared: "1", "2", ..., and "draft" when there is one. */
  keys: string[];
}

export type TPlanContactRole = (typeof PLAN_CONTACT_ROLES)[number];
export const PLAN_CONTACT_ROLE_LABEL: Record<TPlanContactRole, string> = {
  impoc: "Incident Management Point of Contact (IMPOC)",
  impoc_deputy: "Deputy IMPOC",
  incident_commander: "Incident commander",
  deputy_commander: "Deputy incident commander",
};

/** A person the plan names. Email and phone only for team members (never auditors): null otherwise. */
export interface TPlanContactView {
  id: string;
  /** The same person across versions (the draft's edit forms use it). */
  key: string;
  role: TPlanContactRole;
  name: string;
  email: string | null;
  phone: string | null;
}

export interface TPlanContacts {
  contacts: TPlanContactView[];
  /** Whether email and phone were shown (team members) or left out (auditors). */
  withDetails: boolean;
  canManage: boolean;
  /** The plan's reference, for links to it; null when there is no plan. */
  planReference: string | null;
}

export interface TActivityRow {
  id: string;
  reference: string;
  kind: TControlActivityKind;
  title: string;
  frequencyDays: number;
  ownerName: string;
  nextDueOn: string;
  dueState: TDueState;
  dueText: string;
  lastCompletedOn: string | null;
}

export interface TActivityCompletionView {
  id: string;
  completedOn: string;
  completedByName: string;
  outcome: TActivityOutcome;
  note: string | null;
  evidenceLabel: string | null;
  scenario: string | null;
  participants: string | null;
  wentWell: string | null;
  wentBadly: string | null;
}

export interface TActivityDetail extends TActivityRow {
  evidenceExpected: string;
  /** Follow-up actions of its tabletop exercises, as tasks. */
  followUps: { id: string; title: string; ownerName: string; state: string }[];
  completions: TActivityCompletionView[];
  canRecord: boolean;
}

export interface TPolicyAcknowledgementView {
  number: number;
  /** The document asks the actor's role to acknowledge it. */
  asked: boolean;
  acknowledgedAt: string | null;
  acknowledged: number;
  total: number;
  rate: string;
  /** Who has not acknowledged yet: for those who edit the document only. */
  pendingNames: string[] | null;
}
