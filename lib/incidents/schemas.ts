// Input schemas for incidents. Forms post strings; these
// schemas accept both form strings and typed values, and give one clear message per field.
import { z } from "zod";
import { AMAZON_INFO_ANSWERS, CLOCK_CHANGE_REASON_MIN } from "./clock-rules";
import { CLOSING_FIELD_LABELS } from "./status-rules";

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** A list typed one item per line (or comma-separated), or an array. */
const list = (label: string) =>
  z.preprocess(
    (v) =>
      (typeof v === "string" ? v.split(/\r?\n|,/) : Array.isArray(v) ? v : v == null ? [] : [v])
        .map((s) => String(s).trim())
        .filter(Boolean),
    z.array(z.string().max(200, `Each ${label} must be at most 200 characters.`)).max(50, `List at most 50 ${label}s.`),
  );

const ids = z.preprocess(
  (v) => (typeof v === "string" ? (v ? v.split(",") : []) : Array.isArray(v) ? v : []),
  z.array(z.string().min(1)).max(50, "A team has at most 50 people."),
);

const optionalId = z.preprocess((v) => (v === "" || v == null ? undefined : v), z.string().min(1).optional());

/** Wall-clock "2026-11-28T10:30" in the given zone, or an ISO instant, or empty for "now". */
export const ZDateTimeText = z.preprocess((v) => (v instanceof Date ? v.toISOString() : v == null ? "" : String(v).trim()), z.string());

/** Yes, no, or not known yet: no default, the person must choose. */
export const ZAmazonInfoAnswer = z.enum(AMAZON_INFO_ANSWERS, { error: "Answer the question: yes, no, or not known yet." });

export const ZAmazonInfoAnswerChange = z.object({
  amazonInfoAnswer: ZAmazonInfoAnswer,
  reason: z.preprocess((v) => v ?? "", z.string().trim().max(2000, "Keep the reason under 2,000 characters.")),
});
export type TAmazonInfoAnswerChange = z.input<typeof ZAmazonInfoAnswerChange>;

/** Shown beside the reason field. */
export const CLOCK_CHANGE_REASON_HINT = `Needed to change a yes or not known yet to no: at least ${CLOCK_CHANGE_REASON_MIN} characters, shown on the incident and on the compliance map.`;

export const ZSeverity = z.enum(["SEV1", "SEV2", "SEV3", "SEV4"], { error: "Choose a severity." });

export const ZIncidentCreate = z.object({
  title: z.string({ error: "Give the incident a short title." }).trim().min(3, "Give the incident a short title (at least 3 characters).").max(200, "Keep the title under 200 characters."),
  summary: z.string({ error: "Say what happened." }).trim().min(10, "Say what happened (at least 10 characters).").max(10_000, "Keep the summary under 10,000 characters."),
  typeId: z.string({ error: "Choose the type of incident." }).min(1, "Choose the type of incident."),
  severity: ZSeverity,
  detectedAt: ZDateTimeText,
  timeZone: z.string().default("UTC"),
  commanderId: optionalId,
  teamIds: ids,
  affectedSystems: list("system"),
  affectedDataCategories: list("data category"),
  amazonInfoAnswer: ZAmazonInfoAnswer,
  piiInvolved: checkbox,
  piiDetails: z.string().max(10_000, "Keep the personal data details under 10,000 characters.").optional(),
});
export type TIncidentCreate = z.input<typeof ZIncidentCreate>;

/** The answer changes through its own service (changeAmazonInfoAnswer), never with the other details. */
export const ZIncidentUpdate = ZIncidentCreate.omit({ detectedAt: true, timeZone: true, amazonInfoAnswer: true }).partial();
export type TIncidentUpdate = z.input<typeof ZIncidentUpdate>;

export const ZDetectionTimeChange = z.object({
  detectedAt: ZDateTimeText,
  timeZone: z.string().default("UTC"),
  reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters.").default(""),
});
export type TDetectionTimeChange = z.input<typeof ZDetectionTimeChange>;

export const ZStatusChange = z.object({
  status: z.enum(["detected", "triaged", "contained", "eradicated", "recovered"], { error: "Choose a working status." }),
  note: z.string().trim().max(2000).optional(),
});
export type TStatusChange = z.input<typeof ZStatusChange>;

const closingText = (field: keyof typeof CLOSING_FIELD_LABELS) =>
  z.preprocess((v) => (v == null ? "" : v), z.string().trim().max(10_000, `Keep ${CLOSING_FIELD_LABELS[field].toLowerCase()} under 10,000 characters.`));

export const ZCloseIncident = z.object({
  closureDescription: closingText("closureDescription"),
  rootCause: closingText("rootCause"),
  remediationActions: closingText("remediationActions"),
  correctiveControls: closingText("correctiveControls"),
  lessonsLearned: closingText("lessonsLearned"),
});
export type TCloseIncident = z.input<typeof ZCloseIncident>;

export const ZFalsePositive = z.object({ reason: z.preprocess((v) => v ?? "", z.string().trim().max(2000)) });

export const ZTimelineEntry = z.object({
  occurredAt: ZDateTimeText,
  timeZone: z.string().default("UTC"),
  text: z.string({ error: "Write what happened." }).trim().min(2, "Write what happened.").max(5000, "Keep an entry under 5,000 characters."),
});

export const ZTask = z.object({
  title: z.string({ error: "Say what needs doing." }).trim().min(2, "Say what needs doing.").max(300),
  ownerId: z.string({ error: "Choose who owns the task." }).min(1, "Choose who owns the task."),
  dueDate: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the due date as a date.").optional(),
  ),
});

export const ZComment = z.object({
  body: z.string({ error: "Write a comment." }).trim().min(1, "Write a comment.").max(10_000, "Keep a comment under 10,000 characters."),
});

export const ZThirdPartyNotification = z.object({
  recipientKind: z.enum(["regulator", "customer", "other"], { error: "Choose who was notified." }),
  recipientName: z.string({ error: "Name who was notified." }).trim().min(2, "Name who was notified.").max(300),
  notifiedAt: ZDateTimeText,
  timeZone: z.string().default("UTC"),
  basis: z.enum(["amazon_approval", "legal_obligation", "none"], { error: "Choose the basis for notifying." }),
  amazonApproval: z.string().trim().max(20_000).optional(),
  legalObligation: z.string().trim().max(500).optional(),
  reasonWithoutBasis: z.string().trim().max(5000).optional(),
  summary: z.string({ error: "Say what was communicated." }).trim().min(5, "Say what was communicated.").max(10_000),
});
export type TThirdPartyNotification = z.input<typeof ZThirdPartyNotification>;

/** An incident type as the response plan lists it (edited in the plan's draft, lib/plans). */
export const ZIncidentTypeCreate = z.object({
  name: z.string().trim().min(2, "Give the type a name.").max(100),
  description: z.string().trim().min(5, "Describe the type.").max(2000),
  procedure: z.string().trim().min(5, "Write the procedure.").max(10_000),
  escalationPath: z.string().trim().min(5, "Write the escalation path.").max(5000),
});

