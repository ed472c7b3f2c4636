import "server-only";
import { csvRows } from "@/lib/csv";
import type { Db } from "@/lib/db/client";
import { AMAZON_INFO_ANSWER_LABELS, ANSWERED_BEFORE_LABEL, CLOCK_LABELS, STATUS_LABELS, clockState } from "@/lib/incidents/types";
import { withoutEmailAddresses } from "@/lib/notices/types";

export const INCIDENT_COLUMNS = [
  "Reference",
  "Title",
  "Type",
  "Severity",
  "Status",
  "Detected at (UTC)",
  "Security Incident under the policy",
  "Personal data involved",
  "Amazon notice due (UTC)",
  "Amazon notified at (UTC)",
  "Notified on time",
  "Amazon clock",
  "Closed at (UTC)",
  "Summary",
  "False positive reason",
  "Closure description",
  "Root cause",
  "Remediation actions",
  "Corrective controls",
  "Lessons learned",
] as const;

const BATCH = 500;

// Only these columns are read: the record, its free text (summary, closing report) and its clock,
// as the auditor reads them on the incident's page; never the personal-data fields (the encrypted
// details, the names of notified third parties), whatever the caller may otherwise read. Email
// addresses in the free text are hidden, as they are from the auditor.
const SELECT = {
  id: true,
  reference: true,
  title: true,
  type: { select: { name: true } },
  severity: true,
  status: true,
  detectedAt: true,
  amazonInfoAnswer: true,
  amazonInfoAnsweredBefore: true,
  piiInvolved: true,
  notificationDueAt: true,
  amazonNotifiedAt: true,
  amazonNoticeOnTime: true,
  closedAt: true,
  summary: true,
  falsePositiveReason: true,
  closureDescription: true,
  rootCause: true,
  remediationActions: true,
  correctiveControls: true,
  lessonsLearned: true,
} as const;

const freeText = (value: string | null) => (value === null ? "" : withoutEmailAddresses(value, ""));

const yesNo = (value: boolean | null) => (value === null ? "" : value ? "yes" : "no");

/**
 * Every incident, oldest detection first, as CSV text in batches: read by keyset on
 * (detectedAt, id), so 10,000 incidents are never in memory at once. `counted` is told the
 * number of rows written when the last batch is out.
 */
function batchAfter(database: Db, cursor: { detectedAt: Date; id: string } | null) {
  return database.incident.findMany({
    where: cursor ? { OR: [{ detectedAt: { gt: cursor.detectedAt } }, { detectedAt: cursor.detectedAt, id: { gt: cursor.id } }] } : {},
    orderBy: [{ detectedAt: "asc" }, { id: "asc" }],
    take: BATCH,
    select: SELECT,
  });
}

export async function* incidentsCsv(database: Db, at: Date, counted: (rows: number) => void = () => undefined): AsyncGenerator<string> {
  yield csvRows([INCIDENT_COLUMNS]);
  let total = 0;
  let after: { detectedAt: Date; id: string } | null = null;
  for (;;) {
    const rows = await batchAfter(database, after);
    if (rows.length === 0) break;
    total += rows.length;
    yield csvRows(
      rows.map((r) => [
        r.reference,
        r.title,
        r.type.name,
        r.severity,
        STATUS_LABELS[r.status],
        r.detectedAt,
        // Yes, no or not known yet (which runs the clock), as the incident screen says it.
        `${AMAZON_INFO_ANSWER_LABELS[r.amazonInfoAnswer].toLowerCase()}${r.amazonInfoAnsweredBefore ? ` (${ANSWERED_BEFORE_LABEL})` : ""}`,
        yesNo(r.piiInvolved),
        r.notificationDueAt,
        r.amazonNotifiedAt,
        yesNo(r.amazonNoticeOnTime),
        CLOCK_LABELS[clockState({ dueAt: r.notificationDueAt, notifiedAt: r.amazonNotifiedAt, noticeOnTime: r.amazonNoticeOnTime, stopped: r.status === "false_positive" }, at)],
        r.closedAt,
        freeText(r.summary),
        freeText(r.falsePositiveReason),
        freeText(r.closureDescription),
        freeText(r.rootCause),
        freeText(r.remediationActions),
        freeText(r.correctiveControls),
        freeText(r.lessonsLearned),
      ]),
    );
    const last = rows[rows.length - 1]!;
    after = { detectedAt: last.detectedAt, id: last.id };
    if (rows.length < BATCH) break;
  }
  counted(total);
}
