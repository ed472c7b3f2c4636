// What screens, exports and other modules may import about incidents: row and view types, the
// input schemas, the pure rules screens need, and ONE label map per enum. No server code here.
import type { TDueItem } from "@/lib/core/clocks/types";
import type { IncidentSeverity, IncidentStatus, NotificationBasis } from "@/lib/generated/prisma/enums";
import type { TNoticeRow, TPendingNotice } from "@/lib/notices/types";
import type { TClockState } from "./clock-rules";
import type { TIncidentListQuery } from "./list-query";
import type { TClosingField } from "./status-rules";

export * from "./schemas";
export { CLOCK_LABELS, CLOCK_STATES, OPEN_CLOCK_STATES, clockState, formatRemaining, noticeDueAt, type TClockState } from "./clock-rules";
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
  amazonInfoInvolved: boolean;
  piiInvolved: boolean;
  /** The decrypted details for pii.read; null otherwise (see piiHidden). */
  piiDetails: string | null;
  piiHidden: boolean;
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
  /** Every deadline the actor may see that is overdue or falls due within a week, nearest first. */
  due: TDueItem[];
  byStatus: Record<string, number>;
  bySeverity: Record<string, number>;
  months: { month: string; count: number }[];
  alarms: { id: string; title: string; rule: string; count: number; lastSeenAt: string }[] | null;
}
