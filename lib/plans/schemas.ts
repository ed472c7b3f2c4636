import { z } from "zod";
import { listQueryFields } from "@/lib/core/list-query";
import { optionalText, text } from "@/lib/core/schema-fields";
import { ACTIVITY_OUTCOMES, CONTROL_ACTIVITY_KINDS } from "./activity-rules";

export const POLICY_DOCUMENT_KINDS = ["ir_plan", "privacy_policy", "other"] as const;
export const POLICY_VERSION_STATUSES = ["draft", "approved"] as const;

/** The longest text a version may hold: a long plan is some 30,000 characters. */
export const POLICY_BODY_MAX = 100_000;

const reviewFrequency = z.coerce
  .number({ message: "Enter how many months between reviews." })
  .int("Enter a whole number of months.")
  .min(1, "Review at least every 24 months and at most every month.")
  .max(24, "Review at least every 24 months and at most every month.");

/** A policy the team adds (the plan and the privacy policy come from the templates). */
export const ZPolicyDocumentCreate = z.object({
  title: text(200, "Give the policy a title."),
  reviewFrequencyMonths: reviewFrequency.default(12),
});
export type TPolicyDocumentCreate = z.input<typeof ZPolicyDocumentCreate>;

/** The roles a document can ask to acknowledge it: every role but auditor, who reads and changes nothing. */
export const AUDIENCE_ROLES = ["admin", "security_lead", "responder", "privacy_officer", "member"] as const;

export const ZPolicyDraftSave = z.object({
  body: z.string().trim().min(20, "Write the text of the document (at least 20 characters).").max(POLICY_BODY_MAX, `Keep it under ${POLICY_BODY_MAX} characters.`),
  changeSummary: text(500, "Say in a line what this version changes."),
  reviewFrequencyMonths: reviewFrequency,
  audienceRoles: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(z.enum(AUDIENCE_ROLES, { message: "Choose roles from the list." })).min(1, "Choose at least one role that must acknowledge it."),
  ),
});
export type TPolicyDraftSave = z.input<typeof ZPolicyDraftSave>;

export const POLICY_SORT_COLUMNS = ["title", "createdAt", "reviewDueOn"] as const;

export const ZPolicyListQuery = z.object({
  ...listQueryFields(POLICY_SORT_COLUMNS, { sort: "title", dir: "asc" }),
});
export type TPolicyListQuery = z.output<typeof ZPolicyListQuery>;

const versionKey = z.string().regex(/^([1-9]\d{0,5}|draft)$/);

/** Two versions of one document, by number or "draft", from the compare form's URL. */
export const ZPolicyCompareQuery = z.object({ from: versionKey, to: versionKey });

const calendarDay = (message: string) => z.string({ message }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, message);

export const POLICY_REVIEW_OUTCOMES = ["no_change", "changes_made"] as const;

export const ZPolicyReviewRecord = z.object({
  reviewedOn: calendarDay("Enter the day of the review."),
  outcome: z.enum(POLICY_REVIEW_OUTCOMES, { message: "Choose the outcome of the review." }),
  // Required for "changes made": checked in the service, which knows the versions.
  versionNumber: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(1).optional()),
  notes: z.string().trim().min(10, "Say what the review looked at and found (at least 10 characters).").max(4000, "Keep it under 4000 characters."),
});
export type TPolicyReviewRecord = z.input<typeof ZPolicyReviewRecord>;

export const ZPolicyChangeRecord = z.object({
  description: z.string().trim().min(5, "Say what changed.").max(2000, "Keep it under 2000 characters."),
  changedOn: calendarDay("Enter the day of the change."),
  // A checkbox: "on" when ticked, absent when not.
  major: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  reviewWithinDays: z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? 30 : v),
    z.coerce.number({ message: "Enter a number of days." }).int("Enter a whole number of days.").min(1, "Between 1 and 180 days.").max(180, "Between 1 and 180 days."),
  ),
});
export type TPolicyChangeRecord = z.input<typeof ZPolicyChangeRecord>;

export const PLAN_CONTACT_ROLES = ["impoc", "impoc_deputy", "incident_commander", "deputy_commander"] as const;

/** A person the incident response plan names. Email and phone are stored encrypted. */
export const ZPlanContactAdd = z.object({
  role: z.enum(PLAN_CONTACT_ROLES, { message: "Choose the role." }),
  name: text(200, "Enter the person's name."),
  email: z.string().trim().max(320, "Keep it under 320 characters.").pipe(z.email({ message: "Enter an email address, such as impoc@example.com." })),
  phone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{5,30}$/, "Enter a phone number: digits, spaces, + ( ) - only.")
      .optional(),
  ),
});
export type TPlanContactAdd = z.input<typeof ZPlanContactAdd>;

/** An incident type in the plan's draft: name, description, procedure, escalation path. */
export { ZIncidentTypeCreate as ZPlanIncidentType } from "@/lib/incidents/types";

/** Schedules a recurring control activity. */
/** Left empty, title, frequency and evidence take the kind's defaults (ACTIVITY_DEFAULTS). */
export const ZControlActivityCreate = z.object({
  kind: z.enum(CONTROL_ACTIVITY_KINDS, { message: "Choose the kind of activity." }),
  title: optionalText(200),
  frequencyDays: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ message: "Enter how many days between runs." }).int("Enter a whole number of days.").min(1, "Between 1 and 1096 days.").max(1096, "Between 1 and 1096 days.").optional(),
  ),
  ownerId: text(64, "Choose who carries it out."),
  evidenceExpected: optionalText(1000),
  firstDueOn: calendarDay("Enter the day it is first due."),
});
export type TControlActivityCreate = z.input<typeof ZControlActivityCreate>;

/** A completion: who is the actor; the day, the outcome and the proof (note or evidence label). */
export const ZControlActivityComplete = z.object({
  completedOn: calendarDay("Enter the day it was done."),
  outcome: z.enum(ACTIVITY_OUTCOMES, { message: "Choose the outcome." }),
  note: optionalText(4000),
  evidenceLabel: optionalText(40),
  scenario: optionalText(4000),
  participants: optionalText(2000),
  wentWell: optionalText(4000),
  wentBadly: optionalText(4000),
  followUps: optionalText(4000),
});
export type TControlActivityComplete = z.input<typeof ZControlActivityComplete>;

export const ACTIVITY_SORT_COLUMNS = ["nextDueOn", "title"] as const;

export const ZActivityListQuery = z.object({
  ...listQueryFields(ACTIVITY_SORT_COLUMNS, { sort: "nextDueOn", dir: "asc" }),
});
export type TActivityListQuery = z.output<typeof ZActivityListQuery>;
