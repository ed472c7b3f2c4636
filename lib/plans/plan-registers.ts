import "server-only";
// The plans module's registers for the audit pack, each described once (lib/core/register-report):
// the change register, the reviews, the control activities' completions and the acknowledgements.
// Read a page at a time by keyset; names of people looked up per page; no email or phone.
import { displayNames } from "@/lib/core/display-names";
import { pagedRows } from "@/lib/core/register-report/register-rows";
import type { TRegister } from "@/lib/core/register-report/types";
import type { Db } from "@/lib/db/client";
import { formatDay } from "@/lib/findings/types";
import { ACTIVITY_DEFAULTS, ACTIVITY_OUTCOME_LABEL } from "./activity-rules";
import { REVIEW_OUTCOME_LABEL } from "./types";

const PAGE = 500;
// Each register is grouped by its document (or activity, or version) and in date order within it,
// read by keyset on (group, date, id): the ("group", "date") indexes serve it.
type TCursor = { group: string; at: Date | string; id: string };
function after(group: string, field: string, cursor: TCursor | null) {
  if (!cursor) return {};
  return { OR: [{ [group]: { gt: cursor.group } }, { [group]: cursor.group, [field]: { gt: cursor.at } }, { [group]: cursor.group, [field]: cursor.at, id: { gt: cursor.id } }] };
}
const keyset = (group: string, field: string) => [{ [group]: "asc" as const }, { [field]: "asc" as const }, { id: "asc" as const }];

/** Rows with the names of the people they name, looked up once per page. */
async function named<T, R>(rows: T[], ids: (row: T) => (string | null)[], toRow: (row: T, name: (id: string | null) => string) => R): Promise<R[]> {
  const names = await displayNames(rows.flatMap(ids).filter((id): id is string => id !== null));
  return rows.map((r) => toRow(r, (id) => (id ? (names.get(id) ?? "Unknown") : "")));
}

type TChangeRow = { id: string; documentId: string; createdAt: Date; reference: string; changedOn: Date; description: string; major: boolean; reviewWithinDays: number; recordedBy: string };

export function changeRegister(database: Db): TRegister<TChangeRow> {
  return {
    title: "Change register",
    columns: [
      { label: "Document", value: (r) => r.reference },
      { label: "Changed on", value: (r) => formatDay(r.changedOn) },
      { label: "What changed", value: (r) => r.description, width: 3 },
      { label: "Major", value: (r) => r.major },
      { label: "Review within (days)", value: (r) => (r.major ? r.reviewWithinDays : "") },
      { label: "Recorded by", value: (r) => r.recordedBy },
      { label: "Recorded at (UTC)", value: (r) => r.createdAt },
    ],
    rows: pagedRows(
      PAGE,
      async (cursor: TCursor | null, take) =>
        named(
          await database.policyChange.findMany({ where: after("documentId", "changedOn", cursor), orderBy: keyset("documentId", "changedOn"), take, include: { document: { select: { reference: true } } } }),
          (c) => [c.recordedById],
          (c, name) => ({ id: c.id, documentId: c.documentId, createdAt: c.createdAt, reference: c.document.reference, changedOn: c.changedOn, description: c.description, major: c.major, reviewWithinDays: c.reviewWithinDays, recordedBy: name(c.recordedById) }),
        ),
      (r) => ({ group: r.documentId, at: r.changedOn, id: r.id }),
    ),
  };
}

type TReviewRow = { id: string; documentId: string; createdAt: Date; reference: string; reviewedOn: Date; reviewer: string; outcome: keyof typeof REVIEW_OUTCOME_LABEL; versionNumber: number | null; notes: string };

export function reviewRegister(database: Db): TRegister<TReviewRow> {
  return {
    title: "Plan and policy reviews",
    columns: [
      { label: "Document", value: (r) => r.reference },
      { label: "Reviewed on", value: (r) => formatDay(r.reviewedOn) },
      { label: "Reviewer", value: (r) => r.reviewer },
      { label: "Outcome", value: (r) => REVIEW_OUTCOME_LABEL[r.outcome] },
      { label: "Version with the changes", value: (r) => r.versionNumber ?? "" },
      { label: "Notes", value: (r) => r.notes, width: 3 },
    ],
    rows: pagedRows(
      PAGE,
      async (cursor: TCursor | null, take) =>
        named(
          await database.policyReview.findMany({ where: after("documentId", "reviewedOn", cursor), orderBy: keyset("documentId", "reviewedOn"), take, include: { document: { select: { reference: true } } } }),
          (r) => [r.reviewerId],
          (r, name) => ({ id: r.id, documentId: r.documentId, createdAt: r.createdAt, reference: r.document.reference, reviewedOn: r.reviewedOn, reviewer: name(r.reviewerId), outcome: r.outcome, versionNumber: r.versionNumber, notes: r.notes }),
        ),
      (r) => ({ group: r.documentId, at: r.reviewedOn, id: r.id }),
    ),
  };
}

type TCompletionRow = {
  id: string;
  activityId: string;
  createdAt: Date;
  reference: string;
  title: string;
  kind: keyof typeof ACTIVITY_DEFAULTS;
  completedOn: Date;
  by: string;
  outcome: keyof typeof ACTIVITY_OUTCOME_LABEL;
  evidenceLabel: string;
  note: string;
  scenario: string;
  participants: string;
  wentWell: string;
  wentBadly: string;
};

export function activityCompletionRegister(database: Db): TRegister<TCompletionRow> {
  return {
    title: "Control activities carried out",
    columns: [
      { label: "Activity", value: (r) => r.reference },
      { label: "Title", value: (r) => r.title },
      { label: "Kind", value: (r) => ACTIVITY_DEFAULTS[r.kind].label },
      { label: "Done on", value: (r) => formatDay(r.completedOn) },
      { label: "By", value: (r) => r.by },
      { label: "Outcome", value: (r) => ACTIVITY_OUTCOME_LABEL[r.outcome] },
      { label: "Evidence item", value: (r) => r.evidenceLabel },
      { label: "Note", value: (r) => r.note, width: 2 },
      { label: "Scenario", value: (r) => r.scenario },
      { label: "Participants", value: (r) => r.participants },
      { label: "What went well", value: (r) => r.wentWell },
      { label: "What did not", value: (r) => r.wentBadly },
    ],
    rows: pagedRows(
      PAGE,
      async (cursor: TCursor | null, take) => {
        const rows = await database.controlActivityCompletion.findMany({
          where: after("activityId", "completedOn", cursor),
          orderBy: keyset("activityId", "completedOn"),
          take,
          include: { activity: { select: { reference: true, title: true, kind: true } } },
        });
        const evidence = await database.evidenceItem.findMany({ where: { id: { in: rows.flatMap((r) => (r.evidenceId ? [r.evidenceId] : [])) } }, select: { id: true, label: true } });
        const labels = new Map(evidence.map((e) => [e.id, e.label]));
        return named(rows, (r) => [r.completedById], (r, name) => ({
          id: r.id,
          activityId: r.activityId,
          createdAt: r.createdAt,
          reference: r.activity.reference,
          title: r.activity.title,
          kind: r.activity.kind,
          completedOn: r.completedOn,
          by: name(r.completedById),
          outcome: r.outcome,
          evidenceLabel: r.evidenceId ? (labels.get(r.evidenceId) ?? "") : "",
          note: r.note ?? "",
          scenario: r.scenario ?? "",
          participants: r.participants ?? "",
          wentWell: r.wentWell ?? "",
          wentBadly: r.wentBadly ?? "",
        }));
      },
      (r) => ({ group: r.activityId, at: r.completedOn, id: r.id }),
    ),
  };
}

type TAcknowledgementRow = { id: string; versionId: string; userId: string; acknowledgedAt: Date; reference: string; number: number | null; person: string };

export function acknowledgementRegister(database: Db): TRegister<TAcknowledgementRow> {
  return {
    title: "Acknowledgements of plans and policies",
    columns: [
      { label: "Document", value: (r) => r.reference },
      { label: "Version", value: (r) => r.number ?? "" },
      { label: "Person", value: (r) => r.person },
      { label: "Acknowledged at (UTC)", value: (r) => r.acknowledgedAt },
    ],
    rows: pagedRows(
      PAGE,
      async (cursor: TCursor | null, take) =>
        named(
          await database.policyAcknowledgement.findMany({
            where: after("versionId", "userId", cursor),
            orderBy: keyset("versionId", "userId"),
            take,
            include: { version: { select: { number: true, document: { select: { reference: true } } } } },
          }),
          (a) => [a.userId],
          (a, name) => ({ id: a.id, versionId: a.versionId, userId: a.userId, acknowledgedAt: a.acknowledgedAt, reference: a.version.document.reference, number: a.version.number, person: name(a.userId) }),
        ),
      (r) => ({ group: r.versionId, at: r.userId, id: r.id }),
    ),
  };
}
