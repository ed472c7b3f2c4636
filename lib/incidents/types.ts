// What screens, exports and other modules may import about incidents: row and view types, the
// input schemas, the pure rules screens need, and ONE label map per enum. No server code here.
import type { TDueItem } from "@/lib/core/clocks/types";
import type { IncidentSeverity, IncidentStatus, NotificationBasis } from "@/lib/generated/prisma/enums";
import type { TNoticeRow, TPendingNotice } from "@/lib/notices/types";
import { AMAZON_INFO_ANSWER_LABELS, type TAmazonInfoAnswer, type TClockState } from "./clock-rules";
import type { TIncidentListQuery } from "./list-query";
import type { TClosingField } from "./status-rules";

export * from "./schemas";
export {
  AMAZON_INFO_ANSWERS,
  AMAZON_INFO_ANSWER_LABELS,
  ANSWERED_BEFORE_LABEL,
  CLOCK_CHANGE_REASON_MIN,
  CLOCK_LABELS,
  CLOCK_STATES,
  OPEN_CLOCK_STATES,
  SECURITY_INCIDENT_DEFINITION,
  SECURITY_INCIDENT_QUESTION,
  answerChangeNeed,
  answerRunsClock,
  clockState,
  formatRemaining,
  noticeDueAt,
  type TAmazonInfoAnswer,
  type TClockState,
} from "./clock-rules";
export { CLOSING_FIELDS, CLOSING_FIELD_LABELS, INCIDENT_STATUSES, OPEN_STATUSES, STATUS_LABELS, isOpenStatus, type TClosingField } from "./status-rules";
export { THIRD_PARTY_WARNING } from "./notice-rules";
export { formatWithZone, resolveInstant } from "@/lib/core/time-zones";
export type { TIncidentListQuery, TSortColumn } from "./list-query";

export const SEVERITY_LABELS: Record<IncidentSeverity, string> = { SEV1: "SEV1", SEV2: "SEV2", SEV3: "SEV3", SEV4: "SEV4" };

/** What a timeline entry records; manual entries are the notes people write. */
export const TIMELINE_KIND_LABELS = {
  manual: "Note",
  "incident.created": "Incident logged",
  "incident.updated": "Details changed",
  "status.changed": "Status changed",
  "detection-time.changed": "Detection time changed",
  "amazon-answer.changed": "Security Incident answer changed",
  "task.added": "Task added",
  "task.done": "Task done",
  "task.reopened": "Task reopened",
  "amazon-notice.sent": "Notice to Amazon queued",
  "amazon-notice.accepted": "Notice to Amazon accepted by the mail server",
  "amazon-notice.held": "Notice to Amazon held",
  "amazon-notice.failed": "Notice to Amazon failed",
  "amazon-notice.recorded": "Notice to Amazon given another way",
  "third-party.notified": "Third party notified",
  "incident.closed": "Incident closed",
  "incident.false-positive": "Marked a false positive",
} as const;
export type TTimelineKind = keyof typeof TIMELINE_KIND_LABELS;

export const RECIPIENT_KINDS = ["regulator", "customer", "other"] as const;
export type TRecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Record<TRecipientKind, string> = { regulator: "Regulator", customer: "Customer", other: "Third party" };

export const NOTIFICATION_BASIS_LABELS: Record<NotificationBasis, string> = {
  amazon_approval: "Amazon's written approval",
  legal_obligation: "Legal obligation",
  none: "No approval or obligation",
};

export interface TPersonRef {
  id: string;
  name: string;
}

export interface TTimelineRow {
  id: string;
  occurredAt: string;
  kind: TTimelineKind;
  text: string;
  author: TPersonRef | null;
}

export interface TTaskRow {
  id: string;
  title: string;
  owner: TPersonRef;
  dueDate: string | null;
  doneAt: string | null;
}

export interface TCommentRow {
  id: string;
  body: string;
  author: TPersonRef;
  createdAt: string;
}

export interface TThirdPartyNotificationRow {
  id: string;
  recipientKind: TRecipientKind;
  /** Personal data: the decrypted name for pii.read; null otherwise. */
  recipientName: string | null;
  notifiedAt: string;
  basis: NotificationBasis;
  amazonApproval: string | null;
  legalObligation: string | null;
  reasonWithoutBasis: string | null;
  summary: string;
}

/** An incident shaped for its screen; personal data only for those allowed to read it. */
export interface TIncidentDetail {
  id: string;
  reference: string;
  title: string;
  summary: string;
  type: { id: string; name: string; procedure: string; escalationPath: string };
  severity: IncidentSeverity;
  status: IncidentStatus;
  detectedAt: string;
  createdAt: string;
  reportedBy: TPersonRef;
  commander: TPersonRef | null;
  team: TPersonRef[];
  affectedSystems: string[];
  affectedDataCategories: string[];
  /** True while the 24-hour clock applies: the answer is yes or not known yet. */
  amazonInfoInvolved: boolean;
  amazonInfoAnswer: TAmazonInfoAnswer;
  /** The answer came from the earlier checkbox, before the question changed. */
  amazonInfoAnsweredBefore: boolean;
  /** Clocks stopped or moved later on this incident, oldest first. */
  clockChanges: TClockChangeRow[];
  piiInvolved: boolean;
  /** The decrypted details for pii.read; null otherwise (see piiHidden). */
  piiDetails: string | null;
  piiHidden: boolean;
  /**
   * A read-only reader without user.email.read (an auditor): email addresses in the free text
   * (summary, timeline, comments, closing report, third-party entries) were replaced on the server.
   */
  emailsHidden: boolean;
  notificationDueAt: string | null;
  amazonNotifiedAt: string | null;
  amazonNoticeOnTime: boolean | null;
  clock: TClockState;
  falsePositiveReason: string | null;
  closing: Record<TClosingField, string | null>;
  closedAt: string | null;
  timeline: TTimelineRow[];
  tasks: TTaskRow[];
  comments: TCommentRow[];
  notices: TNoticeRow[];
  thirdPartyNotifications: TThirdPartyNotificationRow[];
  allowedStatuses: IncidentStatus[];
  timeZone: string;
  can: { update: boolean; close: boolean; notify: boolean; readPii: boolean; writePii: boolean };
}

/** How a clock was stopped or moved. */
export type TClockChangeKind = "stopped" | "moved_later" | "false_positive";

/** A clock stopped (the answer changed to no, or marked a false positive before any notice) or moved later (detection moved later). */
export interface TClockChangeRow {
  id: string;
  kind: TClockChangeKind;
  fromAnswer: TAmazonInfoAnswer | null;
  toAnswer: TAmazonInfoAnswer | null;
  fromDueAt: string | null;
  toDueAt: string | null;
  reason: string;
  changedBy: TPersonRef;
  changedAt: string;
}

/** The same change as the compliance map's GS-4e row reads it (lib/compliance/gather-facts.ts). */
export interface TClockChangeFact {
  reference: string;
  kind: TClockChangeKind;
  fromAnswer: TAmazonInfoAnswer | null;
  toAnswer: TAmazonInfoAnswer | null;
  fromDueAt: Date | null;
  toDueAt: Date | null;
  reason: string;
  changedByName: string;
  changedAt: Date;
}

const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * One line per clock change, the same on the compliance map, its exports and the certificate:
 * "INC-2026-0003: clock stopped (answer Not known yet → No) by Dana Reyes on 2026-11-30 10:00 UTC.
 * Reason: …".
 */
export function describeClockChange(change: TClockChangeFact): string {
  const what =
    change.kind === "stopped"
      ? `clock stopped (answer ${AMAZON_INFO_ANSWER_LABELS[change.fromAnswer ?? "yes"]} → ${AMAZON_INFO_ANSWER_LABELS[change.toAnswer ?? "no"]})`
      : change.kind === "false_positive"
        ? "clock stopped (marked a false positive before any notice to Amazon)"
        : `deadline moved later${change.fromDueAt && change.toDueAt ? ` (${utcMinute(change.fromDueAt)} → ${utcMinute(change.toDueAt)})` : " (detection moved later)"}`;
  return `${change.reference}: ${what} by ${change.changedByName} on ${utcMinute(change.changedAt)}. Reason: ${change.reason}`;
}

export interface TIncidentListRow {
  id: string;
  reference: string;
  title: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  typeId: string;
  typeName: string;
  detectedAt: string;
  notificationDueAt: string | null;
  amazonNotifiedAt: string | null;
  amazonNoticeOnTime: boolean | null;
  amazonInfoInvolved: boolean;
  commanderName: string | null;
  clock: TClockState;
  /** A notice sent through Vigil and not yet given: "sending", or "held" / "failed" (red). */
  notice?: TPendingNotice | null;
}

export interface TIncidentListPage {
  rows: TIncidentListRow[];
  total: number;
  query: TIncidentListQuery;
}

export interface TIncidentCatalog {
  types: { id: string; name: string; description: string; procedure: string; escalationPath: string; active: boolean }[];
  severities: { severity: IncidentSeverity; name: string; definition: string }[];
  people: TPersonRef[];
  /** The actor's own time zone, for times typed in forms. */
  timeZone: string;
}

export interface TDashboard {
  open: TIncidentListRow[];
  /** Every deadline the actor may see that is overdue or falls due within a week, nearest first (at most 50). */
  due: TDueItem[];
  /** More deadlines were due than the 50 shown. */
  dueTruncated: boolean;
  byStatus: Record<string, number>;
  bySeverity: Record<string, number>;
  months: { month: string; count: number }[];
  alarms: { id: string; title: string; rule: string; count: number; lastSeenAt: string }[] | null;
}
